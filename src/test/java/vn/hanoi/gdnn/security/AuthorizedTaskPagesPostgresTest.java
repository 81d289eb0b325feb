package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.EmbeddedPostgres;

/**
 * Pages of task queries checked in order ({@link AuthorizedTaskPages}) are Camunda's pages: two engines share one
 * PostgreSQL database, one with the plugin and one without, and every query — a unit's inbox, a Tasklist-like OR
 * filter, by step, by process, unfiltered, paged at several offsets — answers the same tasks in the same order for
 * every user, over generated grants and revokes of users, groups and everyone on tasks and process definitions.
 */
class AuthorizedTaskPagesPostgresTest {

  private static final Map<String, List<String>> USERS = Map.of(
      "cv-a", List.of("so-gddt", "so-nv"),
      "cv-b", List.of("so-gddt"),
      "cv-c", List.of("so-nv"),
      "cv-d", List.of("khong-co-quyen"));
  /** The users in a fixed order, for the generated data. */
  private static final List<String> USER_IDS = USERS.keySet().stream().sorted().toList();
  private static final List<String> GROUPS = List.of("so-gddt", "so-nv");
  private static final List<String> KEYS = List.of("reviewA", "reviewB");

  private ProcessEngine ours;
  private ProcessEngine camunda;
  private final List<String> tasks = new ArrayList<>();

  @BeforeEach
  void startEngines() {
    String url = EmbeddedPostgres.newDatabase();
    ours = engine(url, "taskPagesOurs", true);
    camunda = engine(url, "taskPagesCamunda", false);
  }

  @AfterEach
  void closeEngines() {
    ClockUtil.reset();
    ours.close();
    camunda.close();
  }

  @Test
  void everyPageIsCamundasPage() {
    Random random = new Random(20261202L);
    createTasks(random);
    // the engine's own grants to candidate groups are replaced by the generated ones
    camunda.getAuthorizationService().createAuthorizationQuery().list()
        .forEach(a -> camunda.getAuthorizationService().deleteAuthorization(a.getId()));
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 160; i++) {
      authorize(random, taken);
    }
    List<Function<TaskQuery, TaskQuery>> queries = List.of(
        q -> q.taskCandidateGroup("so-gddt").orderByDueDate().asc().orderByTaskId().asc(),
        q -> q.taskCandidateGroup("so-nv").orderByDueDate().desc().orderByTaskId().asc(),
        q -> q.taskCandidateGroupIn(GROUPS).taskDefinitionKey("Task_Draft").orderByTaskPriority().desc()
            .orderByTaskId().asc(),
        q -> q.processDefinitionKey("reviewB").orderByTaskCreateTime().desc().orderByTaskId().asc(),
        q -> q.or().taskAssignee("cv-a").taskCandidateGroupIn(GROUPS).endOr().orderByDueDate().asc()
            .orderByTaskId().asc(),
        q -> q.taskCandidateGroup("so-gddt").includeAssignedTasks().orderByTaskName().asc(),
        q -> q.orderByTaskId().desc(),
        q -> q.taskUnassigned().dueBefore(Date.from(Instant.parse("2026-12-20T00:00:00Z"))).orderByDueDate().asc()
            .orderByTaskId().asc());
    int[][] pages = {{0, 5}, {5, 5}, {3, 7}, {0, 50}, {40, 10}};
    int compared = 0;
    int hidden = 0;
    for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
      for (int q = 0; q < queries.size(); q++) {
        for (int[] page : pages) {
          List<String> expected = page(camunda, user, queries.get(q), page);
          List<String> actual = page(ours, user, queries.get(q), page);
          assertThat(actual).as("%s, query %d, page %d+%d", user.getKey(), q, page[0], page[1])
              .isEqualTo(expected);
          List<String> unchecked = ids(queries.get(q).apply(camunda.getTaskService().createTaskQuery())
              .listPage(page[0], page[1]));
          compared += expected.size();
          hidden += unchecked.equals(expected) ? 0 : 1;
        }
      }
    }
    // the generated grants show many tasks and hide many: both parts of the check are exercised
    assertThat(compared).isGreaterThan(300);
    assertThat(hidden).isGreaterThan(40);
  }

  @Test
  void onlyPagesOfCheckedQueriesOrderedByTheTasksColumnsAndNotByDefinitionTakeThePath() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ours
        .getProcessEngineConfiguration();
    ours.getIdentityService().setAuthentication("cv-a", USERS.get("cv-a"));
    try {
      assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery().orderByDueDate().asc(), 10))
          .isTrue();
      assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery().orderByDueDate().asc(),
          Integer.MAX_VALUE)).as("unpaged").isFalse();
      assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery()
          .orderByProcessVariable("deliverableCode", ValueType.STRING).asc(),
          10)).as("ordered by a variable").isFalse();
      assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery().processDefinitionKey("reviewA")
          .orderByDueDate().asc(), 10)).as("narrowed by process definition").isFalse();
      assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery().taskCandidateGroup("so-nv")
          .taskDefinitionKey("Task_Draft").orderByDueDate().asc(), 10)).as("a unit's tasks at one step").isTrue();
    } finally {
      ours.getIdentityService().clearAuthentication();
    }
    assertThat(takesPath(configuration, ours.getTaskService().createTaskQuery().orderByDueDate().asc(), 10))
        .as("no one authenticated: no check").isFalse();
  }

  private static boolean takesPath(ProcessEngineConfigurationImpl configuration, TaskQuery query, int max) {
    TaskQueryImpl impl = (TaskQueryImpl) query;
    impl.setMaxResults(max);
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getAuthorizationManager().configureTaskQuery(impl);
      return AuthorizedTaskPages.InOrderTaskManager.checksInOrder(impl);
    });
  }

  private static ProcessEngine engine(String url, String name, boolean withPages) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("activity")
        .setAuthorizationEnabled(true).setJobExecutorActivate(false).setProcessEngineName(name);
    configuration.setAuthorizationCheckRevokes("always");
    if (withPages) {
      configuration.getProcessEnginePlugins().add(new AuthorizedTaskPages());
    }
    return configuration.buildProcessEngine();
  }

  private List<String> page(ProcessEngine engine, Map.Entry<String, List<String>> user,
      Function<TaskQuery, TaskQuery> query, int[] page) {
    engine.getIdentityService().setAuthentication(user.getKey(), user.getValue());
    try {
      return ids(query.apply(engine.getTaskService().createTaskQuery()).listPage(page[0], page[1]));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  /** 60 process tasks in two definitions and 20 standalone ones; distinct due dates, priorities, creation times. */
  private void createTasks(Random random) {
    for (String key : KEYS) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(10)
          .startEvent().userTask("Task_Draft").camundaCandidateGroups("${unit}").endEvent().done();
      camunda.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    }
    Instant clock = Instant.parse("2026-12-01T01:00:00Z");
    for (int i = 0; i < 80; i++) {
      ClockUtil.setCurrentTime(Date.from(clock.plus(i, ChronoUnit.MINUTES)));
      String unit = GROUPS.get(random.nextInt(GROUPS.size()));
      Task task;
      if (i < 60) {
        String instance = camunda.getRuntimeService()
            .startProcessInstanceByKey(KEYS.get(i % 2), Map.of("unit", unit)).getId();
        task = camunda.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      } else {
        task = camunda.getTaskService().newTask();
      }
      task.setName(String.format("Việc %02d", (i * 37) % 80));
      task.setPriority(1 + (i * 53) % 97);
      task.setDueDate(Date.from(Instant.parse("2026-12-10T00:00:00Z").plus((i * 29) % 80, ChronoUnit.HOURS)));
      if (i % 9 == 0) {
        task.setAssignee(USER_IDS.get(i % USER_IDS.size()));
      }
      camunda.getTaskService().saveTask(task);
      if (i >= 60) {
        camunda.getTaskService().addCandidateGroup(task.getId(), unit);
      }
      tasks.add(task.getId());
    }
  }

  /** A random grant, revoke or global authorization of a user or group on a task (or all) or a definition. */
  private void authorize(Random random, Set<String> taken) {
    boolean onTask = random.nextInt(4) != 0;
    Resource resource = onTask ? Resources.TASK : Resources.PROCESS_DEFINITION;
    String id = onTask ? (random.nextInt(30) == 0 ? "*" : tasks.get(random.nextInt(tasks.size())))
        : List.of("reviewA", "reviewB", "*").get(random.nextInt(3));
    Permission permission = onTask ? Permissions.READ : ProcessDefinitionPermissions.READ_TASK;
    int type = random.nextInt(10) == 0 ? Authorization.AUTH_TYPE_GLOBAL
        : random.nextInt(3) == 0 ? Authorization.AUTH_TYPE_REVOKE : Authorization.AUTH_TYPE_GRANT;
    String user = null;
    String group = null;
    if (type != Authorization.AUTH_TYPE_GLOBAL) {
      if (random.nextBoolean()) {
        user = USER_IDS.get(random.nextInt(USER_IDS.size()));
      } else {
        group = GROUPS.get(random.nextInt(GROUPS.size()));
      }
    }
    String key = type + "|" + user + "|" + group + "|" + resource.resourceType() + "|" + id;
    if (!taken.add(key) || type == Authorization.AUTH_TYPE_GLOBAL && !taken.add("global|" + resource + id)) {
      return; // Camunda allows one authorization per subject, type and resource
    }
    Authorization authorization = camunda.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(type == Authorization.AUTH_TYPE_GLOBAL ? "*" : user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(id);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    camunda.getAuthorizationService().saveAuthorization(authorization);
  }
}
