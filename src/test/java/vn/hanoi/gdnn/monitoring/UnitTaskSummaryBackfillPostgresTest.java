package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.system.SchemaMigrations;

/**
 * A PostgreSQL database that ran before the units' task summary existed: its history is brought into
 * {@code gdnn_unit_task} by Flyway V7 and gives the same figures as the history, and the engine that then keeps
 * the summary carries on from the backfilled rows (tasks completed and a deliverable's lead unit changed after
 * the upgrade).
 */
class UnitTaskSummaryBackfillPostgresTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void historyBeforeTheSummaryIsBackfilledAndKeptFromThenOn() {
    String url = EmbeddedPostgres.newDatabase();
    engine = engine(url, false);
    List<String> open = new UnitTaskScenario(engine).first();
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    SchemaMigrations.apply(dataSource);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gdnn_unit_task", Integer.class))
        .as("one row per task and unit of the scenario").isEqualTo(9);
    UnitTaskScenario.assertSummaryEqualsHistory(dataSource);
    assertThat(SchemaMigrations.apply(dataSource).migrationsExecuted).as("a restart backfills nothing again")
        .isZero();

    engine.close();
    engine = engine(url, true);
    new UnitTaskScenario(engine).second(open);
    UnitTaskScenario.assertSummaryEqualsHistory(((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource());
  }

  /** Camunda on {@code url}, history full; with the summary's handler as the application has it, or without. */
  private static ProcessEngine engine(String url, boolean summary) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setJobExecutorActivate(false).setProcessEngineName("unitTaskSummary" + summary);
    if (summary) {
      configuration.getProcessEnginePlugins().add(new UnitTaskSummaryPlugin(new UnitTaskSummaryHandler()));
    }
    return configuration.buildProcessEngine();
  }
}
