package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.EmbeddedPostgres;

/**
 * Checking a user's groups as they are ({@link AuthorizationCheckGroups}) gives Camunda's own answers — grants and
 * revokes of users, groups and everyone — on a real PostgreSQL with authorizations on and revoke checks always
 * (the application's setting), and a user sees exactly the tasks granted to him.
 */
class AuthorizationCheckGroupsPostgresTest {

  /** user → groups; "khong-co-quyen" holds no authorization at all. */
  private static final Map<String, List<String>> USERS = Map.of(
      "cv-a", List.of("so-gddt", "so-nv", "khong-co-quyen"),
      "cv-b", List.of("so-gddt", "khong-co-quyen"),
      "cv-c", List.of("khong-co-quyen"),
      "cv-d", List.of());
  private static final List<String> TASKS = List.of("t1", "t2", "t3", "t4", "t5");

  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(EmbeddedPostgres.newDatabase()).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setAuthorizationEnabled(true).setJobExecutorActivate(false).setProcessEngineName("checkGroups");
    configuration.setAuthorizationCheckRevokes("always");
    configuration.getProcessEnginePlugins().add(new AuthorizationCheckGroups());
    engine = configuration.buildProcessEngine();
    for (String id : TASKS) {
      Task task = engine.getTaskService().newTask(id);
      task.setName("Việc " + id);
      engine.getTaskService().saveTask(task);
    }
    // newTask grants nothing to anyone: only the grants below decide
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    grant("so-gddt", null, "t1");
    grant("so-gddt", null, "t2");
    grant("so-nv", null, "t3");
    revoke("so-nv", null, "t2");
    save(Authorization.AUTH_TYPE_GLOBAL, null, null, "t4");
    revoke(null, "cv-a", "t4");
    grant(null, "cv-c", "t5");
    revoke("so-gddt", null, "t5");
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void everyCheckHasCamundasOwnAnswer() {
    for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
      for (String task : TASKS) {
        boolean camunda = isAuthorized(new AuthorizationManager(), user.getKey(), user.getValue(), task);
        boolean ours = isAuthorized(new AuthorizationCheckGroups.UserGroupsAuthorizationManager(), user.getKey(),
            user.getValue(), task);
        assertThat(ours).as("%s on %s", user.getKey(), task).isEqualTo(camunda);
      }
    }
    // the answers are not trivial: grants, revokes and the global grant each decide somewhere
    assertThat(isAuthorized(new AuthorizationManager(), "cv-a", USERS.get("cv-a"), "t1")).isTrue();
    assertThat(isAuthorized(new AuthorizationManager(), "cv-b", USERS.get("cv-b"), "t3")).isFalse();
    assertThat(isAuthorized(new AuthorizationManager(), "cv-b", USERS.get("cv-b"), "t5")).isFalse();
    assertThat(isAuthorized(new AuthorizationManager(), "cv-a", USERS.get("cv-a"), "t4")).isFalse();
    assertThat(isAuthorized(new AuthorizationManager(), "cv-d", USERS.get("cv-d"), "t4")).isTrue();
    assertThat(isAuthorized(new AuthorizationManager(), "cv-c", USERS.get("cv-c"), "t5")).isTrue();
  }

  @Test
  void staffSeeExactlyTheTasksTheyAreGranted() {
    for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
      List<String> expected = new ArrayList<>();
      for (String task : TASKS) {
        if (isAuthorized(new AuthorizationManager(), user.getKey(), user.getValue(), task)) {
          expected.add(task);
        }
      }
      engine.getIdentityService().setAuthentication(user.getKey(), user.getValue());
      try {
        assertThat(engine.getTaskService().createTaskQuery().list()).as(user.getKey()).extracting(Task::getId)
            .containsExactlyInAnyOrderElementsOf(expected);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
  }

  @Test
  void theUsersGroupsAreCheckedWithoutReadingEveryGrantedGroup() {
    List<String> groups = configuration().getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(USERS.get("cv-a")));
    List<String> camunda = configuration().getCommandExecutorTxRequired().execute(context ->
        new AuthorizationManager().filterAuthenticatedGroupIds(USERS.get("cv-a")));

    assertThat(groups).containsExactly("so-gddt", "so-nv", "khong-co-quyen");
    assertThat(camunda).containsExactlyInAnyOrder("so-gddt", "so-nv");
  }

  private boolean isAuthorized(AuthorizationManager manager, String user, List<String> groups, String task) {
    return configuration().getCommandExecutorTxRequired().execute(context ->
        manager.isAuthorized(user, groups, Permissions.READ, Resources.TASK, task));
  }

  private void grant(String group, String user, String task) {
    save(Authorization.AUTH_TYPE_GRANT, group, user, task);
  }

  private void revoke(String group, String user, String task) {
    save(Authorization.AUTH_TYPE_REVOKE, group, user, task);
  }

  private void save(int type, String group, String user, String task) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (type != Authorization.AUTH_TYPE_GLOBAL) {
      authorization.setGroupId(group);
      authorization.setUserId(user);
    }
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(task);
    if (type != Authorization.AUTH_TYPE_REVOKE) {
      authorization.addPermission(Permissions.READ);
    } else {
      authorization.removePermission(Permissions.READ);
    }
    authorizations.saveAuthorization(authorization);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
