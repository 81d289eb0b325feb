package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.EmbeddedPostgres;

/**
 * The compact authorization checks ({@link AuthorizationChecks}) give Camunda's own answers on a real PostgreSQL
 * with authorizations on: over generated grants, revokes and global authorizations of users, groups and everyone,
 * for single permissions, the completion's TASK_WORK check (four permissions, the first that decides) and checks
 * that need every permission — with revoke checks on, as the application runs, and off. A user's groups are used as
 * they are, including groups without any authorization.
 */
class AuthorizationChecksPostgresTest {

  /** user → groups; "khong-co-quyen" holds no authorization at all. */
  private static final Map<String, List<String>> USERS = Map.of(
      "cv-a", List.of("so-gddt", "so-nv", "khong-co-quyen"),
      "cv-b", List.of("so-gddt", "khong-co-quyen"),
      "cv-c", List.of("khong-co-quyen"),
      "cv-d", List.of("so-nv"),
      "cv-e", List.of());
  private static final List<String> GROUPS = List.of("so-gddt", "so-nv");
  private static final List<String> TASKS = List.of("t1", "t2", "t3", "t4", "t5", "*");
  private static final List<String> DEFINITIONS = List.of("consultation", "issuance", "*");
  private static final List<Permission> TASK_PERMISSIONS = List.of(Permissions.READ, Permissions.UPDATE,
      TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN, Permissions.DELETE);
  private static final List<Permission> DEFINITION_PERMISSIONS = List.of(Permissions.READ,
      ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.READ_TASK);

  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(EmbeddedPostgres.newDatabase()).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setAuthorizationEnabled(true).setJobExecutorActivate(false).setProcessEngineName("authorizationChecks");
    configuration.setAuthorizationCheckRevokes("always");
    configuration.getProcessEnginePlugins().add(new AuthorizationChecks());
    engine = configuration.buildProcessEngine();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void everyCheckHasCamundasOwnAnswer() {
    Random random = new Random(20261202L);
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 140; i++) {
      authorize(random, taken);
    }
    int decided = 0;
    int granted = 0;
    for (String revokes : List.of("always", "never")) {
      configuration().setAuthorizationCheckRevokes(revokes);
      for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
        // the builder validates each permission inside a command
        List<CompositePermissionCheck> checks = configuration().getCommandExecutorTxRequired()
            .execute(context -> checks(random));
        for (CompositePermissionCheck check : checks) {
          boolean camunda = isAuthorized(new AuthorizationManager(), user.getKey(), user.getValue(), check);
          boolean ours = isAuthorized(new AuthorizationChecks.CompactAuthorizationManager(), user.getKey(),
              user.getValue(), check);
          assertThat(ours).as("%s %s, revoke checks %s", user.getKey(), describe(check), revokes)
              .isEqualTo(camunda);
          decided++;
          granted += camunda ? 1 : 0;
        }
      }
    }
    // the generated data decide both ways, often
    assertThat(granted).isBetween(decided / 10, decided * 9 / 10);
  }

  @Test
  void staffSeeExactlyTheTasksTheyAreGranted() {
    for (String id : List.of("t1", "t2", "t3")) {
      Task task = engine.getTaskService().newTask(id);
      engine.getTaskService().saveTask(task);
    }
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    save(Authorization.AUTH_TYPE_GRANT, "so-gddt", null, Resources.TASK, "t1", Permissions.READ);
    save(Authorization.AUTH_TYPE_GRANT, "so-nv", null, Resources.TASK, "t2", Permissions.READ);
    save(Authorization.AUTH_TYPE_REVOKE, null, "cv-a", Resources.TASK, "t1", Permissions.READ);

    assertThat(visibleTasks("cv-a")).containsExactly("t2");
    assertThat(visibleTasks("cv-b")).containsExactly("t1");
    assertThat(visibleTasks("cv-c")).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().list()).hasSize(3);
  }

  @Test
  void theUsersGroupsAreCheckedWithoutReadingEveryGrantedGroup() {
    save(Authorization.AUTH_TYPE_GRANT, "so-gddt", null, Resources.TASK, "t1", Permissions.READ);
    List<String> groups = configuration().getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(USERS.get("cv-a")));
    List<String> camunda = configuration().getCommandExecutorTxRequired().execute(context ->
        new AuthorizationManager().filterAuthenticatedGroupIds(USERS.get("cv-a")));

    assertThat(groups).containsExactly("so-gddt", "so-nv", "khong-co-quyen");
    assertThat(camunda).containsExactly("so-gddt");
  }

  private List<String> visibleTasks(String user) {
    engine.getIdentityService().setAuthentication(user, USERS.get(user));
    try {
      return engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** One random authorization: a grant, revoke or global one, of a user or group, on a task or definition. */
  private void authorize(Random random, Set<String> taken) {
    boolean onTask = random.nextBoolean();
    Resource resource = onTask ? Resources.TASK : Resources.PROCESS_DEFINITION;
    List<String> ids = onTask ? TASKS : DEFINITIONS;
    List<Permission> permissions = onTask ? TASK_PERMISSIONS : DEFINITION_PERMISSIONS;
    String id = ids.get(random.nextInt(ids.size()));
    int type = random.nextInt(3); // 0 global, 1 grant, 2 revoke
    String user = null;
    String group = null;
    if (type != Authorization.AUTH_TYPE_GLOBAL) {
      if (random.nextBoolean()) {
        List<String> users = List.copyOf(USERS.keySet());
        user = users.get(random.nextInt(users.size()));
      } else {
        group = GROUPS.get(random.nextInt(GROUPS.size()));
      }
    }
    String key = type + "|" + user + "|" + group + "|" + resource.resourceType() + "|" + id;
    if (!taken.add(key) || type == Authorization.AUTH_TYPE_GLOBAL && !taken.add("global|" + resource + id)) {
      return; // Camunda allows one authorization per subject, type and resource
    }
    List<Permission> chosen = new ArrayList<>();
    for (Permission permission : permissions) {
      if (random.nextInt(3) == 0) {
        chosen.add(permission);
      }
    }
    save(type, group, user, resource, id, chosen.toArray(Permission[]::new));
  }

  /** Single permissions, the completion's composite check, and an all-of check, on a few resources. */
  private List<CompositePermissionCheck> checks(Random random) {
    List<CompositePermissionCheck> checks = new ArrayList<>();
    for (String task : List.of("t1", "t2", "t3", "t4", "t5", "t9")) {
      String definition = DEFINITIONS.get(random.nextInt(2));
      checks.add(new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, task, Permissions.READ)
          .build());
      checks.add(new PermissionCheckBuilder().disjunctive()
          .atomicCheckForResourceId(Resources.TASK, task, TaskPermissions.TASK_WORK)
          .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition, ProcessDefinitionPermissions.TASK_WORK)
          .atomicCheckForResourceId(Resources.TASK, task, Permissions.UPDATE)
          .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition, ProcessDefinitionPermissions.UPDATE_TASK)
          .build());
      checks.add(new PermissionCheckBuilder().conjunctive()
          .atomicCheckForResourceId(Resources.TASK, task, Permissions.READ)
          .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition, ProcessDefinitionPermissions.READ_TASK)
          .build());
    }
    checks.add(new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, "*", Permissions.READ).build());
    return checks;
  }

  private static String describe(CompositePermissionCheck check) {
    StringBuilder text = new StringBuilder(check.isDisjunctive() ? "any of" : "all of");
    check.getAtomicChecks().forEach(c -> text.append(' ').append(c.getResource().resourceName()).append('/')
        .append(c.getResourceId()).append('/').append(c.getPermission().getName()));
    return text.toString();
  }

  private boolean isAuthorized(AuthorizationManager manager, String user, List<String> groups,
      CompositePermissionCheck check) {
    return configuration().getCommandExecutorTxRequired().execute(context ->
        manager.isAuthorized(user, new ArrayList<>(groups), check));
  }

  private void save(int type, String group, String user, Resource resource, String id, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (type != Authorization.AUTH_TYPE_GLOBAL) {
      authorization.setGroupId(group);
      authorization.setUserId(user);
    }
    authorization.setResource(resource);
    authorization.setResourceId(id);
    for (Permission permission : permissions) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        authorization.removePermission(permission);
      } else {
        authorization.addPermission(permission);
      }
    }
    authorizations.saveAuthorization(authorization);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
