package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * Roles × actions through the real REST API with HTTP Basic, for the units so-gddt, so-tc and so-tp (plus the
 * UBND leaders, the UBND office monitor, a plan manager and the administrator). Each unit has an open
 * sign-off task for its leaders and an open revision task for its staff, both from the foundation's
 * {@code draftSignOff} process. Every cell is asserted; a failure lists every cell that differs.
 */
@IntegrationTest
class RoleMatrixTest {

  static final List<String> UNITS = List.of("so-gddt", "so-tc", "so-tp");

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

  Api api;
  String run;
  /** unit → task id, and unit → process instance id of the leader task. */
  final Map<String, String> leaderTask = new LinkedHashMap<>();
  final Map<String, String> staffTask = new LinkedHashMap<>();
  final Map<String, String> instance = new LinkedHashMap<>();

  @BeforeEach
  void openTasksForEveryUnit() {
    api = new Api(rest);
    run = "MATRIX-" + UUID.randomUUID().toString().substring(0, 8);
    for (String unit : UNITS) {
      String signing = start(unit);
      instance.put(unit, signing);
      leaderTask.put(unit, taskOf(signing));
      String returned = start(unit);
      taskService.complete(taskOf(returned),
          Map.of("signOffDecision", "return", "signOffReasons", "Bổ sung số liệu năm 2024."));
      staffTask.put(unit, taskOf(returned));
    }
  }

  private String start(String unit) {
    return runtimeService.startProcessInstanceByKey("draftSignOff", run + "-" + unit,
        Map.of("leadUnit", unit, "draftReference", "Dự thảo kiểm thử phân quyền")).getId();
  }

  private String taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private static String staff(String unit) {
    return unit + "-cv";
  }

  private static String leader(String unit) {
    return unit + "-ld";
  }

  private static String other(String unit) {
    return UNITS.get((UNITS.indexOf(unit) + 1) % UNITS.size());
  }

  private Set<String> visibleTasks(String user) {
    Api.Reply reply = api.get(user, "/engine-rest/task?processInstanceBusinessKeyLike=" + run + "%");
    assertThat(reply.status()).as("list tasks as " + user).isEqualTo(200);
    Set<String> ids = new TreeSet<>();
    reply.json().forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  @Test
  void listingTasksShowsEachPersonTheirUnitsTasksOnly() {
    Set<String> all = new TreeSet<>();
    all.addAll(leaderTask.values());
    all.addAll(staffTask.values());
    SoftAssertions cells = new SoftAssertions();
    for (String unit : UNITS) {
      cells.assertThat(visibleTasks(staff(unit))).as("staff of " + unit).containsExactly(staffTask.get(unit));
      cells.assertThat(visibleTasks(leader(unit))).as("leader of " + unit).containsExactly(leaderTask.get(unit));
    }
    cells.assertThat(visibleTasks("ubnd-ld")).as("UBND leader").isEmpty();
    cells.assertThat(visibleTasks("vp-ubnd-cv")).as("UBND office").isEmpty();
    cells.assertThat(visibleTasks("vp-ubnd-theodoi")).as("UBND monitor").isEmpty();
    cells.assertThat(visibleTasks("qlkh")).as("plan manager reads all").isEqualTo(all);
    cells.assertThat(visibleTasks("demo")).as("administrator").isEqualTo(all);
    cells.assertAll();
  }

  @Test
  void readingATaskOrItsFormIsForItsUnitOnly() {
    SoftAssertions cells = new SoftAssertions();
    for (String unit : UNITS) {
      String own = leaderTask.get(unit);
      String foreign = leaderTask.get(other(unit));
      cells.assertThat(api.get(leader(unit), "/engine-rest/task/" + own).status()).as("leader reads own task")
          .isEqualTo(200);
      cells.assertThat(api.get(leader(unit), "/engine-rest/task/" + own + "/deployed-form").status())
          .as("leader opens own form").isEqualTo(200);
      cells.assertThat(api.get(leader(unit), "/engine-rest/task/" + foreign).status())
          .as(leader(unit) + " reads another unit's task").isEqualTo(404);
      cells.assertThat(api.get(leader(unit), "/engine-rest/task/" + foreign + "/deployed-form").status())
          .as(leader(unit) + " opens another unit's form").isEqualTo(403);
      cells.assertThat(api.get(staff(unit), "/engine-rest/task/" + own).status())
          .as(staff(unit) + " reads the leaders' task").isEqualTo(404);
      cells.assertThat(api.get(staff(unit), "/engine-rest/task/" + staffTask.get(other(unit))).status())
          .as(staff(unit) + " reads another unit's staff task").isEqualTo(404);
      cells.assertThat(api.get("qlkh", "/engine-rest/task/" + own).status()).as("plan manager reads")
          .isEqualTo(200);
    }
    cells.assertAll();
  }

  @Test
  void processInstancesAndTheirHistoryAreReadByPlanManagersAndAdministratorsOnly() {
    SoftAssertions cells = new SoftAssertions();
    for (String unit : UNITS) {
      String id = instance.get(unit);
      for (String user : List.of(staff(unit), leader(unit), "vp-ubnd-theodoi")) {
        cells.assertThat(api.get(user, "/engine-rest/process-instance/" + id).status())
            .as(user + " reads the process instance").isEqualTo(404);
        cells.assertThat(api.get(user, "/engine-rest/history/process-instance/" + id).status())
            .as(user + " reads its history").isEqualTo(404);
      }
      for (String user : List.of("qlkh", "demo")) {
        cells.assertThat(api.get(user, "/engine-rest/process-instance/" + id).status())
            .as(user + " reads the process instance").isEqualTo(200);
        cells.assertThat(api.get(user, "/engine-rest/history/process-instance/" + id).status())
            .as(user + " reads its history").isEqualTo(200);
      }
    }
    cells.assertAll();
  }

  @Test
  void claimingAndCompletingIsForTheUnitTheTaskWasRoutedTo() {
    SoftAssertions cells = new SoftAssertions();
    for (String unit : UNITS) {
      String foreignStaffTask = staffTask.get(other(unit));
      String foreignLeaderTask = leaderTask.get(other(unit));
      cells.assertThat(claim(staff(unit), foreignStaffTask)).as(staff(unit) + " claims another unit's task")
          .isEqualTo(403);
      cells.assertThat(complete(leader(unit), foreignLeaderTask)).as(leader(unit) + " signs for another unit")
          .isEqualTo(403);
      cells.assertThat(complete(staff(unit), leaderTask.get(unit))).as(staff(unit) + " signs for the leaders")
          .isEqualTo(403);
      cells.assertThat(claim("qlkh", staffTask.get(unit))).as("plan manager claims").isEqualTo(403);
      cells.assertThat(complete("qlkh", leaderTask.get(unit))).as("plan manager completes").isEqualTo(403);
      cells.assertThat(complete("vp-ubnd-theodoi", leaderTask.get(unit))).as("UBND monitor completes")
          .isEqualTo(403);
    }
    for (String unit : UNITS) {
      cells.assertThat(claim(staff(unit), staffTask.get(unit))).as(staff(unit) + " claims own task")
          .isEqualTo(204);
      cells.assertThat(api.post(staff(unit), "/engine-rest/task/" + staffTask.get(unit) + "/complete",
          Map.of("variables", Api.variables("draftReference", "Dự thảo lần 2", "revisionNote", "Đã bổ sung.")))
          .status()).as(staff(unit) + " completes own task").isEqualTo(204);
      cells.assertThat(complete(leader(unit), leaderTask.get(unit))).as(leader(unit) + " signs without claiming")
          .isEqualTo(204);
    }
    cells.assertAll();
    assertThat(taskService.createTaskQuery().taskId(leaderTask.get("so-gddt")).count()).isZero();
  }

  @Test
  void theAdministratorMayCompleteAnyTask() {
    assertThat(complete("demo", leaderTask.get("so-tp"))).isEqualTo(204);
  }

  @Test
  void ubndLeadersAndTheOfficeWorkTheTasksRoutedToThem() {
    String ubnd = runtimeService.startProcessInstanceByKey("draftSignOff", run + "-ubnd",
        Map.of("leadUnit", "ubnd", "draftReference", "Dự thảo trình UBND")).getId();
    String office = runtimeService.startProcessInstanceByKey("draftSignOff", run + "-vp",
        Map.of("leadUnit", "vp-ubnd", "draftReference", "Dự thảo của Văn phòng")).getId();

    assertThat(visibleTasks("ubnd-ld")).containsExactly(taskOf(ubnd));
    assertThat(visibleTasks("vp-ubnd-ld")).containsExactly(taskOf(office));
    assertThat(complete("so-gddt-ld", taskOf(ubnd))).isEqualTo(403);
    assertThat(complete("ubnd-ld", taskOf(ubnd))).isEqualTo(204);
    assertThat(complete("vp-ubnd-ld", taskOf(office))).isEqualTo(204);
  }

  @Test
  void startingAProcessThroughTheEngineIsForAdministratorsOnly() {
    // Plan managers launch deliverables through the plan API; through the engine they could start a procedure
    // routed to themselves.
    Map<String, Object> body = Map.of("businessKey", run + "-start",
        "variables", Api.variables("leadUnit", "so-gddt", "draftReference", "Dự thảo"));
    SoftAssertions cells = new SoftAssertions();
    List<String> refused = new ArrayList<>();
    for (String unit : UNITS) {
      refused.add(staff(unit));
      refused.add(leader(unit));
    }
    refused.add("vp-ubnd-theodoi");
    refused.add("qlkh");
    for (String user : refused) {
      cells.assertThat(api.post(user, "/engine-rest/process-definition/key/draftSignOff/start", body).status())
          .as(user + " starts a process").isEqualTo(403);
    }
    for (String path : List.of("/start", "/submit-form")) {
      for (Surface manager : List.of(Surface.rest(port, "qlkh"), Surface.webapp(port, "qlkh"))) {
        cells.assertThat(manager.post("/process-definition/key/draftSignOff" + path, body).status())
            .as(manager + " " + path).isEqualTo(403);
      }
    }
    cells.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(run + "-start").count())
        .as("nothing started by the refused").isZero();
    cells.assertThat(api.post("demo", "/engine-rest/process-definition/key/draftSignOff/start", body).status())
        .as("administrator starts a process").isEqualTo(200);
    cells.assertAll();
  }

  @Test
  void onlyAdministratorsManagePeople() {
    Map<String, Object> newUser = Map.of(
        "profile", Map.of("id", "matrix-new-user", "firstName", "Nguyễn Văn", "lastName", "An"),
        "credentials", Map.of("password", "Mat-khau-rat-dai-2025"));
    SoftAssertions cells = new SoftAssertions();
    for (String user : List.of("so-gddt-cv", "so-gddt-ld", "so-tc-ld", "so-tp-cv", "qlkh", "vp-ubnd-theodoi")) {
      cells.assertThat(api.post(user, "/engine-rest/user/create", newUser).status())
          .as(user + " creates a user").isEqualTo(403);
      cells.assertThat(api.call(user, user, HttpMethod.PUT, "/engine-rest/group/so-tc/members/" + user, null)
          .status()).as(user + " adds self to so-tc").isEqualTo(403);
    }
    cells.assertAll();
    try {
      assertThat(api.post("demo", "/engine-rest/user/create", newUser).status()).isEqualTo(204);
      assertThat(api.call("demo", "demo", HttpMethod.PUT,
          "/engine-rest/group/so-tc/members/matrix-new-user", null).status()).isEqualTo(204);
      JsonNode members = api.get("demo", "/engine-rest/user?memberOfGroup=so-tc").json();
      assertThat(members.findValuesAsText("id")).contains("matrix-new-user");
      // The new member sees the unit's work at once, without a deployment.
      assertThat(api.call("matrix-new-user", "Mat-khau-rat-dai-2025", HttpMethod.GET,
          "/engine-rest/task?processInstanceBusinessKeyLike=" + run + "%", null).json()
          .findValuesAsText("id")).containsExactly(staffTask.get("so-tc"));
    } finally {
      identityService.deleteUser("matrix-new-user");
    }
  }

  private int claim(String user, String taskId) {
    return api.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status();
  }

  private int complete(String user, String taskId) {
    return api.post(user, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Api.variables("signOffDecision", "approve"))).status();
  }
}
