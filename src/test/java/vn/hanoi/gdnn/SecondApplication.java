package vn.hanoi.gdnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application a second time in the test JVM (another database, profile or restart), beside the
 * cached {@link IntegrationTest} context. Settings are passed as command-line arguments, which outrank every
 * profile's file, so the context never falls back to another database or port. Camunda's webapps stay off:
 * starting them twice in one JVM replaces their static runtime delegates, and once this context closes the
 * cached context's webapps would answer 500.
 */
public final class SecondApplication {

  private SecondApplication() {
  }

  public static ConfigurableApplicationContext start(String engineName, List<String> profiles,
      Map<String, ?> settings) {
    return start(engineName, profiles, settings, List.of());
  }

  /** As above, with listeners that see the start-up's own events (e.g. readiness changes). */
  public static ConfigurableApplicationContext start(String engineName, List<String> profiles,
      Map<String, ?> settings, List<ApplicationListener<?>> listeners) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--spring.autoconfigure.exclude=" + CamundaBpmWebappAutoConfiguration.class.getName()));
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(GdnnApplication.class).profiles(profiles.toArray(String[]::new))
        .listeners(listeners.toArray(ApplicationListener[]::new))
        .run(args.toArray(String[]::new));
  }

  /** The {@code postgres} profile (over the test profile) on the given database. */
  public static ConfigurableApplicationContext onPostgres(String engineName, String jdbcUrl,
      Map<String, ?> settings) {
    return onPostgres(engineName, jdbcUrl, settings, List.of());
  }

  /** The {@code postgres} profile (over the test profile) and further profiles, on the given database. */
  public static ConfigurableApplicationContext onPostgres(String engineName, String jdbcUrl,
      Map<String, ?> settings, List<String> moreProfiles) {
    List<String> profiles = new ArrayList<>(List.of("test", "postgres"));
    profiles.addAll(moreProfiles);
    Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of(
        "GDNN_DB_URL", jdbcUrl, "GDNN_DB_USER", "postgres", "GDNN_DB_PASSWORD", "postgres"));
    all.putAll(settings);
    return start(engineName, profiles, all);
  }
}
