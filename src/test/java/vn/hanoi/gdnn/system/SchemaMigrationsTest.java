package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import vn.hanoi.gdnn.EmbeddedPostgres;

/**
 * The project's tables are Flyway's: from an empty database, and from the schema the release before Flyway
 * created (plan/schema.sql and db/postgres/gdnn-indexes.sql of that release, kept under
 * src/test/resources/versions/), on H2 and on PostgreSQL, every database ends at the same version with the same
 * tables and indexes, and existing rows are kept.
 */
class SchemaMigrationsTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void anEmptyH2DatabaseGetsThePlanTablesAndTheLockRow() {
    DataSource h2 = h2();

    var result = SchemaMigrations.apply(h2);

    assertThat(result.targetSchemaVersion).isEqualTo("7");
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    assertThat(jdbc.queryForList("SELECT id FROM plan_sync_lock", String.class)).containsExactly("catalogue");
    // Camunda's tables are there before Flyway runs (as in the application), so the empty project schema is
    // baselined at 0, as on PostgreSQL
    assertThat(versions(jdbc)).containsExactly("0", "1", "3", "4", "5", "6", "7");
    assertThat(SchemaMigrations.apply(h2).migrationsExecuted).as("a restart changes nothing").isZero();
  }

  @Test
  void anH2DatabaseOfThePreviousReleaseIsBaselinedAndKeepsItsRows() {
    DataSource h2 = h2();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    new ResourceDatabasePopulator(new ClassPathResource("versions/plan-schema-0.1.sql")).execute(h2);
    jdbc.update("INSERT INTO plan_sync_lock (id) VALUES ('catalogue')");
    jdbc.update("INSERT INTO plan_launch (business_key, code, process_instance_id, launched_at) "
        + "VALUES ('4.2', '4.2', 'pi-1', CURRENT_TIMESTAMP)");

    SchemaMigrations.apply(h2);

    assertThat(versions(jdbc)).containsExactly("0", "1", "3", "4", "5", "6", "7");
    assertThat(jdbc.queryForList("SELECT id FROM plan_sync_lock", String.class)).containsExactly("catalogue");
    assertThat(jdbc.queryForList("SELECT process_instance_id FROM plan_launch WHERE code = '4.2'", String.class))
        .containsExactly("pi-1");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = "
        + "'PLAN_LAUNCH_CODE'", Integer.class)).isEqualTo(1);
  }

  @Test
  void aPostgresDatabaseOfThePreviousReleaseIsBaselinedAndGetsTheNewIndex() {
    DataSource postgres = postgresWithCamunda();
    JdbcTemplate jdbc = new JdbcTemplate(postgres);
    new ResourceDatabasePopulator(new ClassPathResource("versions/plan-schema-0.1.sql"),
        new ClassPathResource("versions/gdnn-indexes-0.1.sql")).execute(postgres);
    jdbc.update("INSERT INTO plan_sync_lock (id) VALUES ('catalogue')");
    jdbc.update("INSERT INTO plan_amendment (code, kind, detail, reason, author, made_at) "
        + "VALUES ('8.1', 'deadline', '31/12/2026', 'Lùi hạn theo chỉ đạo.', 'qlkh', now())");

    SchemaMigrations.apply(postgres);

    assertThat(versions(jdbc)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(jdbc.queryForList("SELECT reason FROM plan_amendment", String.class))
        .containsExactly("Lùi hạn theo chỉ đạo.");
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'gdnn\\_idx\\_%' "
        + "OR indexname = 'plan_launch_code'", String.class)).hasSize(6).contains("plan_launch_code")
        .doesNotContain("gdnn_idx_ru_var_text", "gdnn_idx_auth_group");
  }

  @Test
  void anEmptyPostgresDatabaseEndsLikeAnUpgradedOne() {
    DataSource postgres = postgresWithCamunda();
    JdbcTemplate jdbc = new JdbcTemplate(postgres);

    SchemaMigrations.apply(postgres);

    // Camunda's tables are there before Flyway runs, so even an empty project schema is baselined at 0
    assertThat(versions(jdbc)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(jdbc.queryForList("SELECT id FROM plan_sync_lock", String.class)).containsExactly("catalogue");
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'gdnn\\_idx\\_%' "
        + "OR indexname = 'plan_launch_code'", String.class)).hasSize(6);
  }

  private static List<String> versions(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT \"version\" FROM \"" + SchemaMigrations.HISTORY_TABLE
        + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);
  }

  /** A fresh H2 database with Camunda's tables, as the application has them when Flyway runs (V7 reads them). */
  private DataSource h2() {
    engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").setJdbcUsername("sa")
        .setJdbcPassword("").setDatabaseSchemaUpdate("true").setHistory("full").setJobExecutorActivate(false)
        .setProcessEngineName("schemaMigrationsH2").buildProcessEngine();
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }

  /** A fresh PostgreSQL database with Camunda's tables, as the application has them when Flyway runs. */
  private DataSource postgresWithCamunda() {
    engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(EmbeddedPostgres.newDatabase()).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setJobExecutorActivate(false).setProcessEngineName("schemaMigrations").buildProcessEngine();
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }
}
