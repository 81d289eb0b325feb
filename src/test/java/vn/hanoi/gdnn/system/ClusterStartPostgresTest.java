package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.document.ShippedDocumentNumbers;

/**
 * Two cluster nodes starting at the same moment on one PostgreSQL database: both deploy the models and add the
 * project's indexes at once, and the database ends with one version of each process and each index once.
 */
class ClusterStartPostgresTest {

  private final String url = EmbeddedPostgres.newDatabase();
  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(ProcessEngine::close);
  }

  @Test
  void twoNodesStartingTogetherDeployEachModelOnceAndAddEachIndexOnce() throws Exception {
    ProcessEngine nodeA = engine("clusterNodeA");
    ProcessEngine nodeB = engine("clusterNodeB");

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<?>> starts = new ArrayList<>();
    for (ProcessEngine node : List.of(nodeA, nodeB)) {
      starts.add(nodes.submit(() -> {
        together.await();
        SchemaMigrations.apply(dataSource(node));
        new ModelDeployment(ShippedDocumentNumbers.forms()).postProcessEngineBuild(node);
        return null;
      }));
    }
    for (Future<?> start : starts) {
      start.get();
    }
    nodes.shutdown();

    List<ProcessDefinition> definitions = nodeA.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("consultation", "deadlineEscalation")
        .doesNotHaveDuplicates();
    assertThat(definitions).allMatch(d -> d.getVersion() == 1);
    assertThat(nodeB.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);

    // a restart of either node changes nothing
    SchemaMigrations.apply(dataSource(nodeB));
    new ModelDeployment(ShippedDocumentNumbers.forms()).postProcessEngineBuild(nodeB);
    assertThat(nodeA.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
    assertThat(projectIndexes(nodeA)).containsExactlyInAnyOrder("gdnn_idx_ident_lnk_group_task",
        "gdnn_idx_task_due_date", "gdnn_idx_job_due_date", "gdnn_idx_job_locked", "gdnn_idx_task_parent");
  }

  private ProcessEngine engine(String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setJobExecutorActivate(false).setProcessEngineName(name);
    // the reporting round's timer reads its schedule from the plan's bean when the model is deployed
    configuration.setBeans(new java.util.HashMap<>(java.util.Map.of("planReportRound",
        vn.hanoi.gdnn.plan.PlanReportRound.withSchedule(new vn.hanoi.gdnn.plan.PlanProperties()))));
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  private static DataSource dataSource(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }

  private static List<String> projectIndexes(ProcessEngine engine) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource(engine).getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'gdnn\\_idx\\_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
