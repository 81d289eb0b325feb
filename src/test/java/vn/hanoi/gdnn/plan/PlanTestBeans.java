package vn.hanoi.gdnn.plan;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.procedure.Periods;

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
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
          .forEach(environment.getPropertySources()::addLast);
      return new Periods(environment);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
