package vn.hanoi.gdnn.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Vietnamese mail templates, {@code notification/mail/<kind>.txt}: the first line is the subject, the rest
 * the body; {@code {{name}}} is replaced by a value (an unknown name is an error, so a typo cannot reach a
 * mailbox as "{{dueDate}}").
 */
@Component
public class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final Map<Kind, String> texts = new EnumMap<>(Kind.class);

  public Templates() {
    for (Kind kind : Kind.values()) {
      try (InputStream in = new ClassPathResource("notification/mail/" + kind.template() + ".txt").getInputStream()) {
        texts.put(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Missing mail template of " + kind, e);
      }
    }
  }

  public Mail render(Kind kind, Map<String, String> values) {
    String text = fill(texts.get(kind), values);
    int newline = text.indexOf('\n');
    return new Mail(text.substring(0, newline).trim(), text.substring(newline + 1).strip() + "\n");
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
