package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import vn.hanoi.gdnn.IntegrationTest;

/** Sign-offs made through the REST API are attributable in history and in the audit-trail endpoint. */
@IntegrationTest
class AuditTrailTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private String currentTask(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  /** A so-gddt draft returned once with reasons, revised, then approved — all through the REST API. */
  private String signedOffDraft(Api api) {
    String id = runtimeService.startProcessInstanceByKey("draftSignOff", "AUDIT-" + UUID.randomUUID(),
        Map.of("leadUnit", "so-gddt", "draftReference", "Dự thảo Kế hoạch truyền thông 2026")).getId();
    assertThat(api.post("so-gddt-ld", "/engine-rest/task/" + currentTask(id) + "/complete", Map.of("variables",
        Api.variables("signOffDecision", "return", "signOffReasons", "Bổ sung số liệu tuyển sinh năm 2024.")))
        .status()).isEqualTo(204);
    String revision = currentTask(id);
    assertThat(api.post("so-gddt-cv", "/engine-rest/task/" + revision + "/claim", Map.of("userId", "so-gddt-cv"))
        .status()).isEqualTo(204);
    assertThat(api.post("so-gddt-cv", "/engine-rest/task/" + revision + "/submit-form", Map.of("variables",
        Api.variables("draftReference", "Dự thảo lần 2", "revisionNote", "Đã bổ sung số liệu."))).status())
        .isEqualTo(204);
    assertThat(api.post("so-gddt-ld", "/engine-rest/task/" + currentTask(id) + "/submit-form", Map.of("variables",
        Api.variables("signOffDecision", "approve"))).status()).isEqualTo(204);
    return id;
  }

  @Test
  void aLeaderWhoSignsWithoutClaimingIsRecordedAsAssigneeAndInTheOperationLog() {
    String id = signedOffDraft(new Api(rest));

    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().list();
    assertThat(tasks).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .containsExactly("Task_SignDraft", "Task_ReviseDraft", "Task_SignDraft");
    assertThat(tasks).extracting(HistoricTaskInstance::getAssignee)
        .containsExactly("so-gddt-ld", "so-gddt-cv", "so-gddt-ld");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(id)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).containsExactlyInAnyOrder("so-gddt-ld", "so-gddt-cv",
            "so-gddt-ld");
  }

  @Test
  void theTrailListsStepsTasksAndDecisionsInOrderWithWhoAndWhen() {
    Api api = new Api(rest);
    String id = signedOffDraft(api);

    Api.Reply reply = api.get("so-gddt-cv", "/api/audit/process-instances/" + id);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode trail = reply.json();
    assertThat(trail.get("processInstanceId").asText()).isEqualTo(id);
    assertThat(trail.get("processDefinitionKey").asText()).isEqualTo("draftSignOff");
    assertThat(trail.get("leadUnit").asText()).isEqualTo("so-gddt");
    assertThat(trail.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(trail.get("startedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

    assertThat(trail.get("steps").findValuesAsText("activityId")).containsExactly("Event_DraftReady",
        "Task_SignDraft", "Gateway_SignOffDecision", "Task_ReviseDraft", "Task_SignDraft",
        "Gateway_SignOffDecision", "Event_DraftApproved");

    JsonNode tasks = trail.get("tasks");
    assertThat(tasks).hasSize(3);
    assertThat(tasks.findValuesAsText("completedBy")).containsExactly("so-gddt-ld", "so-gddt-cv", "so-gddt-ld");
    assertThat(tasks.findValuesAsText("status")).containsOnly("completed");
    assertThat(tasks.get(0).get("candidateGroups").get(0).asText()).isEqualTo("so-gddt-lanh-dao");
    assertThat(tasks.get(1).get("candidateGroups").get(0).asText()).isEqualTo("so-gddt");
    assertThat(tasks.get(0).get("completedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

    JsonNode decisions = trail.get("decisions");
    assertThat(decisions.findValuesAsText("variable"))
        .containsExactlyInAnyOrder("signOffDecision", "signOffReasons", "signOffDecision");
    assertThat(decisions.findValuesAsText("by")).containsOnly("so-gddt-ld");
    assertThat(decisions.findValuesAsText("value"))
        .containsExactlyInAnyOrder("return", "Bổ sung số liệu tuyển sinh năm 2024.", "approve");
    assertThat(decisions.get(decisions.size() - 1).get("value").asText()).as("the approval comes last")
        .isEqualTo("approve");
    assertThat(decisions.findValuesAsText("taskName")).containsOnly("Ký duyệt dự thảo");
  }

  @Test
  void theTrailIsForTheLeadUnitPlanManagersTheEscalationTeamAndAdministrators() {
    Api api = new Api(rest);
    String id = signedOffDraft(api);
    String path = "/api/audit/process-instances/" + id;

    assertThat(api.get("so-gddt-ld", path).status()).isEqualTo(200);
    assertThat(api.get("qlkh", path).status()).isEqualTo(200);
    assertThat(api.get("demo", path).status()).isEqualTo(200);
    Api.Reply refused = api.get("so-tc-cv", path);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("không có quyền xem nhật ký");
    assertThat(refused.body()).doesNotContain("so-gddt-ld", "Bổ sung số liệu");
    assertThat(api.get("so-tp-ld", path).status()).isEqualTo(403);
    assertThat(api.get("vp-ubnd-theodoi", path).status()).isEqualTo(200);
    assertThat(api.get(null, path).status()).isEqualTo(401);
  }

  @Test
  void anUnknownDeliverableIsA404() {
    Api.Reply reply = new Api(rest).get("qlkh", "/api/audit/process-instances/khong-co-ho-so-nay");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("message").asText()).contains("Không tìm thấy hồ sơ");
  }
}
