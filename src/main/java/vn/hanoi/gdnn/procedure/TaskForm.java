package vn.hanoi.gdnn.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Camunda Form ({@code forms/*.form}) lets its user submit, read from the form file itself: the one
 * definition of a task's input, shared by the browser (form-js renders and validates it in Tasklist) and the
 * server (the submission guard accepts exactly these fields, with these types and constraints).
 *
 * <p>Only components bound to data count: fields with a {@code key}, and dynamic lists with a {@code path}
 * (their rows are objects of the list's own fields). Text, tables and other display components submit nothing.
 */
public final class TaskForm {

  /** Kinds of value a form-js component submits. */
  public enum Kind {
    /** textfield, textarea, datetime: text. */
    TEXT,
    /** number: a number. */
    NUMBER,
    /** checkbox: true or false. */
    BOOLEAN,
    /** radio, select: one of the options. */
    CHOICE,
    /** checklist, taglist: a JSON list of options. */
    CHOICES,
    /** dynamiclist: a JSON list of rows, each an object of the list's fields. */
    ROWS
  }

  /**
   * One data-bound component. {@code options} are the static values, {@code valuesKey} names the variable holding
   * the options instead; {@code conditional} fields may be hidden (and then not submitted) by a FEEL condition, so
   * only unconditional fields are required whatever else was entered. A dynamic list's {@code rows} are its
   * fields; {@code fixedRows} when the user may not add or remove rows.
   */
  public record Field(String key, String label, Kind kind, boolean readonly, boolean conditional, boolean required,
      Integer minLength, Integer maxLength, Pattern pattern, Double min, Double max, List<String> options,
      String valuesKey, List<Field> rows, boolean fixedRows) {

    /** The label as the user sees it, with the technical key for support: {@code "Ý kiến" (opinion)}. */
    public String display() {
      return "\"" + (label == null || label.isBlank() ? key : label) + "\" (" + key + ")";
    }
  }

  private final String id;
  private final Map<String, Field> fields;

  private TaskForm(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  public String id() {
    return id;
  }

  public Optional<Field> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public List<Field> fields() {
    return List.copyOf(fields.values());
  }

  public static TaskForm parse(InputStream json) throws IOException {
    return parse(JsonVariables.MAPPER.readTree(json));
  }

  public static TaskForm parse(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new TaskForm(form.path("id").asText(""), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (type.equals("dynamiclist") && component.hasNonNull("path")) {
        Map<String, Field> rows = new LinkedHashMap<>();
        collect(component.path("components"), rows);
        Field list = field(component, component.path("path").asText(), Kind.ROWS, List.copyOf(rows.values()));
        into.put(list.key(), list);
        continue;
      }
      Kind kind = kind(type);
      if (kind != null && component.hasNonNull("key")) {
        Field field = field(component, component.path("key").asText(), kind, List.of());
        into.put(field.key(), field);
      } else if (component.has("components")) {
        collect(component.path("components"), into); // groups: their fields belong to the form itself
      }
    }
  }

  private static Field field(JsonNode c, String key, Kind kind, List<Field> rows) {
    JsonNode validate = c.path("validate");
    List<String> options = new ArrayList<>();
    c.path("values").forEach(option -> options.add(option.path("value").asText()));
    String pattern = validate.path("pattern").asText(null);
    return new Field(key, c.path("label").asText(null), kind,
        c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
        c.has("conditional"),
        validate.path("required").asBoolean(false),
        validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
        pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern),
        validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
        validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
        List.copyOf(options),
        c.path("valuesKey").asText(null),
        rows,
        kind == Kind.ROWS && !c.path("allowAddRemove").asBoolean(false));
  }

  private static Kind kind(String type) {
    return switch (type) {
      case "textfield", "textarea", "datetime" -> Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      case "radio", "select" -> Kind.CHOICE;
      case "checklist", "taglist" -> Kind.CHOICES;
      default -> null;
    };
  }
}
