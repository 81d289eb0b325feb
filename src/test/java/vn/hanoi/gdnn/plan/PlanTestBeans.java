package vn.hanoi.gdnn.plan;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.procedure.Periods;
import vn.hanoi.gdnn.procedure.ProcedureBeans;

/** The plan's collaborators built from the shipped files, as Spring builds them (no Spring context needed). */
final class PlanTestBeans {

  private PlanTestBeans() {
  }

  static OrganisationDirectory directory() {
    ClassPathResource file = new ClassPathResource("organisation/organisation.yaml");
    try (InputStream in = file.getInputStream()) {
      return OrganisationDirectory.parse(in, file.getDescription());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static PlanUnits units() {
    return new PlanUnits(directory());
  }

  static Periods periods() {
    return ProcedureBeans.shippedPeriods();
  }
}
