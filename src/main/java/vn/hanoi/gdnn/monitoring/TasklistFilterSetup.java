package vn.hanoi.gdnn.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the shared Tasklist filters when the application is ready, idempotently: each filter is recognised by
 * its property {@code gdnnFilter} (not by its name), created when missing, updated in place when its definition
 * changed, left alone otherwise; missing READ grants are added.
 *
 * <ul>
 *   <li>"Việc của tôi": tasks assigned to the current user.</li>
 *   <li>"Việc của đơn vị": unassigned tasks whose candidate groups include a group of the current user.</li>
 *   <li>"Chờ ký / phê duyệt": tasks whose candidate group is one of the current user's leader groups
 *       ({@code <unit>-lanh-dao}, see {@link InboxExpressions#leaderGroups}), claimed or not. The organisation
 *       gives sign-off and approval steps, and only those, to leader groups, so the criterion holds for every
 *       process without marking its tasks. Shared with the leader groups that exist at start-up.</li>
 *   <li>"Sắp đến hạn": my tasks and my groups' unassigned tasks due within
 *       {@code gdnn.monitoring.due-soon-working-days} working days.</li>
 *   <li>"Quá hạn": my tasks and my groups' unassigned tasks whose due date has passed.</li>
 * </ul>
 * All but "Chờ ký / phê duyệt" are shared with every user. Each shows the deliverable's code, title, lead unit and
 * deadline and is sorted by due date, then by priority (highest first).
 */
@Component
public class TasklistFilterSetup {

  static final String KEY = "gdnnFilter";
  static final String MY_TASKS = "Việc của tôi";
  static final String UNIT_TASKS = "Việc của đơn vị";
  static final String SIGN_OFF = "Chờ ký / phê duyệt";
  static final String DUE_SOON = "Sắp đến hạn";
  static final String OVERDUE = "Quá hạn";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilterSetup.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final String ALL_USERS = Authorization.ANY;

  private final ProcessEngine engine;

  public TasklistFilterSetup(ProcessEngine engine) {
    this.engine = engine;
  }

  /** One filter: key, Vietnamese name and description, list position, colour, query, and who may read it. */
  record Definition(String key, String name, String description, int priority, String colour,
      Supplier<TaskQuery> query, boolean leadersOnly) {
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    synchronize();
  }

  /** Brings the filters and their grants to the definitions below; returns the number of filters changed. */
  public synchronized int synchronize() {
    IdentityService identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return apply();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  List<Definition> definitions() {
    TaskService tasks = engine.getTaskService();
    return List.of(
        new Definition("my-tasks", MY_TASKS, "Các việc đã giao cho tôi hoặc tôi đã nhận xử lý", 10, "#337ab7",
            () -> sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")), false),
        new Definition("unit-tasks", UNIT_TASKS, "Các việc đơn vị tôi được giao, chưa có người nhận xử lý", 20,
            "#5cb85c",
            () -> sorted(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")), false),
        new Definition("sign-off", SIGN_OFF, "Văn bản chờ lãnh đạo ký, phê duyệt", 30, "#8e44ad",
            () -> sorted(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${inbox.leaderGroups(currentUserGroups())}")
                .includeAssignedTasks()), true),
        new Definition("due-soon", DUE_SOON, "Việc của tôi và của đơn vị sắp đến hạn xử lý", 40, "#f0ad4e",
            () -> sorted(mine(tasks).dueAfterExpression("${now()}").dueBeforeExpression("${inbox.dueSoonLimit()}")),
            false),
        new Definition("overdue", OVERDUE, "Việc của tôi và của đơn vị đã quá hạn xử lý", 50, "#d9534f",
            () -> sorted(mine(tasks).dueBeforeExpression("${now()}")), false));
  }

  private static TaskQuery mine(TaskService tasks) {
    return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  static Map<String, Object> properties(Definition d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(KEY, d.key());
    p.put("description", d.description());
    p.put("priority", d.priority());
    p.put("color", d.colour());
    p.put("refresh", true);
    p.put("showUndefinedVariable", false);
    p.put("variables", List.of(
        variable(TaskInboxFields.CODE, "Mã nhiệm vụ"),
        variable(TaskInboxFields.TITLE, "Nội dung"),
        variable(TaskInboxFields.LEAD_UNIT, "Đơn vị chủ trì"),
        variable(TaskInboxFields.DEADLINE, "Thời hạn")));
    return p;
  }

  private static Map<String, String> variable(String name, String label) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("label", label);
    return v;
  }

  private int apply() {
    FilterService filters = engine.getFilterService();
    Map<String, Filter> existing = new LinkedHashMap<>();
    for (Filter f : filters.createTaskFilterQuery().list()) {
      Object key = f.getProperties() == null ? null : f.getProperties().get(KEY);
      if (key != null) {
        existing.putIfAbsent(key.toString(), f);
      }
    }
    List<String> leaderGroups = engine.getIdentityService().createGroupQuery().list().stream().map(Group::getId)
        .filter(id -> id.endsWith(InboxExpressions.LEADER_SUFFIX)).sorted().toList();
    JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
    int changed = 0;
    for (Definition d : definitions()) {
      TaskQuery query = d.query().get();
      Map<String, Object> properties = properties(d);
      Filter filter = existing.get(d.key());
      if (filter == null) {
        filter = filters.newTaskFilter(d.name()).setProperties(properties).setQuery(query);
        filters.saveFilter(filter);
        LOG.info("Tasklist filter '{}' created", d.name());
        changed++;
      } else if (!d.name().equals(filter.getName()) || !json(properties).equals(json(filter.getProperties()))
          || !converter.toJsonObject(query).toString()
          .equals(converter.toJsonObject((TaskQuery) filter.getQuery()).toString())) {
        filter.setName(d.name()).setProperties(properties).setQuery(query);
        filters.saveFilter(filter);
        LOG.info("Tasklist filter '{}' updated", d.name());
        changed++;
      }
      if (d.leadersOnly()) {
        grantRead(filter.getId(), leaderGroups);
      } else {
        grantReadToAll(filter.getId());
      }
    }
    return changed;
  }

  private void grantReadToAll(String filterId) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Optional<Authorization> global = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list().stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL).findFirst();
    if (global.isEmpty()) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      a.setUserId(ALL_USERS);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
    } else if (!global.get().isPermissionGranted(Permissions.READ)) {
      global.get().addPermission(Permissions.READ);
      authorizations.saveAuthorization(global.get());
    }
  }

  /** READ for {@code groups} only: a global grant (left by an earlier definition) is removed. */
  private void grantRead(String filterId, List<String> groups) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<Authorization> present = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list();
    present.stream().filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL)
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    Set<String> granted = new TreeSet<>();
    for (Authorization a : present) {
      if (a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && a.getGroupId() != null
          && a.isPermissionGranted(Permissions.READ)) {
        granted.add(a.getGroupId());
      }
    }
    List<String> missing = new ArrayList<>(groups);
    missing.removeAll(granted);
    for (String group : missing) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
    }
    if (!missing.isEmpty()) {
      LOG.info("Tasklist filter {} shared with {}", filterId, missing);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Filter properties are not JSON", e);
    }
  }
}
