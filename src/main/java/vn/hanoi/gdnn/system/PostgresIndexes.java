package vn.hanoi.gdnn.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the indexes this project's queries need on top of Camunda's own schema (db/postgres/gdnn-indexes.sql,
 * explained in docs/performance.md) when the engine starts on PostgreSQL, after Camunda has created or checked
 * its tables. Every statement is {@code CREATE INDEX IF NOT EXISTS}, run in one transaction under a PostgreSQL
 * advisory lock, so nodes of a cluster starting together neither race nor fail, and a restart changes nothing.
 */
@Component
public class PostgresIndexes extends AbstractCamundaConfiguration {

  static final String SCRIPT = "db/postgres/gdnn-indexes.sql";
  /** Key of the advisory lock that serialises the script between nodes (any constant shared by all nodes). */
  static final long LOCK_KEY = 0x6764_6e6e_0001L;

  private static final Logger LOG = LoggerFactory.getLogger(PostgresIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    var configuration = processEngine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    int applied = apply(configuration.getDataSource());
    LOG.info("PostgreSQL indexes of {} checked: {} statements", SCRIPT, applied);
  }

  /** Runs the script on {@code dataSource}; returns the number of statements run. */
  public static int apply(DataSource dataSource) {
    List<String> statements = statements();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot apply " + SCRIPT + ": " + e.getMessage(), e);
    }
    return statements.size();
  }

  /** The statements of the script: comments ({@code --}) removed, split at semicolons ending a line. */
  static List<String> statements() {
    String text;
    try (InputStream in = PostgresIndexes.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
      if (code.isBlank()) {
        continue;
      }
      current.append(code.strip()).append(' ');
      if (code.strip().endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(SCRIPT + " ends without a semicolon");
    }
    return statements;
  }
}
