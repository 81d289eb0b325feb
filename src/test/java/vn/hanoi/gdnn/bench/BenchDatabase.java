package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of a benchmark: the one named by {@code GDNN_BENCH_DB_URL} (with
 * {@code GDNN_BENCH_DB_USER}, {@code GDNN_BENCH_DB_PASSWORD}; pgbench then needs {@code GDNN_BENCH_PG_HOST}/
 * {@code _PORT}), otherwise a PostgreSQL 15 started here from the embedded binaries, configured for this
 * machine (24 GiB, 2 cores) in {@link #SERVER_SETTINGS}, with its data kept in {@code GDNN_BENCH_PG_DIR}
 * (default target/bench-pg) so a seeded database can be measured again without seeding.
 */
final class BenchDatabase implements AutoCloseable {

  /**
   * postgresql.conf of the embedded server. Durability stays on (fsync, synchronous_commit, full_page_writes);
   * the embedded library's own default of synchronous_commit=off is overridden on purpose.
   */
  static final Map<String, String> SERVER_SETTINGS = new LinkedHashMap<>();

  static {
    SERVER_SETTINGS.put("fsync", "on");
    SERVER_SETTINGS.put("synchronous_commit", "on");
    SERVER_SETTINGS.put("full_page_writes", "on");
    SERVER_SETTINGS.put("max_connections", "100");
    SERVER_SETTINGS.put("shared_buffers", "2GB");
    SERVER_SETTINGS.put("effective_cache_size", "12GB");
    SERVER_SETTINGS.put("work_mem", "16MB");
    SERVER_SETTINGS.put("maintenance_work_mem", "512MB");
    SERVER_SETTINGS.put("wal_buffers", "16MB");
    SERVER_SETTINGS.put("wal_compression", "on");
    SERVER_SETTINGS.put("checkpoint_timeout", "15min");
    SERVER_SETTINGS.put("checkpoint_completion_target", "0.9");
    SERVER_SETTINGS.put("max_wal_size", "4GB");
    SERVER_SETTINGS.put("min_wal_size", "1GB");
    SERVER_SETTINGS.put("random_page_cost", "1.1");
    SERVER_SETTINGS.put("effective_io_concurrency", "200");
    SERVER_SETTINGS.put("max_parallel_workers_per_gather", "1");
    SERVER_SETTINGS.put("jit", "off");
    SERVER_SETTINGS.put("autovacuum_vacuum_scale_factor", "0.05");
    SERVER_SETTINGS.put("autovacuum_analyze_scale_factor", "0.02");
    SERVER_SETTINGS.put("timezone", "Asia/Ho_Chi_Minh");
  }

  final String url;
  final String user;
  final String password;
  final String host;
  final int port;
  final String database;
  private final EmbeddedPostgres embedded;

  private BenchDatabase(String url, String user, String password, String host, int port, String database,
      EmbeddedPostgres embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.host = host;
    this.port = port;
    this.database = database;
    this.embedded = embedded;
  }

  /** The given server, or the embedded one; {@code database} is created there when missing. */
  static BenchDatabase open(String database, boolean fresh) throws IOException, SQLException {
    return open(database, fresh, "target/bench-pg", 55432);
  }

  /** As {@link #open(String, boolean)}, with the embedded server's default directory and port. */
  static BenchDatabase open(String database, boolean fresh, String defaultDir, int defaultPort)
      throws IOException, SQLException {
    String given = System.getenv("GDNN_BENCH_DB_URL");
    if (given != null && !given.isBlank()) {
      String host = System.getenv().getOrDefault("GDNN_BENCH_PG_HOST", "localhost");
      int port = Integer.parseInt(System.getenv().getOrDefault("GDNN_BENCH_PG_PORT", "5432"));
      String name = given.substring(given.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      return new BenchDatabase(given, System.getenv("GDNN_BENCH_DB_USER"), System.getenv("GDNN_BENCH_DB_PASSWORD"),
          host, port, name, null);
    }
    Path dir = Path.of(System.getenv().getOrDefault("GDNN_BENCH_PG_DIR", defaultDir)).toAbsolutePath();
    Files.createDirectories(dir.getParent());
    int port = Integer.parseInt(System.getenv().getOrDefault("GDNN_BENCH_PG_PORT", String.valueOf(defaultPort)));
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(java.time.Duration.ofSeconds(60));
    SERVER_SETTINGS.forEach(builder::setServerConfig);
    String slow = System.getProperty("bench.pg.slowlog");
    if (slow != null) {
      // statements slower than this many milliseconds appear in the benchmark's output
      builder.setServerConfig("log_min_duration_statement", slow);
    }
    List<String> preload = new ArrayList<>();
    if (Boolean.getBoolean("bench.pg.statements")) {
      // per-statement counts and times of the measured throughput window (CityScaleBench#statementProfile)
      preload.add("pg_stat_statements");
      builder.setServerConfig("pg_stat_statements.max", "2000");
    }
    String explain = System.getProperty("bench.pg.explain");
    if (explain != null) {
      // the executed plan (with timings) of every statement slower than this many milliseconds
      preload.add("auto_explain");
      builder.setServerConfig("auto_explain.log_min_duration", explain);
      builder.setServerConfig("auto_explain.log_analyze", "on");
      builder.setServerConfig("auto_explain.log_buffers", "on");
    }
    if (!preload.isEmpty()) {
      builder.setServerConfig("shared_preload_libraries", String.join(",", preload));
    }
    EmbeddedPostgres server = builder.start();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        exists = rs.next();
      }
      if (exists && fresh) {
        s.execute("DROP DATABASE " + database + " WITH (FORCE)");
        exists = false;
      }
      if (!exists) {
        s.execute("CREATE DATABASE " + database);
      }
    }
    return new BenchDatabase(server.getJdbcUrl("postgres", database), "postgres", "postgres", "localhost", port,
        database, server);
  }

  /** The JDBC URL of another database on the same server. */
  String urlOf(String otherDatabase) {
    return url.replaceFirst("/" + database + "(?=\\?|$)", "/" + otherDatabase);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** One value of a query, as text. */
  String queryOne(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Creates another database on the same server (for pgbench), dropping an old one. */
  void recreateDatabase(String name) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
