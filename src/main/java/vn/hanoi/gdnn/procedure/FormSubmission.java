package vn.hanoi.gdnn.procedure;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.hanoi.gdnn.procedure.TaskForm.Field;
import vn.hanoi.gdnn.procedure.TaskForm.Kind;

/**
 * Checks a task submission against its form ({@link TaskForm}): a submission is its form. Every submitted name must
 * be a field of the form; read-only fields may come back only unchanged (form-js sends them with the rest); each
 * value must have the type the field implies, be one of its options, and meet the form's own {@code validate}
 * rules (required, length, pattern, range) — the same rules the browser applied. Nothing else may be sent, so
 * routing, identity and time variables (approver groups, units, deadlines, periods, replies so far) stay what the
 * process set. A failure names the field in Vietnamese; the caller refuses the whole submission before anything
 * is stored.
 *
 * <p>Java objects (type {@code Object}), files and XML are refused whatever the field: a client sends text,
 * numbers, true/false and JSON only.
 */
public final class FormSubmission {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TaskForm form;
  private final String taskName;
  private final Function<String, TypedValue> current;
  /** The options a {@code valuesKey} names, read once per submission however many items choose from them. */
  private final Map<String, Set<String>> dynamicOptions = new HashMap<>();

  /**
   * @param current the task's current value of a variable (read-only fields, options named by {@code valuesKey}),
   *     null when it has none
   */
  public FormSubmission(TaskForm form, String taskName, Function<String, TypedValue> current) {
    this.form = form;
    this.taskName = taskName;
    this.current = current;
  }

  /** Refuses a submission to a task that has no form: such a task takes no input. */
  public static void requireEmpty(Map<String, ?> submitted, String taskName) {
    if (submitted != null && !submitted.isEmpty()) {
      String key = submitted.keySet().iterator().next();
      throw new FormFieldValidationException(key, "Công việc \"" + taskName + "\" không có biểu mẫu nhập liệu: "
          + "không được gửi kèm trường \"" + key + "\".");
    }
  }

  public void check(Map<String, ?> submitted) {
    Map<String, ?> values = submitted == null ? Map.of() : submitted;
    for (String key : values.keySet()) {
      Field field = form.field(key).orElseThrow(() -> new FormFieldValidationException(key,
          "Trường \"" + key + "\" không có trong biểu mẫu của công việc \"" + taskName
              + "\": chỉ được gửi các trường của biểu mẫu."));
      // A VariableMap answers get() with the plain value, which a serialized object cannot give: read it typed.
      JsonNode value = json(field, values instanceof VariableMap typed ? typed.getValueTyped(key) : values.get(key));
      if (field.readonly()) {
        requireUnchanged(field, value, stored(current.apply(field.key())));
      } else {
        // only a list compares with what it held (its fixed rows, its read-only columns)
        checkValue(field, value, field.kind() == Kind.ROWS ? stored(current.apply(field.key()))
            : NullNode.getInstance());
      }
    }
    for (Field field : form.fields()) {
      if (field.required() && !field.readonly() && !field.conditional() && !values.containsKey(field.key())) {
        throw required(field);
      }
    }
  }

  private void checkValue(Field field, JsonNode value, JsonNode before) {
    if (isEmpty(value)) {
      if (field.required() && !field.conditional()) {
        throw required(field);
      }
      if (!value.isNull() && !value.isTextual() && field.kind() != Kind.CHOICES && field.kind() != Kind.ROWS) {
        throw wrongType(field, value);
      }
      return;
    }
    switch (field.kind()) {
      case TEXT -> checkText(field, requireText(field, value));
      case CHOICE -> requireOption(field, requireText(field, value));
      case NUMBER -> checkNumber(field, value);
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw wrongType(field, value);
        }
      }
      case CHOICES -> {
        if (!value.isArray()) {
          throw wrongType(field, value);
        }
        for (JsonNode item : value) {
          requireOption(field, requireText(field, item));
        }
      }
      case ROWS -> checkRows(field, value, before);
      default -> throw wrongType(field, value);
    }
  }

  private void checkRows(Field list, JsonNode rows, JsonNode before) {
    if (!rows.isArray()) {
      throw wrongType(list, rows);
    }
    int existing = before.isArray() ? before.size() : 0;
    if (list.fixedRows() && rows.size() != existing) {
      throw new FormFieldValidationException(list.key(), "Trường " + list.display() + " phải giữ nguyên " + existing
          + " dòng như khi giao việc, nhận được " + rows.size() + " dòng.");
    }
    for (int i = 0; i < rows.size(); i++) {
      int line = i + 1;
      JsonNode row = rows.get(i);
      if (!row.isObject()) {
        throw wrongType(list, row);
      }
      JsonNode old = i < existing ? before.get(i) : NODES.objectNode();
      Set<String> sent = new HashSet<>();
      for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
        sent.add(names.next());
      }
      for (String name : sent) {
        Field field = list.rows().stream().filter(f -> f.key().equals(name)).findFirst().orElseThrow(() ->
            new FormFieldValidationException(list.key(), "Dòng " + line + " của trường " + list.display()
                + " có cột \"" + name + "\" không có trong biểu mẫu."));
        JsonNode cell = row.get(name);
        JsonNode oldCell = old.path(name).isMissingNode() ? NullNode.getInstance() : old.get(name);
        if (field.readonly()) {
          requireUnchanged(field, cell, oldCell);
        } else {
          checkValue(field, cell, NullNode.getInstance());
        }
      }
      for (Field field : list.rows()) {
        if (field.required() && !field.readonly() && !field.conditional() && !sent.contains(field.key())) {
          throw required(field);
        }
      }
    }
  }

  private void checkText(Field field, String text) {
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display() + " phải có tối thiểu "
          + field.minLength() + " ký tự.");
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display() + " chỉ được có tối đa "
          + field.maxLength() + " ký tự.");
    }
    // form-js tests the pattern as JavaScript's RegExp.test does: anywhere in the text unless anchored.
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display()
          + " không đúng định dạng quy định, nhận được: " + text);
    }
  }

  private void checkNumber(Field field, JsonNode value) {
    if (!value.isNumber()) {
      throw wrongType(field, value);
    }
    double number = value.asDouble();
    if (field.min() != null && number < field.min() || field.max() != null && number > field.max()) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display() + " phải trong khoảng "
          + field.min() + " – " + field.max() + ", nhận được: " + value.asText());
    }
  }

  private void requireOption(Field field, String value) {
    Collection<String> options = field.options();
    if (field.valuesKey() != null) {
      options = dynamicOptions.computeIfAbsent(field.valuesKey(), key -> {
        Set<String> dynamic = new HashSet<>();
        JsonNode list = JsonVariables.parse(key, current.apply(key));
        list.forEach(option -> dynamic.add(option.isObject() ? option.path("value").asText() : option.asText()));
        return dynamic;
      });
    }
    if (!options.contains(value)) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display()
          + " phải là một trong các giá trị của biểu mẫu " + options + ", nhận được: " + value);
    }
  }

  private void requireUnchanged(Field field, JsonNode sent, JsonNode before) {
    if (!same(sent, before)) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display()
          + " chỉ để xem, không được thay đổi khi hoàn thành công việc \"" + taskName + "\".");
    }
  }

  private static String requireText(Field field, JsonNode value) {
    if (!value.isTextual()) {
      throw wrongType(field, value);
    }
    return value.asText();
  }

  private static FormFieldValidationException required(Field field) {
    return new FormFieldValidationException(field.key(), "Trường " + field.display() + " là bắt buộc.");
  }

  private static FormFieldValidationException wrongType(Field field, JsonNode value) {
    String expected = switch (field.kind()) {
      case TEXT, CHOICE -> "văn bản";
      case NUMBER -> "số";
      case BOOLEAN -> "giá trị đúng/sai";
      case CHOICES -> "danh sách các lựa chọn";
      case ROWS -> "danh sách các dòng của biểu mẫu";
    };
    return new FormFieldValidationException(field.key(), "Trường " + field.display() + " phải là " + expected
        + ", nhận được: " + value);
  }

  private static boolean isEmpty(JsonNode value) {
    return value.isNull() || value.isTextual() && value.asText().isEmpty();
  }

  /** Equal values, whatever their JSON representation of numbers; empty text and no value are the same. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (isEmpty(a) && isEmpty(b)) {
      return true;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isNumber() && b.isTextual() || a.isTextual() && b.isNumber()) {
      try {
        return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return a.equals(b);
  }

  /** A value the process holds, as JSON for comparison: whatever its type, never refused. */
  private static JsonNode stored(TypedValue typed) {
    if (typed instanceof SerializableValue serializable) {
      String text = serializable.getValueSerialized();
      try {
        return text == null ? NullNode.getInstance() : JsonVariables.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        return NODES.textNode(text);
      }
    }
    Object value = typed == null ? null : typed.getValue();
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return JsonVariables.MAPPER.valueToTree(value);
    }
    return NODES.textNode(value.toString());
  }

  /** A submitted value as JSON; refuses the value kinds no form submits. */
  static JsonNode json(Field field, Object submitted) {
    Object value = submitted;
    if (submitted instanceof TypedValue typed) {
      if (typed instanceof ObjectValue || ValueType.OBJECT.equals(typed.getType())) {
        throw new FormFieldValidationException(field.key(), "Trường " + field.display()
            + " không được gửi dưới dạng đối tượng Java (kiểu Object); chỉ chấp nhận văn bản, số, đúng/sai hoặc JSON.");
      }
      if (typed instanceof FileValue || ValueType.FILE.equals(typed.getType())) {
        throw new FormFieldValidationException(field.key(), "Trường " + field.display()
            + " không nhận tệp đính kèm.");
      }
      if (typed instanceof SerializableValue serializable) {
        String type = typed.getType() == null ? "" : typed.getType().getName();
        if (!type.equalsIgnoreCase("json")) {
          throw new FormFieldValidationException(field.key(), "Trường " + field.display()
              + " chỉ nhận văn bản, số, đúng/sai hoặc JSON, nhận được kiểu " + type + ".");
        }
        String text = serializable.getValueSerialized();
        if (text == null && serializable.getValue() != null) {
          text = serializable.getValue().toString();
        }
        return text == null ? NullNode.getInstance() : parse(field, text);
      }
      value = typed.getValue();
    }
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return JsonVariables.MAPPER.valueToTree(value);
    }
    if (value instanceof Date) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display()
          + " không nhận giá trị kiểu ngày giờ; ghi ngày dưới dạng văn bản dd/MM/yyyy.");
    }
    throw new FormFieldValidationException(field.key(), "Trường " + field.display()
        + " không được gửi dưới dạng đối tượng Java (" + value.getClass().getSimpleName()
        + "); chỉ chấp nhận văn bản, số, đúng/sai hoặc JSON.");
  }

  private static JsonNode parse(Field field, String text) {
    try {
      return JsonVariables.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new FormFieldValidationException(field.key(), "Trường " + field.display() + " không phải JSON hợp lệ.");
    }
  }
}
