package vn.hanoi.gdnn.procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Lists and records kept as process variables of type {@code Json}: that is what Camunda Forms read (options via
 * {@code valuesKey}, tables, dynamic lists) and what Tasklist submits for multi-selects and dynamic lists. Reading
 * accepts every shape a caller or form may send: a Json variable, a Java collection, JSON text, or a
 * comma-separated text.
 */
public final class JsonVariables {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {
  }

  /** The variable as a JSON tree; a missing or empty variable reads as an empty array. */
  public static JsonNode read(VariableScope scope, String name) {
    TypedValue typed = scope.getVariableTyped(name, false);
    return parse(name, typed);
  }

  /** A typed value (as read from the runtime or history services) as a JSON tree; null reads as an empty array. */
  public static JsonNode parse(String name, TypedValue typed) {
    if (typed instanceof SerializableValue serializable) {
      String text = serializable.getValueSerialized();
      if (text == null && serializable.isDeserialized() && serializable.getValue() != null) {
        text = serializable.getValue().toString();
      }
      return text == null ? JsonNodeFactory.instance.arrayNode() : parseText(name, text);
    }
    if (typed == null || typed.getValue() == null) {
      return JsonNodeFactory.instance.arrayNode();
    }
    Object value = typed.getValue();
    if (value instanceof Collection<?> || value instanceof java.util.Map<?, ?>) {
      return MAPPER.valueToTree(value);
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (text.startsWith("[") || text.startsWith("{")) {
      return parseText(name, text);
    }
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        items.add(part.strip());
      }
    }
    return items;
  }

  /** The variable as a list of texts (an array of strings, or of objects with a {@code value}). */
  public static List<String> readStrings(VariableScope scope, String name) {
    List<String> values = new ArrayList<>();
    JsonNode node = read(scope, name);
    if (!node.isArray()) {
      throw new IllegalArgumentException("Variable " + name + " is not a list");
    }
    for (JsonNode item : node) {
      String text = item.isObject() ? item.path("value").asText("") : item.asText("");
      values.add(text.strip());
    }
    return values;
  }

  /** A {@code Json} typed value holding {@code value} serialised by Jackson. */
  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON variable", e);
    }
  }

  private static JsonNode parseText(String name, String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Variable " + name + " does not hold valid JSON", e);
    }
  }
}
