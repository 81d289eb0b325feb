package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule.Scope;

/**
 * Writes {@link DocumentNumberRule} (and the "not later than today" warning of a date of issue) into the forms when
 * they are deployed, so the browser and the server read the
 * one rule and no form file holds a copy. A form marks a document-number field with the custom property
 * {@code "properties": {"documentNumber": "any"}} ({@code "normative"} where only a normative document's number
 * fits); its {@code validate.pattern} and {@code description} are then the rule's. The server's
 * {@code FormSubmission} reads the deployed form, so it checks the same pattern.
 */
@Component
public class DocumentNumberForms {

  /** The custom property that marks a document-number field. */
  public static final String PROPERTY = "documentNumber";
  /** The custom property ({@code "true"}) that marks a document's date of issue: not later than today. */
  public static final String ISSUE_DATE = "issueDate";

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
    if (node.path("components") instanceof com.fasterxml.jackson.databind.node.ArrayNode components) {
      com.fasterxml.jackson.databind.node.ArrayNode written = components.arrayNode();
      for (JsonNode component : components) {
        written.add(component);
        if ("true".equals(component.path("properties").path(ISSUE_DATE).asText(""))) {
          written.add(notInFutureWarning(component.path("id").asText(), component.path("key").asText(),
              component.path("label").asText("Ngày ban hành")));
          changed = true;
        }
      }
      ((ObjectNode) node).set("components", written);
    }
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

  /**
   * The browser's half of "a date of issue is not later than today" (the server's is {@code
   * TaskInput.requirePastDate}): a warning shown under the field while its {@code dd/MM/yyyy} date is after today
   * in the browser's calendar. Camunda Forms have no date rule for a text field, so the form says it instead of
   * refusing; FEEL's {@code matches} does not work in Tasklist's form-js, hence the arithmetic.
   */
  private static ObjectNode notInFutureWarning(String fieldId, String key, String label) {
    ObjectNode text = JSON.createObjectNode();
    text.put("id", fieldId + "_NotInFuture");
    text.put("type", "text");
    text.put("text", "**" + label + " không được sau ngày hôm nay.** Hệ thống sẽ không nhận ngày này khi hoàn thành "
        + "công việc.");
    String day = "number(substring(" + key + ", 1, 2))";
    String month = "number(substring(" + key + ", 4, 2))";
    String year = "number(substring(" + key + ", 7, 4))";
    text.putObject("conditional").put("hide", "=if " + key + " = null or string length(" + key + ") != 10 then true"
        + " else " + year + " * 10000 + " + month + " * 100 + " + day
        + " <= today().year * 10000 + today().month * 100 + today().day");
    return text;
  }
}
