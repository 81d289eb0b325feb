package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.plan.PlanLauncher;
import vn.hanoi.gdnn.plan.PlanStore;

/**
 * Roles × actions for every endpoint of {@code /api/**} (enumerated from Spring MVC, so an endpoint without a
 * row fails {@link #everyApiEndpointHasItsRow}), plus the engine endpoints that could leak a deliverable's
 * history or let a plan manager start work routed to themselves. Calls that change the plan are sent with bad
 * input: a person let through gets 400 from the controller and nothing changes; a refused person gets 403 with
 * the rule's Vietnamese message before the controller runs.
 *
 * <p>Sample objects: deliverable 1.1 (lead so-gddt, co-operating so-vhtt and so-khcn; so-tc takes no part) and
 * the process instance of its occurrence 1.1-2025; for the engine's history, deliverable 4.2 (lead so-gddt).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessMatrixTest {

  static final String ANONYMOUS = "(anonymous)";
  static final String STAFF = "so-gddt-cv";
  static final String LEADER = "so-gddt-ld";
  static final String OTHER_UNIT = "so-tc-cv";
  static final String MANAGER = "qlkh";
  static final String ESCALATION = "vp-ubnd-theodoi";
  static final String ADMIN = "demo";
  static final List<String> ROLES = List.of(ANONYMOUS, STAFF, LEADER, OTHER_UNIT, MANAGER, ESCALATION, ADMIN);

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mvc;
  @Autowired
  PlanLauncher launcher;
  @Autowired
  PlanStore store;
  @Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  /** One row: an endpoint (as Spring MVC declares it), the call made, and the status for each role. */
  record Row(String endpoint, String path, Object body, Map<String, Integer> expected) {
  }

  static Map<String, Integer> statuses(int anonymous, int staff, int leader, int otherUnit, int manager,
      int escalation, int admin) {
    Map<String, Integer> map = new LinkedHashMap<>();
    int[] codes = {anonymous, staff, leader, otherUnit, manager, escalation, admin};
    for (int i = 0; i < ROLES.size(); i++) {
      map.put(ROLES.get(i), codes[i]);
    }
    return map;
  }

  static final Map<String, Integer> SIGNED_IN = statuses(401, 200, 200, 200, 200, 200, 200);
  static final Map<String, Integer> UNITS_OF_THE_DELIVERABLE = statuses(401, 200, 200, 403, 200, 200, 200);
  static final Map<String, Integer> PROGRESS = statuses(401, 403, 403, 403, 200, 403, 200);
  /** Amendments with bad input: managers pass the rule and meet the controller's 400. */
  static final Map<String, Integer> AMEND = statuses(401, 403, 403, 403, 400, 403, 400);
  static final Map<String, Integer> ADMIN_ONLY = statuses(401, 403, 403, 403, 403, 403, 200);
  static final String REASON = "Kiểm thử ma trận phân quyền, không thay đổi kế hoạch.";

  List<Row> rows() {
    return List.of(
        new Row("GET /api/calendar/working-days", "/api/calendar/working-days?from=2026-01-01&to=2026-01-31",
            null, SIGNED_IN),
        new Row("GET /api/calendar/deadline", "/api/calendar/deadline?date=2026-01-05&days=3", null, SIGNED_IN),
        new Row("GET /api/calendar/years/{year}", "/api/calendar/years/2026", null, SIGNED_IN),
        new Row("GET /api/plan/deliverables", "/api/plan/deliverables?area=1", null, SIGNED_IN),
        new Row("GET /api/plan/deliverables/{code}", "/api/plan/deliverables/1.1", null, UNITS_OF_THE_DELIVERABLE),
        new Row("POST /api/plan/deliverables", "/api/plan/deliverables", Map.of("reason", REASON), AMEND),
        new Row("POST /api/plan/deliverables/{code}/cancel", "/api/plan/deliverables/1.1/cancel",
            Map.of("reason", ""), AMEND),
        new Row("POST /api/plan/deliverables/{code}/lead", "/api/plan/deliverables/1.1/lead",
            Map.of("leadUnit", "khong-co-don-vi-nay", "reason", REASON), AMEND),
        new Row("POST /api/plan/deliverables/{code}/deadline", "/api/plan/deliverables/1.1/deadline",
            Map.of("deadline", "31/02/2027", "year", 2026, "reason", REASON), AMEND),
        // Nothing left to launch (launched before the matrix runs): the managers' reload answers 200, changes nothing.
        new Row("POST /api/plan/catalogue/reload", "/api/plan/catalogue/reload", Map.of(),
            statuses(401, 403, 403, 403, 200, 403, 200)),
        new Row("GET /api/monitoring/progress", "/api/monitoring/progress", null, PROGRESS),
        new Row("GET /api/monitoring/report.xlsx", "/api/monitoring/report.xlsx", null, PROGRESS),
        new Row("GET /api/monitoring/report.csv", "/api/monitoring/report.csv?unit=so-gddt", null, PROGRESS),
        // a unit's leader reads their own unit's figures (so-gddt-ld: so-gddt), nothing wider
        new Row("GET /api/monitoring/units", "/api/monitoring/units?period=2026-11&unit=so-gddt", null,
            statuses(401, 403, 200, 403, 200, 403, 200)),
        new Row("GET /api/monitoring/units.xlsx", "/api/monitoring/units.xlsx?period=2026-Q4", null, PROGRESS),
        new Row("GET /api/audit/process-instances/{id}", "/api/audit/process-instances/" + trailInstance(), null,
            UNITS_OF_THE_DELIVERABLE),
        new Row("GET /api/admin/process-versions", "/api/admin/process-versions", null, ADMIN_ONLY),
        new Row("GET /api/admin/migrations", "/api/admin/migrations", null, ADMIN_ONLY),
        // An unknown migration: the administrator passes the rule and meets the controller's 404; nothing moves.
        new Row("POST /api/admin/migrations/{id}", "/api/admin/migrations/khong-co-ke-hoach-nay", Map.of(),
            statuses(401, 403, 403, 403, 403, 403, 404)),
        new Row("GET /api/delegations", "/api/delegations", null, SIGNED_IN),
        // Sent without a deputy, so nothing is recorded: leaders and administrators pass the rule and meet the 400
        // (the administrator is nobody's leader: "leader" is the field at fault).
        new Row("POST /api/delegations", "/api/delegations", Map.of("from", "01/01/2027", "to", "02/01/2027"),
            statuses(401, 403, 400, 403, 403, 403, 400)),
        // An unknown absence: leaders and administrators pass the rule and meet the controller's 404.
        new Row("POST /api/delegations/{id}/end", "/api/delegations/khong-co-uy-quyen-nay/end", Map.of(),
            statuses(401, 403, 404, 403, 403, 403, 404)),
        new Row("GET /api/notifications/preferences", "/api/notifications/preferences", null, SIGNED_IN),
        // An unknown mode: everyone signed in reaches their own preference and meets the 400; nothing changes.
        new Row("PUT /api/notifications/preferences", "/api/notifications/preferences", Map.of("mode", "doi-khi"),
            statuses(401, 400, 400, 400, 400, 400, 400)),
        // Documents: the list of a deliverable as its detail; a task's documents for the task's holders (a task of
        // the lead unit's staff); a file (none exists here: 404 after the rule).
        new Row("GET /api/plan/deliverables/{code}/documents", "/api/plan/deliverables/1.1/documents", null,
            UNITS_OF_THE_DELIVERABLE),
        new Row("GET /api/tasks/{taskId}/documents", "/api/tasks/" + staffTask() + "/documents", null,
            statuses(401, 200, 403, 403, 403, 403, 200)),
        // Sent without a file: holders pass the rule and meet the 400 naming the field.
        new Row("POST /api/tasks/{taskId}/documents", "/api/tasks/" + staffTask() + "/documents", Map.of(),
            statuses(401, 400, 403, 403, 403, 403, 400)),
        new Row("GET /api/documents/{id}/content", "/api/documents/khong-co/content", null,
            statuses(401, 404, 404, 404, 404, 404, 404)));
  }

  private String staffTask;

  /** An open task of the staff's unit, of a consultation started for the matrix (its first step). */
  String staffTask() {
    if (staffTask == null) {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("consultation", "MATRIX-DOCS",
          Map.of("deliverableCode", "1.1", "deliverableTitle", "Ma trận", "leadUnit", "so-gddt",
              "consultedUnits", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"so-tc\"]").create()))
          .getId();
      staffTask = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    }
    return staffTask;
  }

  String trailInstance() {
    return store.launches("1.1").stream().filter(l -> l.businessKey().equals("1.1-2025")).findFirst()
        .orElseThrow().processInstanceId();
  }

  @BeforeAll
  void planLaunched() {
    launcher.synchronise(); // idempotent; other tests of the shared context launch it the same way
  }

  @Test
  void everyApiEndpointHasItsRow() {
    Set<String> declared = new TreeSet<>();
    mvc.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> declared.add(m.name() + " " + p))));
    assertThat(declared).as("endpoints of /api in Spring MVC").isNotEmpty();
    assertThat(rows().stream().map(Row::endpoint).toList()).as("rows of the matrix")
        .containsExactlyInAnyOrderElementsOf(declared);
  }

  Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Row row : rows()) {
      row.expected().forEach((role, status) -> cells.add(Arguments.of(row.endpoint(), role, status, row)));
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("cells")
  void apiCell(String endpoint, String role, int expected, Row row) {
    Api api = new Api(rest);
    String user = ANONYMOUS.equals(role) ? null : role;
    HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
    Api.Reply reply = api.call(user, user, method, row.path(), row.body());

    assertThat(reply.status()).as(endpoint + " as " + role + ": " + reply.body()).isEqualTo(expected);
    if (expected == 403) {
      assertThat(reply.json().get("message").asText()).as("a Vietnamese reason")
          .containsAnyOf("không có quyền", "Chỉ cán bộ quản lý kế hoạch");
    }
    if (expected == 400) {
      assertThat(reply.json().get("field").asText()).as("the field at fault").isNotBlank();
    }
  }

  @Test
  void theListKeepsTheHoldersOfOtherUnitsWorkOutOfSight() {
    Api api = new Api(rest);
    var outsider = api.get(OTHER_UNIT, "/api/plan/deliverables?area=1").json();
    var lead = api.get(STAFF, "/api/plan/deliverables?area=1").json();
    String key = "1.1-2025";
    var outsiderRow = find(outsider, key);
    var leadRow = find(lead, key);

    assertThat(leadRow.get("processInstanceId").isNull()).isFalse();
    assertThat(outsiderRow.get("processInstanceId").isNull()).as("no way into its history").isTrue();
    assertThat(outsiderRow.get("status")).isEqualTo(leadRow.get("status"));
    assertThat(outsiderRow.get("currentSteps").findValuesAsText("task"))
        .isEqualTo(leadRow.get("currentSteps").findValuesAsText("task"));
    outsiderRow.get("currentSteps").forEach(step -> {
      assertThat(step.get("assignee").isNull()).isTrue();
      assertThat(step.get("taskId").isNull()).isTrue();
    });
  }

  private static com.fasterxml.jackson.databind.JsonNode find(com.fasterxml.jackson.databind.JsonNode rows,
      String code) {
    for (var row : rows) {
      if (code.equals(row.get("code").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row " + code);
  }

  // ---- the engine's own endpoints: history of a deliverable, and starting work -------------------------------

  Stream<Arguments> engineSurfaces() {
    List<Arguments> cells = new ArrayList<>();
    for (String user : List.of(STAFF, LEADER, OTHER_UNIT, ESCALATION, MANAGER, ADMIN)) {
      cells.add(Arguments.of(user, "rest"));
      cells.add(Arguments.of(user, "webapp"));
    }
    return cells.stream();
  }

  private Surface surface(String user, String kind) {
    return kind.equals("rest") ? Surface.rest(port, user) : Surface.webapp(port, user);
  }

  /**
   * The engine's history is for the roles granted READ_HISTORY (plan managers, administrators); units read a
   * deliverable's history through the plan API, which applies the per-deliverable rule.
   */
  @ParameterizedTest(name = "engine history as {0} over {1}")
  @MethodSource("engineSurfaces")
  void engineHistoryOfADeliverable(String user, String kind) {
    // 4.2 (lead so-gddt) has worked tasks in its history; 1.1-2025 still waits for its period
    String id = store.launches("4.2").get(0).processInstanceId();
    boolean readsAll = user.equals(MANAGER) || user.equals(ADMIN);
    Surface engine = surface(user, kind);

    assertThat(engine.get("/history/process-instance/" + id).status()).as("historic instance")
        .isEqualTo(readsAll ? 200 : 404);
    for (String list : List.of("/history/task?processInstanceId=", "/history/activity-instance?processInstanceId=",
        "/history/variable-instance?processInstanceId=", "/history/detail?processInstanceId=",
        "/history/user-operation?processInstanceId=", "/history/process-instance?processInstanceBusinessKey=")) {
      String target = list.endsWith("BusinessKey=") ? "4.2" : id;
      Surface.Reply reply = engine.get(list + target);
      assertThat(reply.status()).as(list).isEqualTo(200);
      if (readsAll) {
        if (!list.startsWith("/history/user-operation")) { // empty when nobody worked it through an API
          assertThat(reply.json().size()).as(list).isPositive();
        }
      } else {
        assertThat(reply.json().size()).as(list + " leaks to " + user).isZero();
      }
    }
  }

  @ParameterizedTest(name = "Cockpit dashboard data as {0} over the webapp session")
  @MethodSource("roleNames")
  void theCockpitDashboardResourceIsForPlanProgressReadersOnly(String user) {
    Surface.Reply reply = Surface.webapp(port, user)
        .getFromServerRoot("/camunda/api/cockpit/plugin/gdnn-monitoring/default/progress");
    boolean allowed = user.equals(MANAGER) || user.equals(ADMIN);
    assertThat(reply.status()).isEqualTo(allowed ? 200 : 403);
    if (!allowed) {
      assertThat(reply.json().get("message").asText()).contains("Chỉ cán bộ quản lý kế hoạch");
    }
  }

  Stream<String> roleNames() {
    return Stream.of(STAFF, LEADER, OTHER_UNIT, ESCALATION, MANAGER, ADMIN);
  }
}
