package vn.hanoi.gdnn.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.GdnnApplication;

/**
 * One application node of a benchmark: the real application with the {@code postgres} profile on a database
 * given by {@code GDNN_DB_URL}/{@code GDNN_DB_USER}/{@code GDNN_DB_PASSWORD}, security and authorizations on,
 * history full. Started in the benchmark's JVM ({@link #start}) or as its own JVM ({@link #main}, used by the
 * cluster benchmark). Nothing is added to the application: what differs is configuration only.
 */
public final class BenchNode {

  private BenchNode() {
  }

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(GdnnApplication.ZONE));
    application(Map.of()).run(args);
  }

  static ConfigurableApplicationContext start(BenchDatabase db, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("GDNN_DB_URL", db.url);
    properties.put("GDNN_DB_USER", db.user);
    properties.put("GDNN_DB_PASSWORD", db.password);
    properties.put("server.port", "0");
    properties.putAll(extra);
    // as command-line arguments: they win over application.yaml, as on a real node's command line
    return application(Map.of()).run(properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  private static SpringApplicationBuilder application(Map<String, Object> properties) {
    return new SpringApplicationBuilder(GdnnApplication.class)
        .profiles("postgres", "demo") // the benchmark logs in as the demo administrator
        .properties(properties);
  }

}
