package vn.hanoi.gdnn.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The project's own tables and indexes are Flyway migrations: {@code db/migration/common} on every database
 * (the plan's tables), {@code db/migration/postgres} on PostgreSQL only (indexes on Camunda's tables), recorded
 * in {@code gdnn_schema_history}. They run when the engine has been built, because the PostgreSQL indexes are on
 * Camunda's tables, which the engine creates or checks first; Spring Boot's own Flyway run, which would come
 * before the engine, is switched off ({@code spring.flyway.enabled: false}). Camunda's schema stays Camunda's
 * (its upgrade scripts, docs/operations.md).
 *
 * <p>A database of the release before Flyway has the tables but no history: Flyway baselines it at version 0
 * and runs V1 and V2, written with IF NOT EXISTS for that reason. On PostgreSQL Flyway serialises nodes
 * starting together with its own advisory lock.
 */
@Component
public class SchemaMigrations extends AbstractCamundaConfiguration {

  public static final String HISTORY_TABLE = "gdnn_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    MigrateResult result = apply(processEngine.getProcessEngineConfiguration().getDataSource());
    LOG.info("Project schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  /** Brings the project's tables on {@code dataSource} to the newest version. */
  public static MigrateResult apply(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  static Flyway flyway(DataSource dataSource) {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
    if (isPostgres(dataSource)) {
      locations.add("classpath:db/migration/postgres");
    }
    return Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new))
        .table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
        .baselineDescription("tables of the release before Flyway, if any").load();
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read the database type: " + e.getMessage(), e);
    }
  }
}
