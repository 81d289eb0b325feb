package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * The task grants' provider on the application's engine: a person named assignee of an open task gets Camunda's
 * grant on it; the person named at the moment a task completes (the completing user, written to history by
 * {@link CompletingUserRecorder}) gets none — the engine deletes the task's authorizations in that transaction,
 * so a grant would be a row written and deleted for nothing on every completion.
 */
@IntegrationTest
class TaskGrantsFollowWorkTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void anAssigneeOfAnOpenTaskIsGrantedItButTheCompletingUserIsNot() {
    TaskGrantsFollowWork.Provider provider = new TaskGrantsFollowWork.Provider();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          TaskEntity task = new TaskEntity();
          task.setId("task-grants-follow-work");

          task.setTaskState("Created");
          AuthorizationEntity[] open = provider.newTaskAssignee(task, null, "cv-so-gddt");
          assertThat(open).singleElement().satisfies(grant -> {
            assertThat(grant.getUserId()).isEqualTo("cv-so-gddt");
            assertThat(grant.getResourceType()).isEqualTo(Resources.TASK.resourceType());
            assertThat(grant.getResourceId()).isEqualTo(task.getId());
          });

          task.setTaskState("Completed");
          assertThat(provider.newTaskAssignee(task, null, "cv-so-gddt")).isNull();
          task.setTaskState("Deleted");
          assertThat(provider.newTaskAssignee(task, null, "cv-so-gddt")).isNull();
          return null;
        });
  }
}
