package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese locale files served by this application (src/main/resources/META-INF/resources/webjars/
 * camunda/app/&lt;app&gt;/locales/vi.json) against the English files inside the Camunda webapp jar on the
 * classpath, i.e. of the exact Camunda version the application runs. After a Camunda upgrade this test
 * lists, per app, every key to translate and every translation that lost a placeholder.
 */
class VietnameseLocaleCompletenessTest {

  static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /** Values where the English text is also the right Vietnamese text: names, symbols, acronyms. */
  private static final Set<String> SAME_IN_BOTH_LANGUAGES = Set.of(
      "Camunda", "BPMN", "DMN", "CMMN", "DRD", "ID", "ID*", "JSON", "CSV", "REST", "null",
      "<", "<=", ">", ">=");

  /** moment.js date patterns and numbers: language-neutral by nature. */
  private static final Pattern LANGUAGE_NEUTRAL_KEYS =
      Pattern.compile("dateLocales\\.(longDateFormat\\..*|week\\..*|calendar\\.sameElse)");

  /** What must survive translation: {{expressions}}, {} and %s/%d slots, HTML markup and entities. */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>|&[a-z]+;");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void englishFilesAreReadFromTheCamundaWebappJar() throws IOException {
    for (String app : APPS) {
      assertThat(englishFile(app).toString()).as(app).contains("camunda-webapp-webjar");
    }
  }

  @Test
  void everyEnglishKeyHasAVietnameseTranslationAndThereIsNoOtherKey() throws IOException {
    Map<String, List<String>> problems = compare((english, vietnamese) -> {
      List<String> found = new ArrayList<>();
      english.keySet().stream().filter(key -> !vietnamese.containsKey(key))
          .forEach(key -> found.add("missing " + key + " = " + english.get(key)));
      vietnamese.keySet().stream().filter(key -> !english.containsKey(key))
          .forEach(key -> found.add("not in Camunda's English file: " + key));
      return found;
    });
    assertThat(problems).as(report("Vietnamese keys differ from Camunda's English keys", problems)).isEmpty();
  }

  @Test
  void everyTranslationKeepsPlaceholdersAndMarkup() throws IOException {
    Map<String, List<String>> problems = compare((english, vietnamese) -> {
      List<String> found = new ArrayList<>();
      english.forEach((key, englishValue) -> {
        JsonNode vietnameseValue = vietnamese.get(key);
        if (vietnameseValue == null || key.endsWith("BANNER_CE_EOL_TEXT")) {
          return;
        }
        if (englishValue.isTextual() != vietnameseValue.isTextual()) {
          found.add(key + ": " + vietnameseValue + " is not of the type of " + englishValue);
        } else if (!englishValue.isTextual() && !englishValue.equals(vietnameseValue)) {
          found.add(key + ": " + vietnameseValue + " differs from " + englishValue);
        } else if (!placeholders(englishValue.asText()).equals(placeholders(vietnameseValue.asText()))) {
          found.add(key + ": " + placeholders(englishValue.asText()) + " expected, "
              + placeholders(vietnameseValue.asText()) + " found in \"" + vietnameseValue.asText() + "\"");
        }
      });
      return found;
    });
    assertThat(problems).as(report("Translations lost or added placeholders", problems)).isEmpty();
  }

  @Test
  void noTextIsLeftInEnglish() throws IOException {
    Map<String, List<String>> problems = compare((english, vietnamese) -> {
      List<String> found = new ArrayList<>();
      english.forEach((key, englishValue) -> {
        JsonNode vietnameseValue = vietnamese.get(key);
        String text = englishValue.asText().trim();
        if (vietnameseValue != null && englishValue.isTextual() && !text.isEmpty()
            && text.equals(vietnameseValue.asText().trim())
            && !SAME_IN_BOTH_LANGUAGES.contains(text) && !LANGUAGE_NEUTRAL_KEYS.matcher(key).matches()) {
          found.add(key + " = " + text);
        }
      });
      return found;
    });
    assertThat(problems).as(report("Texts left in English", problems)).isEmpty();
  }

  /** Camunda's webapps show a "migrate to Camunda 8" banner (Operaton's have none: then neither file has the key). */
  @Test
  void theCamunda8MigrationBannerHasNoTextInAnyApp() throws IOException {
    for (String app : APPS) {
      JsonNode banner = vietnamese(app).get("labels").get("BANNER_CE_EOL_TEXT");
      if (english(app).get("labels").has("BANNER_CE_EOL_TEXT")) {
        assertThat(banner).as(app + " BANNER_CE_EOL_TEXT").isNotNull();
        assertThat(banner.asText()).as(app + " BANNER_CE_EOL_TEXT").isEmpty();
      } else {
        assertThat(banner).as(app + " BANNER_CE_EOL_TEXT in a webapp without the banner").isNull();
      }
    }
  }

  @Test
  void datesAreDayMonthYearWithTwentyFourHourTimes() throws IOException {
    for (String app : APPS) {
      JsonNode formats = vietnamese(app).path("dateLocales").path("longDateFormat");
      if (formats.isMissingNode()) {
        continue; // Welcome shows no dates and ships no dateLocales
      }
      assertThat(formats.get("L").asText()).as(app + " L").isEqualTo("DD/MM/YYYY");
      assertThat(formats.get("LT").asText()).as(app + " LT").isEqualTo("HH:mm");
      assertThat(formats.get("LLL").asText()).as(app + " LLL").isEqualTo("DD/MM/YYYY HH:mm");
    }
  }

  private static Map<String, List<String>> compare(
      BiFunction<Map<String, JsonNode>, Map<String, JsonNode>, List<String>> check) throws IOException {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String app : APPS) {
      List<String> found = check.apply(flatten(english(app)), flatten(vietnamese(app)));
      if (!found.isEmpty()) {
        problems.put(app, found);
      }
    }
    return problems;
  }

  private static String report(String title, Map<String, List<String>> problems) {
    StringBuilder text = new StringBuilder(title).append(':');
    problems.forEach((app, found) -> {
      text.append("\n").append(app).append(" (").append(found.size()).append("):");
      found.forEach(problem -> text.append("\n  ").append(problem));
    });
    return text.toString();
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  /** Keys as paths: labels.CLAIM_TASK, dateLocales.months[0]. */
  static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> flat = new LinkedHashMap<>();
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> flat) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(path, node);
    }
  }

  /** The English file inside Camunda's webapp jar, never a file of this project with the same path. */
  static URL englishFile(String app) throws IOException {
    Set<String> seen = new TreeSet<>();
    for (URL url : Collections.list(classLoader().getResources(LOCALES.formatted(app, "en")))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
      seen.add(url.toString());
    }
    throw new AssertionError("No en.json of " + app + " in the Camunda webapp jar; found only " + seen);
  }

  static JsonNode english(String app) throws IOException {
    return read(englishFile(app));
  }

  static JsonNode vietnamese(String app) throws IOException {
    URL url = classLoader().getResource(LOCALES.formatted(app, "vi"));
    assertThat(url).as("vi.json of " + app + " on the classpath").isNotNull();
    return read(url);
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's files start with a byte order mark, which JSON parsers reject.
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static ClassLoader classLoader() {
    return VietnameseLocaleCompletenessTest.class.getClassLoader();
  }
}
