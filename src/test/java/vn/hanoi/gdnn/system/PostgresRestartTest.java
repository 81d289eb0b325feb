package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.SecondApplication;

/** The production profile on a real PostgreSQL server: work survives a restart, models are not redeployed. */
class PostgresRestartTest {

  private final String jdbcUrl = EmbeddedPostgres.newDatabase();

  private ConfigurableApplicationContext startApplication() {
    return SecondApplication.onPostgres("pgRestart", jdbcUrl, Map.of());
  }

  @Test
  void anOpenTaskSurvivesARestartAndTheModelsAreNotDeployedTwice() {
    String instanceId;
    long deployments;
    try (ConfigurableApplicationContext first = startApplication()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("draftSignOff",
          "RESTART-1", Map.of("leadUnit", "so-gddt", "draftReference", "Dự thảo kiểm thử khởi động lại"));
      instanceId = instance.getId();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
    }

    try (ConfigurableApplicationContext second = startApplication()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult();
      assertThat(instance).isNotNull();
      assertThat(instance.getBusinessKey()).isEqualTo("RESTART-1");
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_SignDraft");
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("draftSignOff").latestVersion().singleResult().getVersion()).isEqualTo(1);
    }
  }
}
