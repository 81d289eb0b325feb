package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.plan.PlanStore;

/**
 * Access follows the work: when a plan manager moves a deliverable to another lead unit, the old unit loses the
 * moved tasks on every surface (REST with HTTP Basic, the webapps' session API) and the new unit gets them; and
 * back again. Runs on a deliverable of its own ({@value #CODE}), added through the plan API.
 */
@IntegrationTest
class AccessFollowsWorkTest {

  static final String CODE = "8.9";
  static final String OLD = "so-gddt";
  static final String NEW = "so-tc";

  @LocalServerPort
  int port;
  @Autowired
  org.springframework.context.ApplicationContext context;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  PlanStore store;

  Api api;

  @BeforeEach
  void ownDeliverable() {
    api = new Api(rest);
    if (store.deliverable(CODE).isEmpty()) {
      Map<String, Object> entry = new HashMap<>(Map.of("code", CODE, "area", 8,
          "title", "Quy định về sử dụng phòng thực hành dùng chung", "product", "Nghị quyết HĐND",
          "signer", "HĐND Thành phố", "lead", OLD, "coUnits", List.of("so-tp"), "deadline", "2027-Q2",
          "lifecycle", "lifecycleHdndPolicy", "decision", Map.of("committee", "hdnd-ban-vhxh")));
      assertThat(api.post("qlkh", "/api/plan/deliverables", Map.of("deliverable", entry,
          "reason", "Bổ sung để kiểm thử quyền truy cập theo đơn vị chủ trì.")).status()).isEqualTo(201);
    }
  }

  private Task draft() {
    return taskService.createTaskQuery().processInstanceBusinessKey(CODE).taskDefinitionKey("Task_Draft")
        .singleResult();
  }

  private int moveLead(String to) {
    return api.post("qlkh", "/api/plan/deliverables/" + CODE + "/lead",
        Map.of("leadUnit", to, "reason", "Điều chỉnh đơn vị chủ trì theo phân công mới.")).status();
  }

  private long taskGrants(String groupOrUser, boolean user, String taskId) {
    var query = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId);
    return (user ? query.userIdIn(groupOrUser) : query.groupIdIn(groupOrUser)).count();
  }

  /** What a person of the unit that no longer leads meets, on both surfaces. */
  private void refused(SoftAssertions cells, String user, String taskId) {
    for (Surface surface : List.of(Surface.rest(port, user), Surface.webapp(port, user))) {
      cells.assertThat(surface.get("/task/" + taskId).status()).as(surface + " reads the moved task")
          .isEqualTo(404);
      cells.assertThat(surface.post("/task/" + taskId + "/claim", Map.of("userId", user)).status())
          .as(surface + " claims the moved task").isEqualTo(403);
      cells.assertThat(surface.post("/task/" + taskId + "/complete", Map.of("variables",
          Api.variables("draftReference", "Dự thảo của đơn vị cũ"))).status())
          .as(surface + " completes the moved task").isEqualTo(403);
    }
  }

  /** What a person of the leading unit can do, on both surfaces; leaves the task claimed by that person. */
  private void allowed(SoftAssertions cells, String user, String taskId) {
    for (Surface surface : List.of(Surface.rest(port, user), Surface.webapp(port, user))) {
      cells.assertThat(surface.get("/task/" + taskId).status()).as(surface + " reads the task").isEqualTo(200);
      cells.assertThat(surface.post("/task/" + taskId + "/claim", Map.of("userId", user)).status())
          .as(surface + " claims the task").isEqualTo(204);
    }
  }

  @Test
  void reassigningMovesTheGrantsWithTheTasksAndBackAgain() {
    Task draft = draft();
    String id = draft.getId();
    // The old unit's staff member holds the task when it moves.
    assertThat(api.post(OLD + "-cv", "/engine-rest/task/" + id + "/claim", Map.of("userId", OLD + "-cv"))
        .status()).isEqualTo(204);

    assertThat(moveLead(NEW)).isEqualTo(200);

    assertThat(taskGrants(OLD, false, id)).as("old unit's grant on the task").isZero();
    assertThat(taskGrants(OLD + "-cv", true, id)).as("former assignee's own grant").isZero();
    assertThat(taskGrants(NEW, false, id)).as("new unit's grant on the task").isEqualTo(1);
    SoftAssertions cells = new SoftAssertions();
    refused(cells, OLD + "-cv", id);
    allowed(cells, NEW + "-cv", id);
    cells.assertAll();

    assertThat(moveLead(OLD)).as("moving back").isEqualTo(200);

    assertThat(taskGrants(NEW, false, id)).isZero();
    assertThat(taskGrants(NEW + "-cv", true, id)).as("the new unit's claim left nothing behind").isZero();
    assertThat(taskGrants(OLD, false, id)).isEqualTo(1);
    SoftAssertions back = new SoftAssertions();
    refused(back, NEW + "-cv", id);
    allowed(back, OLD + "-cv", id);
    back.assertAll();

    // The leading unit still does the work: with the draft attached, submitting it moves the deliverable on.
    vn.hanoi.gdnn.document.TestDocuments.attachRequired(context, taskService.createTaskQuery().taskId(id)
        .singleResult(), OLD + "-cv");
    assertThat(api.post(OLD + "-cv", "/engine-rest/task/" + id + "/submit-form", Map.of("variables",
        Api.variables("draftReference", "Dự thảo Nghị quyết về phòng thực hành dùng chung"))).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(id).count()).isZero();
  }

  @Test
  void aLeaderHandingATaskOnLeavesNoGrantWithTheFormerHolder() {
    // Any holder change, not only the plan's: the former assignee's personal grant goes with the task.
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(CODE).active().list().stream()
        .findFirst().orElseThrow();
    String id = task.getId();
    String lead = (String) taskService.getIdentityLinksForTask(id).stream()
        .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    String holder = lead.endsWith("-lanh-dao") ? lead.replace("-lanh-dao", "-ld") : lead + "-cv";
    taskService.setAssignee(id, holder);
    taskService.setAssignee(id, "demo");
    try {
      assertThat(taskGrants(holder, true, id)).isZero();
      assertThat(taskGrants("demo", true, id)).isEqualTo(1);
      assertThat(taskGrants(lead, false, id)).as("the unit keeps its own grant").isEqualTo(1);
    } finally {
      taskService.setAssignee(id, null);
    }
    assertThat(taskGrants("demo", true, id)).isZero();
  }
}
