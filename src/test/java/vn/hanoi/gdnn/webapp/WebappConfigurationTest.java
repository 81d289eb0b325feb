package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The configuration this application serves in place of the files in Camunda's webapp jar: each app's
 * scripts/config.js takes its language, dates and branding from the shared gdnn/webapp-settings.js, which
 * makes Vietnamese the default and the fallback. The files are JavaScript run by the browser; this test
 * reads their text (the browser side is shown by the screenshots in docs/screenshots/).
 */
class WebappConfigurationTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

  private static final Map<String, String> APP_NAMES = Map.of(
      "tasklist", "Danh sách công việc",
      "cockpit", "Giám sát",
      "admin", "Quản trị",
      "welcome", "Trang chủ");

  @Test
  void everyAppTakesItsLanguageDatesAndTitleFromTheSharedSettings() throws IOException {
    for (String app : VietnameseLocaleCompletenessTest.APPS) {
      String config = text(app + "/scripts/config.js");
      assertThat(config).as(app + " config.js")
          .contains("from '../../gdnn/webapp-settings.js'")
          .contains("locales: localeSettings()")
          .contains("dateFormat: DATE_FORMAT")
          .contains("app: appSettings('" + APP_NAMES.get(app) + "')")
          .contains("disableWelcomeMessage: true")
          .doesNotContain("availableLocales");
    }
  }

  @Test
  void vietnameseIsTheDefaultAndFallbackAndEnglishIsOnlyOffered() throws IOException {
    String settings = text("gdnn/webapp-settings.js");
    assertThat(constant(settings, "DEFAULT_LOCALE")).isEqualTo("'vi'");
    assertThat(constant(settings, "OFFERED_LOCALES")).isEqualTo("['vi', 'en']");
    // Without an explicit choice the shown language is DEFAULT_LOCALE, also when storage is blocked ...
    assertThat(settings)
        .contains("return OFFERED_LOCALES.includes(stored) ? stored : DEFAULT_LOCALE;")
        .contains("return DEFAULT_LOCALE;");
    // ... and only that language is listed, so the browser's own language (often English) cannot win.
    assertThat(settings)
        .contains("availableLocales: [locale],")
        .contains("fallbackLocale: locale");
  }

  @Test
  void everyOfferedLanguageHasALocaleFileForEveryApp() throws IOException {
    for (String app : VietnameseLocaleCompletenessTest.APPS) {
      assertThat(resource(app + "/locales/vi.json")).as(app + " vi.json").isNotNull();
      assertThat(VietnameseLocaleCompletenessTest.englishFile(app)).as(app + " en.json").isNotNull();
    }
  }

  @Test
  void datesAreShownDayMonthYearWithTwentyFourHourTimes() throws IOException {
    String settings = text("gdnn/webapp-settings.js");
    Matcher formats = Pattern.compile("(abbr|normal|long|short): '([^']*)'").matcher(settings);
    int count = 0;
    while (formats.find()) {
      count++;
      assertThat(formats.group(2)).as(formats.group(1)).contains("DD/MM/YYYY").doesNotContain("h:", "A");
      if (!formats.group(1).equals("short")) {
        assertThat(formats.group(2)).as(formats.group(1)).contains("HH:mm");
      }
    }
    assertThat(count).as("date formats abbr, normal, long, short").isEqualTo(4);
  }

  @Test
  void everyAppUsesTheSharedLookThatHidesTheCamunda8Banner() throws IOException {
    for (String app : VietnameseLocaleCompletenessTest.APPS) {
      assertThat(text(app + "/styles/user-styles.css")).as(app + " user-styles.css")
          .contains("@import url(\"../../gdnn/gdnn-webapp.css\");");
    }
    assertThat(text("gdnn/gdnn-webapp.css"))
        .containsPattern("\\[cam-widget-header] \\.ce-eol-banner \\{\\s*display: none !important;")
        .contains("url(\"logo.svg\")");
    assertThat(text("gdnn/logo.svg")).startsWith("<svg");
  }

  private static String constant(String script, String name) {
    Matcher matcher = Pattern.compile("export const " + name + " = ([^;]+);").matcher(script);
    assertThat(matcher.find()).as("constant " + name).isTrue();
    return matcher.group(1);
  }

  private static URL resource(String path) {
    return WebappConfigurationTest.class.getClassLoader().getResource(APP_ROOT + path);
  }

  private static String text(String path) throws IOException {
    URL url = resource(path);
    assertThat(url).as(APP_ROOT + path).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
