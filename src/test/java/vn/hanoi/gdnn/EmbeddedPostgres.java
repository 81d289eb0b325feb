package vn.hanoi.gdnn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 15 server for tests (binaries from Maven Central, no Docker), started once per test JVM.
 * Each caller gets a fresh database of its own.
 */
public final class EmbeddedPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  /** Creates an empty database and returns its JDBC URL (user and password: postgres). */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
      }
      String name = "gdnn_test_" + DATABASES.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database", e);
    }
  }
}
