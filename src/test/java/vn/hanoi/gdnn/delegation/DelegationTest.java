package vn.hanoi.gdnn.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.security.Surface;

/**
 * Delegation while a leader is away (ủy quyền): who may be the deputy, the deputy signing for the leader during
 * the absence (recorded as ký thay in the task and the audit trail, with both names), refused after it, and
 * nothing left with the deputy once it ended.
 */
@IntegrationTest
class DelegationTest {

  static final String LEADER = "so-gddt-ld";
  static final String DEPUTY = "so-gddt-pgd";
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  DataSource dataSource;
  @Autowired
  HistoryService history;

  final List<String> instances = new ArrayList<>();

  @BeforeEach
  void secondLeader() {
    User deputy = identity.newUser(DEPUTY);
    deputy.setFirstName("Phó Giám đốc");
    deputy.setLastName("Trần Văn Bình");
    deputy.setEmail(DEPUTY + "@gdnn.example");
    deputy.setPassword("mat-khau-du-dai-12");
    identity.saveUser(deputy);
    identity.createMembership(DEPUTY, "so-gddt-lanh-dao");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
    jdbc.update("DELETE FROM absence_delegation WHERE leader_id = ?", LEADER);
    for (String id : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test ended");
      }
    }
    runtime.createProcessInstanceQuery().processDefinitionKey("notificationDelivery").list().stream()
        .filter(p -> p.getBusinessKey() != null && p.getBusinessKey().startsWith("thu-UQ-TEST-"))
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
    identity.deleteMembership(DEPUTY, "so-gddt-lanh-dao");
    identity.deleteUser(DEPUTY);
  }

  @Test
  void aDeputyMustBeALeaderOfTheSameUnitAndEveryBadFieldIsNamedWithNothingStored() throws Exception {
    String today = VN.format(today());
    record Case(String user, Map<String, Object> body, int status, String field, String says) {
    }
    List<Case> cases = List.of(
        new Case(LEADER, body(null, "so-gddt-cv", today, today, null), 400, "deputy", "không phải là lãnh đạo"),
        new Case(LEADER, body(null, "so-tc-ld", today, today, null), 400, "deputy", "lãnh đạo cùng đơn vị"),
        new Case(LEADER, body(null, LEADER, today, today, null), 400, "deputy", "chính mình"),
        new Case(LEADER, body(null, null, today, today, null), 400, "deputy", "bắt buộc"),
        new Case(LEADER, body(null, DEPUTY, "31/02/2026", today, null), 400, "from", "không phải là ngày hợp lệ"),
        new Case(LEADER, body(null, DEPUTY, today, VN.format(today().minusDays(1)), null), 400, "to",
            "phải từ ngày"),
        new Case(LEADER, body(null, DEPUTY, today, today, List.of("khongCoQuyTrinhNay")), 400, "scope",
            "không phải là loại công việc"),
        new Case(LEADER, body(null, DEPUTY, today, today, List.of("deadlineWatch")), 400, "scope",
            "không phải là loại công việc"),
        new Case("so-gddt-cv", body(null, DEPUTY, today, today, null), 403, null, "không có quyền đăng ký vắng mặt"),
        new Case("so-tc-ld", body(LEADER, DEPUTY, today, today, null), 403, null, "Chỉ lãnh đạo tự đăng ký"));

    for (Case c : cases) {
      ResponseEntity<String> reply = call(c.user(), HttpMethod.POST, "/api/delegations", c.body());
      assertThat(reply.getStatusCode().value()).as(c.toString() + " → " + reply.getBody()).isEqualTo(c.status());
      JsonNode json = JSON.readTree(reply.getBody());
      if (c.field() != null) {
        assertThat(json.get("field").asText()).isEqualTo(c.field());
        assertThat(json.get("message").asText()).startsWith("Trường \"" + c.field() + "\"");
      }
      assertThat(json.get("message").asText()).contains(c.says());
    }
    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM absence_delegation WHERE "
        + "leader_id = ?", Long.class, LEADER)).as("nothing stored").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY).count())
        .isZero();
  }

  @Test
  void theDeputySignsForTheLeaderDuringTheAbsenceIsRefusedAfterItAndTheTrailShowsBothNames() throws Exception {
    ProcessInstance first = approvalAtSignature("UQ-TEST-1");
    ProcessInstance second = approvalAtSignature("UQ-TEST-2");
    // the leader had taken the second one before leaving
    assertThat(call(LEADER, HttpMethod.POST, "/engine-rest/task/" + task(second).getId() + "/claim",
        Map.of("userId", LEADER)).getStatusCode().value()).isEqualTo(204);

    String today = VN.format(today());
    ResponseEntity<String> recorded = call(LEADER, HttpMethod.POST, "/api/delegations",
        body(null, DEPUTY, today, today, List.of("ubndApproval")));
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    JsonNode absence = JSON.readTree(recorded.getBody());
    assertThat(absence.get("deputyName").asText()).isEqualTo("Phó Giám đốc Trần Văn Bình");
    assertThat(absence.get("unitName").asText()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(absence.get("from").asText()).isEqualTo(today);

    runTimer(absence.get("id").asText()); // "Bắt đầu thời gian vắng mặt"

    assertThat(task(first).getAssignee()).as("the leaders' group's sign-off goes to the deputy").isEqualTo(DEPUTY);
    assertThat(task(second).getAssignee()).as("the leader's own sign-off too").isEqualTo(DEPUTY);
    assertThat(call(DEPUTY, HttpMethod.GET, "/api/delegations", null).getBody()).contains("Đang ủy quyền");

    assertThat(submit(DEPUTY, first, "approve").getStatusCode().value()).isEqualTo(204);

    ProcessInstance arriving = approvalAtSignature("UQ-TEST-3");
    assertThat(task(arriving).getAssignee()).as("a sign-off arriving during the absence goes to the deputy")
        .isEqualTo(DEPUTY);
    assertThat(tasks.getVariableLocal(task(arriving).getId(), DelegationRule.ON_BEHALF_OF)).isEqualTo(LEADER);

    String signedTask = historicTask(first);
    List<Comment> comments = tasks.getTaskComments(signedTask);
    assertThat(comments).extracting(Comment::getFullMessage).anySatisfy(m -> assertThat(m)
        .isEqualTo("Ký thay: KT. Lãnh đạo Sở Giáo dục và Đào tạo — Phó Giám đốc Trần Văn Bình ký thay (thay mặt "
            + "Lãnh đạo Sở Giáo dục và Đào tạo, theo ủy quyền)."));
    JsonNode trail = JSON.readTree(call("qlkh", HttpMethod.GET, "/api/audit/process-instances/" + first.getId(),
        null).getBody());
    JsonNode signed = trail.get("tasks").get(0);
    assertThat(signed.get("completedBy").asText()).isEqualTo(DEPUTY);
    assertThat(signed.get("signedOnBehalfOf").asText()).isEqualTo(LEADER);
    assertThat(signed.get("signedAs").asText())
        .isEqualTo("KT. Lãnh đạo Sở Giáo dục và Đào tạo — Phó Giám đốc Trần Văn Bình ký thay");

    // the day after the absence, before its end step has run: the deputy is no longer entitled
    ClockUtil.setCurrentTime(Date.from(today().plusDays(1).atTime(8, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
        .toInstant()));
    ResponseEntity<String> late = submit(DEPUTY, second, "approve");
    assertThat(late.getStatusCode().value()).isEqualTo(403);
    assertThat(late.getBody()).contains("thời gian ủy quyền ký thay của so-gddt-ld đã kết thúc");

    runTimer(absence.get("id").asText()); // "Hết thời gian vắng mặt"

    assertThat(task(second).getAssignee()).as("back with the leader").isEqualTo(LEADER);
    assertThat(task(arriving).getAssignee()).as("the group's task back in the leaders' queue").isNull();
    assertThat(tasks.getVariablesLocal(task(second).getId())).doesNotContainKey(DelegationRule.ON_BEHALF_OF);
    assertThat(tasks.createTaskQuery().taskAssignee(DEPUTY).count()).as("nothing left with the deputy").isZero();
    ResponseEntity<String> after = submit(DEPUTY, second, "approve");
    assertThat(after.getStatusCode().value()).isEqualTo(403);
    assertThat(after.getBody()).contains("đang do so-gddt-ld xử lý");
    assertThat(submit(LEADER, second, "approve").getStatusCode().value()).isEqualTo(204);
    assertThat(call(LEADER, HttpMethod.GET, "/api/delegations", null).getBody()).contains("Đã kết thúc");
    assertThat(stepsOfTheAbsence(absence.get("id").asText())).as("the absence's process 'absenceDelegation', "
        + "its one path from recording to the end of the delegation").containsExactly("Start_AbsenceRecorded",
        "Timer_AbsenceStarts", "Task_HandOverToDeputy", "Timer_AbsenceEnds", "Task_GiveBack", "End_DelegationEnded");
  }

  @Test
  void theLeaderBackEarlyEndsTheAbsenceNowAndEveryDelegatedTaskGoesBack() throws Exception {
    ProcessInstance groupTask = approvalAtSignature("UQ-TEST-5");
    ProcessInstance ownTask = approvalAtSignature("UQ-TEST-6");
    assertThat(call(LEADER, HttpMethod.POST, "/engine-rest/task/" + task(ownTask).getId() + "/claim",
        Map.of("userId", LEADER)).getStatusCode().value()).isEqualTo(204);
    String today = VN.format(today());
    JsonNode absence = JSON.readTree(call(LEADER, HttpMethod.POST, "/api/delegations",
        body(null, DEPUTY, today, VN.format(today().plusDays(10)), null)).getBody());
    String id = absence.get("id").asText();
    runTimer(id); // "Bắt đầu thời gian vắng mặt"
    assertThat(task(groupTask).getAssignee()).isEqualTo(DEPUTY);
    assertThat(task(ownTask).getAssignee()).isEqualTo(DEPUTY);

    // only the leader (or an administrator) ends it: not the deputy, not another unit's leader
    ResponseEntity<String> byDeputy = call(DEPUTY, HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of());
    assertThat(byDeputy.getStatusCode().value()).isEqualTo(403);
    assertThat(byDeputy.getBody()).contains("Chỉ lãnh đạo đã ủy quyền");
    assertThat(call("so-tc-ld", HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of()).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(call("so-gddt-cv", HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of()).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(task(ownTask).getAssignee()).as("nothing moved by a refused call").isEqualTo(DEPUTY);
    // nor around the API, through either engine surface: the absence's end timer is the engine's to run
    String endTimer = management.createJobQuery().processInstanceId(absenceProcess(id).getId()).timers()
        .singleResult().getId();
    for (String user : List.of(LEADER, "so-tc-ld")) {
      for (Surface surface : List.of(Surface.rest(port, user), Surface.webapp(port, user))) {
        Surface.Reply due = surface.put("/job/" + endTimer + "/duedate",
            Map.of("duedate", "2020-01-01T00:00:00.000+0700"));
        Surface.Reply run = surface.post("/job/" + endTimer + "/execute", Map.of());
        for (Surface.Reply reply : List.of(due, run)) {
          assertThat(reply.status()).as(user + ": " + reply.body()).isEqualTo(403);
          assertThat(reply.json().path("message").asText()).startsWith("Không được");
        }
      }
    }
    assertThat(management.createJobQuery().jobId(endTimer).singleResult().getDuedate())
        .as("the absence's planned end, untouched").isAfter(ClockUtil.getCurrentTime());
    assertThat(task(ownTask).getAssignee()).isEqualTo(DEPUTY);

    ResponseEntity<String> ended = call(LEADER, HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of());
    assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
    JsonNode view = JSON.readTree(ended.getBody());
    assertThat(view.get("state").asText()).isEqualTo("ended");
    assertThat(view.get("stateLabel").asText()).isEqualTo("Đã kết thúc");
    assertThat(view.get("to").asText()).as("the last day is today, not the planned one").isEqualTo(today);

    assertThat(task(ownTask).getAssignee()).as("back with the leader").isEqualTo(LEADER);
    assertThat(task(groupTask).getAssignee()).as("back in the leaders' queue").isNull();
    assertThat(tasks.createTaskQuery().taskAssignee(DEPUTY).count()).as("nothing left with the deputy").isZero();
    assertThat(tasks.getVariablesLocal(task(groupTask).getId())).doesNotContainKey(DelegationRule.ON_BEHALF_OF);
    assertThat(stepsOfTheAbsence(id)).as("the absence's process ended along its own path, now")
        .containsExactly("Start_AbsenceRecorded", "Timer_AbsenceStarts", "Task_HandOverToDeputy",
            "Timer_AbsenceEnds", "Task_GiveBack", "End_DelegationEnded");
    ResponseEntity<String> late = submit(DEPUTY, ownTask, "approve");
    assertThat(late.getStatusCode().value()).as("the deputy signs nothing more").isEqualTo(403);
    ProcessInstance arriving = approvalAtSignature("UQ-TEST-7");
    assertThat(task(arriving).getAssignee()).as("new work no longer goes to the deputy").isNull();

    ResponseEntity<String> again = call(LEADER, HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of());
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(again.getBody()).contains("đã kết thúc");
    assertThat(call(LEADER, HttpMethod.POST, "/api/delegations/khong-co/end", Map.of()).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void anAbsenceNotYetBegunIsCancelledByAnAdministratorAndItsProcessIsGone() throws Exception {
    JsonNode absence = JSON.readTree(call(LEADER, HttpMethod.POST, "/api/delegations",
        body(null, DEPUTY, VN.format(today().plusDays(3)), VN.format(today().plusDays(5)), null)).getBody());
    String id = absence.get("id").asText();
    assertThat(absence.get("state").asText()).isEqualTo("planned");

    ResponseEntity<String> ended = call("demo", HttpMethod.POST, "/api/delegations/" + id + "/end", Map.of());
    assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
    assertThat(JSON.readTree(ended.getBody()).get("state").asText()).isEqualTo("ended");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY)
        .variableValueEquals(DelegationSteps.ABSENCE_ID, id).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY)
        .variableValueEquals(DelegationSteps.ABSENCE_ID, id).singleResult().getDeleteReason())
        .isEqualTo("Lãnh đạo hủy ủy quyền trước thời gian vắng mặt");
    ProcessInstance arriving = approvalAtSignature("UQ-TEST-8");
    assertThat(task(arriving).getAssignee()).isNull();
  }

  /** The activities the absence's process went through, in order; it must have ended. */
  private List<String> stepsOfTheAbsence(String absenceId) {
    String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("absenceDelegation")
        .variableValueEquals(DelegationSteps.ABSENCE_ID, absenceId).completed().singleResult().getId();
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
  }

  private ProcessInstance approvalAtSignature(String key) {
    ProcessInstance instance = runtime.startProcessInstanceByKey("ubndApproval", key + "-" + UUID.randomUUID(),
        Map.of("deliverableCode", "9.8", "deliverableTitle", "Thí điểm ủy quyền ký thay", "leadUnit", "so-gddt",
            "draftReference", "Tờ trình số 98/TTr-SGDĐT"));
    instances.add(instance.getId());
    return instance;
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private String historicTask(ProcessInstance instance) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_SignSubmission")
        .singleResult().getId();
  }

  private ProcessInstance absenceProcess(String absenceId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY)
        .variableValueEquals(DelegationSteps.ABSENCE_ID, absenceId).singleResult();
  }

  private void runTimer(String absenceId) {
    ProcessInstance process = absenceProcess(absenceId);
    Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    }
    management.executeJob(timer.getId());
  }

  private ResponseEntity<String> submit(String user, ProcessInstance instance, String decision) {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + task(instance).getId() + "/submit-form",
        Map.of("variables", Map.of("signOffDecision", Map.of("value", decision))));
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, DEPUTY.equals(user) ? "mat-khau-du-dai-12" : user);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, Object> body(String leader, String deputy, String from, String to, List<String> scope) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leader", leader);
    body.put("deputy", deputy);
    body.put("from", from);
    body.put("to", to);
    body.put("scope", scope);
    body.put("reason", "Đi công tác tại Thành phố Hồ Chí Minh");
    return body;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
