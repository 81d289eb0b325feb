package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/** The document-number rule over the shipped organisation (organisation/organisation.yaml), wired as Spring does. */
public final class ShippedDocumentNumbers {

  private ShippedDocumentNumbers() {
  }

  public static DocumentNumberRule rule() {
    ClassPathResource file = new ClassPathResource("organisation/organisation.yaml");
    try (InputStream in = file.getInputStream()) {
      return new DocumentNumberRule(OrganisationDirectory.parse(in, file.getDescription()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DocumentNumberForms forms() {
    return new DocumentNumberForms(rule());
  }
}
