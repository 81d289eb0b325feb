package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.security.Surface.Reply;

/**
 * Attacks on the chain of decisions by a person who holds one task, through the REST API (HTTP Basic) and through
 * the webapps' own API (Tasklist session with its XSRF token). Each attack is refused — 400 naming the field for
 * a submission that is not the task's form, 403 for a path the process does not model — and the process, its
 * variables, its grants and its history are exactly as before. Each test ends with the legitimate path still
 * working, so a refusal is not merely a broken endpoint.
 */
@IntegrationTest
class ApprovalIntegrityAttackTest {

  private static final String LEADER = "so-gddt-ld";
  private static final String STAFF = "so-gddt-cv";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final List<String> started = new java.util.ArrayList<>();

  @AfterEach
  void cleanUp() {
    for (String id : started) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test");
      }
    }
  }

  private Surface as(String surface, String user) {
    return surface.equals("rest") ? Surface.rest(port, user) : Surface.webapp(port, user);
  }

  /** The UBND approval procedure waiting at "Ký tờ trình" for Sở GD&ĐT's leaders. */
  private ProcessInstance approvalAtSignature() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("ubndApproval", "ATTACK-2.1",
        Map.of("deliverableCode", "2.1", "deliverableTitle", "Kế hoạch đào tạo nghề cho lao động nông thôn",
            "leadUnit", "so-gddt", "draftReference", "Tờ trình số 12/TTr-SGDĐT"));
    started.add(instance.getId());
    return instance;
  }

  private Task openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Everything an attack could have changed: where the process is, its data, who may work it, its history. */
  private record Snapshot(List<String> activities, Map<String, Object> variables, String assignee,
      List<String> candidates, long taskGrants, long historyDetails, long historicActivities, long operations) {
  }

  private Snapshot snapshot(ProcessInstance instance) {
    String id = instance.getId();
    Task task = openTask(instance);
    return new Snapshot(
        engine.getRuntimeService().getActiveActivityIds(id),
        new TreeMap<>(engine.getRuntimeService().getVariables(id)),
        task == null ? null : task.getAssignee(),
        task == null ? List.of() : engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .map(l -> l.getType() + ":" + (l.getGroupId() == null ? l.getUserId() : l.getGroupId())).sorted().toList(),
        task == null ? 0 : engine.getAuthorizationService().createAuthorizationQuery()
            .resourceType(Resources.TASK).resourceId(task.getId()).count(),
        engine.getHistoryService().createHistoricDetailQuery().processInstanceId(id).count(),
        engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).count(),
        engine.getHistoryService().createUserOperationLogQuery().processInstanceId(id).count());
  }

  /**
   * An attack's starting point: the approval waiting at "Ký tờ trình", Sở GD&ĐT's leader signed in on the surface,
   * and everything the attack could change, taken before it.
   */
  private record Scene(ProcessInstance instance, String task, Surface leader, Snapshot before,
      ApprovalIntegrityAttackTest test) {

    void assertUntouched() {
      assertThat(test.snapshot(instance)).isEqualTo(before);
    }
  }

  private Scene atSignature(String surface) {
    ProcessInstance instance = approvalAtSignature();
    return new Scene(instance, openTask(instance).getId(), as(surface, LEADER), snapshot(instance), this);
  }

  private static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      variables.put((String) namesAndValues[i], value instanceof Map<?, ?> typed ? typed : Map.of("value", value));
    }
    return Map.of("variables", variables);
  }

  private void signLegitimately(Surface leader, ProcessInstance instance) {
    Reply signed = leader.post("/task/" + openTask(instance).getId() + "/submit-form",
        variables("signOffDecision", "approve", "draftReference", "Tờ trình số 12/TTr-SGDĐT"));
    assertThat(signed.status()).as(signed.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
        .containsExactly("Task_CheckSubmission");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void aBpmnErrorOrEscalationFromASignatureTaskIsRefusedAndTheProcedureStaysWhereItWas(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    Reply error = leader.post("/task/" + task + "/bpmnError", Map.of("errorCode", "approved",
        "variables", Map.of("approvalOutcome", Map.of("value", "approved"))));
    Reply escalation = leader.post("/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "approved"));

    assertThat(error.status()).as(error.body()).isEqualTo(403);
    assertThat(error.json().path("message").asText()).contains("Không được báo lỗi nghiệp vụ");
    assertThat(escalation.status()).as(escalation.body()).isEqualTo(403);
    scene.assertUntouched();
    signLegitimately(leader, instance);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void routingIdentityAndTimeVariablesCannotRideAlongWithASubmission(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    for (String smuggled : List.of("approverGroup", "leadUnit", "consultedUnit", "deadline", "signDays",
        "consultationReplies", "decisionMode", "publicPosting", "normativeDocument", "hdndCommittee", "decidedBy",
        "decisionField", "pilotPolicy", "pricesSet", "approvalOutcome")) {
      for (String endpoint : List.of("/complete", "/submit-form")) {
        Reply reply = leader.post("/task/" + task + endpoint,
            variables("signOffDecision", "approve", smuggled, "so-gddt-lanh-dao"));
        assertThat(reply.status()).as(smuggled + endpoint + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.json().path("message").asText()).contains("\"" + smuggled + "\"")
            .contains("không có trong biểu mẫu");
      }
    }
    scene.assertUntouched();
    signLegitimately(leader, instance);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void aSubmissionMustMeetTheFormsOwnRulesAndMayNotRewriteWhatTheFormOnlyShows(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    Reply notAnOption = leader.post("/task/" + task + "/complete", variables("signOffDecision", "approved"));
    Reply wrongType = leader.post("/task/" + task + "/complete", variables("signOffDecision", 1));
    Reply missing = leader.post("/task/" + task + "/complete", variables());
    Reply rewritten = leader.post("/task/" + task + "/submit-form",
        variables("signOffDecision", "approve", "draftReference", "Tờ trình khác"));

    assertThat(notAnOption.status()).isEqualTo(400);
    assertThat(notAnOption.json().path("message").asText()).contains("signOffDecision", "approve", "return");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().path("message").asText()).contains("signOffDecision", "văn bản");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("message").asText()).contains("signOffDecision", "bắt buộc");
    assertThat(rewritten.status()).isEqualTo(400);
    assertThat(rewritten.json().path("message").asText()).contains("draftReference", "chỉ để xem");
    scene.assertUntouched();
    signLegitimately(leader, instance);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void aPersonOfAnotherUnitLearnsNothingOfTheTaskFromARefusedSubmission(String surface) {
    Scene scene = atSignature(surface);
    Surface otherLeader = as(surface, "so-nv-ld");
    String task = scene.task();

    Reply smuggled = otherLeader.post("/task/" + task + "/complete",
        variables("signOffDecision", "approve", "approverGroup", "so-nv-lanh-dao"));
    Reply notAnOption = otherLeader.post("/task/" + task + "/submit-form", variables("signOffDecision", "approved"));

    // the engine's own refusal, not the form check's: neither the task's name nor its fields are told
    for (Reply reply : List.of(smuggled, notAnOption)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.body()).doesNotContain("Ký tờ trình", "signOffDecision", "approverGroup", "biểu mẫu");
    }
    scene.assertUntouched();
    signLegitimately(scene.leader(), scene.instance());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void javaObjectsAreNeverTakenFromAClient(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    Reply reply = leader.post("/task/" + task + "/complete", variables("signOffDecision", Map.of("type", "Object",
        "value", "\"/etc/passwd\"", "valueInfo", Map.of("objectTypeName", "java.io.File",
            "serializationDataFormat", "application/json"))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("signOffDecision", "đối tượng Java");
    scene.assertUntouched();
  }

  @Test
  void evenAnAdministratorsObjectVariableIsNotDeserialisedIntoAnArbitraryClass() {
    ProcessInstance instance = approvalAtSignature();
    Surface admin = Surface.rest(port, "demo");
    String variable = "/process-instance/" + instance.getId() + "/variables/attachment";

    Reply stored = admin.put(variable, Map.of("type", "Object", "value", "\"/etc/passwd\"",
        "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json")));
    Reply read = admin.get(variable + "?deserializeValue=true");

    assertThat(stored.status()).as("an administrator may store serialized data").isEqualTo(204);
    assertThat(read.status()).as(read.body()).isEqualTo(500);
    assertThat(read.body()).contains("java.io.File").doesNotContain("\"value\"");
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(instance.getId(), "attachment"))
        .hasStackTraceContaining("not whitelisted for deserialization: [java.io.File]");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void variablesOfAnOpenTaskOrProcessCannotBeWrittenBesideTheForm(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    Reply one = leader.put("/task/" + task + "/variables/approverGroup", Map.of("value", "so-gddt-lanh-dao"));
    Reply local = leader.put("/task/" + task + "/localVariables/signOffDecision", Map.of("value", "approve"));
    Reply many = leader.post("/task/" + task + "/variables",
        Map.of("modifications", Map.of("deadline", Map.of("value", "01/01/2035"))));
    Reply removed = leader.delete("/task/" + task + "/variables/leadUnit");
    Reply process = leader.put("/process-instance/" + instance.getId() + "/variables/leadUnit",
        Map.of("value", "so-tc"));

    for (Reply reply : List.of(one, local, many, removed)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.json().path("message").asText()).startsWith("Không được");
    }
    assertThat(process.status()).as(process.body()).isEqualTo(403);
    scene.assertUntouched();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void aTaskCannotBeClaimedInAnotherPersonsNameNorReassigned(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface leader = scene.leader();
    String task = scene.task();

    Reply forOther = leader.post("/task/" + task + "/claim", Map.of("userId", "so-tc-cv"));
    Reply assign = leader.post("/task/" + task + "/assignee", Map.of("userId", "so-tc-ld"));
    Reply owner = leader.put("/task/" + task, Map.of("name", "Ký tờ trình", "owner", "so-tc-ld"));
    Reply candidate = leader.post("/task/" + task + "/identity-links", Map.of("groupId", "so-tc", "type",
        "candidate"));
    Reply delegate = leader.post("/task/" + task + "/delegate", Map.of("userId", "so-tc-ld"));
    Reply resolve = leader.post("/task/" + task + "/resolve", variables("signOffDecision", "approve"));
    Reply dueDate = leader.put("/task/" + task, Map.of("name", "Ký tờ trình", "due", "2035-01-01T00:00:00.000+0700"));

    assertThat(forOther.status()).as(forOther.body()).isEqualTo(403);
    assertThat(forOther.json().path("message").asText()).contains("chỉ được tự nhận việc");
    for (Reply reply : List.of(assign, owner, candidate, delegate, resolve, dueDate)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.json().path("message").asText()).startsWith("Không được");
    }
    scene.assertUntouched();

    Reply forSelf = leader.post("/task/" + task + "/claim", Map.of("userId", LEADER));
    assertThat(forSelf.status()).as(forSelf.body()).isEqualTo(204);
    assertThat(openTask(instance).getAssignee()).isEqualTo(LEADER);
    Reply givenBack = leader.post("/task/" + task + "/unclaim", null);
    assertThat(givenBack.status()).as(givenBack.body()).isEqualTo(204);
    assertThat(openTask(instance).getAssignee()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void aLeaderHandsAUnitTaskToTheUnitsOwnStaffAndHistoryRecordsWhoDidIt(String surface) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation", "ATTACK-4.2",
        Map.of("deliverableCode", "4.2", "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
            "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    started.add(instance.getId());
    Task confirm = openTask(instance);
    assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
        .contains("so-gddt");
    Surface leader = as(surface, LEADER);

    Reply toOtherUnit = leader.post("/task/" + confirm.getId() + "/assignee", Map.of("userId", "so-tc-cv"));
    assertThat(toOtherUnit.status()).as(toOtherUnit.body()).isEqualTo(403);
    assertThat(openTask(instance).getAssignee()).isNull();

    Reply toOwnStaff = leader.post("/task/" + confirm.getId() + "/assignee", Map.of("userId", STAFF));
    assertThat(toOwnStaff.status()).as(toOwnStaff.body()).isEqualTo(204);
    assertThat(openTask(instance).getAssignee()).isEqualTo(STAFF);
    UserOperationLogEntry entry = engine.getHistoryService().createUserOperationLogQuery().taskId(confirm.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).singleResult();
    assertThat(entry.getUserId()).isEqualTo(LEADER);
    assertThat(entry.getNewValue()).isEqualTo(STAFF);

    Reply staffPassesItOn = as(surface, STAFF).post("/task/" + confirm.getId() + "/assignee",
        Map.of("userId", "so-gddt-ld"));
    assertThat(staffPassesItOn.status()).as(staffPassesItOn.body()).isEqualTo(403);
    assertThat(openTask(instance).getAssignee()).isEqualTo(STAFF);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rest", "webapp"})
  void theProcessCannotBeMovedStartedOrEndedOutsideItsModel(String surface) {
    Scene scene = atSignature(surface);
    ProcessInstance instance = scene.instance();
    Surface manager = as(surface, "qlkh");
    Surface leader = scene.leader();

    Reply moved = manager.post("/process-instance/" + instance.getId() + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_SubmissionApproved"))));
    Reply deleted = manager.delete("/process-instance/" + instance.getId());
    Reply suspended = manager.put("/process-instance/" + instance.getId() + "/suspended", Map.of("suspended", true));
    Reply message = leader.post("/message", Map.of("messageName", "DeliverableCancelled",
        "processInstanceId", instance.getId()));
    Reply startedByLeader = leader.post("/process-definition/key/ubndApproval/start",
        variables("leadUnit", "so-gddt", "approverGroup", "so-gddt-lanh-dao"));
    // Camunda's own migration API: another model version (one without the signature step, say) is not a path
    // a worker or a manager may take; prepared migrations are for administrators (/api/admin, in the matrix).
    String definition = instance.getProcessDefinitionId();
    Reply migrated = manager.post("/migration/execute", Map.of("migrationPlan", Map.of(
            "sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition, "instructions",
            List.of(Map.of("sourceActivityIds", List.of("Task_SignSubmission"),
                "targetActivityIds", List.of("Task_SignSubmission")))),
        "processInstanceIds", List.of(instance.getId())));

    for (Reply reply : List.of(moved, deleted, suspended, message, startedByLeader, migrated)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.json().path("message").asText()).startsWith("Không được");
    }
    scene.assertUntouched();
  }

  @Test
  void aBpmnErrorThatNothingCatchesIsAnErrorNotASilentEnd() {
    ProcessInstance instance = approvalAtSignature();
    Surface admin = Surface.rest(port, "demo");

    Reply reply = admin.post("/task/" + openTask(instance).getId() + "/bpmnError", Map.of("errorCode", "approved"));

    assertThat(reply.status()).as(reply.body()).isGreaterThanOrEqualTo(400);
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
        .containsExactly("Task_SignSubmission");
  }
}
