package vn.hanoi.gdnn.procedure;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/** The shipped organisation (organisation/organisation.yaml) as the procedures see it. */
final class TestOrganisation {

  private TestOrganisation() {
  }

  static UnitRegistry registry() {
    ClassPathResource file = new ClassPathResource("organisation/organisation.yaml");
    try (InputStream in = file.getInputStream()) {
      return new OrganisationUnitRegistry(OrganisationDirectory.parse(in, file.getDescription()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
