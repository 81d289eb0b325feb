package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule.Scope;

/**
 * Writes {@link DocumentNumberRule} into the forms when they are deployed, so the browser and the server read the
 * one rule and no form file holds a copy. A form marks a document-number field with the custom property
 * {@code "properties": {"documentNumber": "any"}} ({@code "normative"} where only a normative document's number
 * fits); its {@code validate.pattern} and {@code description} are then the rule's. The server's
 * {@code FormSubmission} reads the deployed form, so it checks the same pattern.
 */
@Component
public class DocumentNumberForms {

  /** The custom property that marks a document-number field. */
  public static final String PROPERTY = "documentNumber";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DocumentNumberRule rule;

  public DocumentNumberForms(DocumentNumberRule rule) {
    this.rule = rule;
  }

  /** The form with the rule in its marked fields; a form without one comes back unchanged, byte for byte. */
  public byte[] apply(byte[] form) {
    JsonNode root;
    try {
      root = JSON.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a form (JSON): cannot write the document-number rule into it", e);
    }
    if (!(root instanceof ObjectNode) || !mark(root)) {
      return form;
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the form back", e);
    }
  }

  private boolean mark(JsonNode node) {
    boolean changed = false;
    for (JsonNode component : node.path("components")) {
      String scope = component.path("properties").path(PROPERTY).asText("");
      if (!scope.isEmpty() && component instanceof ObjectNode field) {
        Scope which = switch (scope) {
          case "any" -> Scope.ANY;
          case "normative" -> Scope.NORMATIVE;
          default -> throw new IllegalStateException("Form field " + field.path("key").asText()
              + ": property " + PROPERTY + " must be \"any\" or \"normative\", is \"" + scope + "\"");
        };
        JsonNode validate = field.path("validate");
        ObjectNode rules = validate instanceof ObjectNode existing ? existing : field.putObject("validate");
        rules.put("pattern", rule.pattern(which));
        field.put("description", rule.description(which));
        changed = true;
      }
      changed |= mark(component);
    }
    return changed;
  }
}
