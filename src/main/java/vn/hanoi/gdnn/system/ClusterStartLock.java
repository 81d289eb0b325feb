package vn.hanoi.gdnn.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the nodes of a cluster start one after the other on PostgreSQL. Everything a node does once at start —
 * Camunda's schema on an empty database, model deployment, indexes, organisation groups, users, authorizations,
 * Tasklist filters — is idempotent but not safe against another node doing the same at the same moment (two
 * nodes inserting the same group or grant: one fails on a unique key). A node therefore takes a PostgreSQL
 * session advisory lock before its engine is built and gives it back when the application is ready (or has
 * failed); a node that dies mid-start loses its database session and with it the lock. Other databases (the
 * single-node H2 run) take no lock.
 */
@Component
public class ClusterStartLock extends AbstractCamundaConfiguration {

  /** Key of the lock, shared by all nodes (any constant). */
  static final long LOCK_KEY = 0x6764_6e6e_0002L;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);

  private final DataSource dataSource;
  private Connection held;

  public ClusterStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long started = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        boolean taken;
        try (ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
          taken = result.next() && result.getBoolean(1);
        }
        if (!taken) {
          LOG.info("Another node is starting on this database; waiting for it to finish");
          statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
        }
      }
      held = connection;
      LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot take the cluster start-up lock: " + e.getMessage(), e);
    }
  }

  /** After every other start-up listener (the Tasklist filters are made when the application is ready). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void ready() {
    release();
  }

  @EventListener({ApplicationFailedEvent.class, ContextClosedEvent.class})
  public void stopped() {
    release();
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Start-up lock not released cleanly ({}); it ends with the database session", e.getMessage());
    } finally {
      held = null;
    }
  }
}
