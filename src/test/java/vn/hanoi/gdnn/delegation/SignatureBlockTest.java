package vn.hanoi.gdnn.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * "Ký thay" in the issued document's signature block: the UBND chairman is away, the vice-chairman signs the
 * decision for him; the issuance step then shows and records the block as Decree 30/2020 writes it — computed from
 * the delegation data, not typed — and the audit trail shows it.
 */
@IntegrationTest
class SignatureBlockTest {

  static final String CHAIRMAN = "ubnd-ld";
  static final String VICE = "ubnd-pct";
  static final String EXPECTED = "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Phúc";
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  HistoryService history;
  @Autowired
  DataSource dataSource;
  @Autowired
  SignatureBlocks blocks;

  Deployment deployment;

  @BeforeEach
  void viceChairmanAndADecisionThatIsIssued() {
    User vice = identity.newUser(VICE);
    vice.setFirstName("Nguyễn Văn");
    vice.setLastName("Phúc");
    vice.setEmail(VICE + "@gdnn.example");
    vice.setPassword("mat-khau-du-dai-12");
    identity.saveUser(vice);
    identity.createMembership(VICE, "ubnd-lanh-dao");
    // the UBND leaders decide, then the UBND office records the issued decision (the real procedure "issuance")
    BpmnModelInstance model = Bpmn.createExecutableProcess("testKyThay").name("Thử ký thay")
        .camundaHistoryTimeToLive(1).camundaVersionTag("0.0.1")
        .startEvent()
        .userTask("Task_UbndDecides").name("Lãnh đạo UBND ký quyết định").camundaCandidateGroups("ubnd-lanh-dao")
        .callActivity("Call_Issuance").calledElement("issuance")
        .camundaIn("deliverableCode", "deliverableCode").camundaIn("deliverableTitle", "deliverableTitle")
        .camundaIn("leadUnit", "leadUnit").camundaIn("issuerGroup", "issuerGroup")
        .camundaOut("signatureBlock", "signatureBlock").camundaOut("documentNumber", "documentNumber")
        .endEvent().done();
    deployment = repository.createDeployment().name("test-ky-thay").addModelInstance("test-ky-thay.bpmn", model)
        .deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
    new JdbcTemplate(dataSource).update("DELETE FROM absence_delegation WHERE leader_id = ?", CHAIRMAN);
    repository.deleteDeployment(deployment.getId(), true);
    identity.deleteMembership(VICE, "ubnd-lanh-dao");
    identity.deleteUser(VICE);
  }

  @Test
  void theViceChairmanSignsDuringTheAbsenceAndTheIssuedDecisionCarriesTheKyThayBlock() throws Exception {
    String today = VN.format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    ResponseEntity<String> recorded = call(CHAIRMAN, HttpMethod.POST, "/api/delegations",
        Map.of("deputy", VICE, "from", today, "to", today, "scope", List.of("all")));
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    runStartTimer(JSON.readTree(recorded.getBody()).get("id").asText());

    ProcessInstance root = runtime.startProcessInstanceByKey("testKyThay", "KY-THAY-1", Map.of(
        "deliverableCode", "9.9", "deliverableTitle", "Quyết định thử ký thay", "leadUnit", "so-gddt",
        "issuerGroup", "vp-ubnd"));
    Task decision = tasks.createTaskQuery().processInstanceId(root.getId()).singleResult();
    assertThat(decision.getAssignee()).as("the UBND leaders' sign-off goes to the deputy").isEqualTo(VICE);
    ResponseEntity<String> signed = call(VICE, HttpMethod.POST, "/engine-rest/task/" + decision.getId()
        + "/complete", Map.of());
    assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(204);

    // the issuance step, recorded by the UBND office, shows the block before anything is typed (the "Tài liệu" tab
    // reads this answer)
    ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(root.getId()).singleResult();
    Task issuance = tasks.createTaskQuery().processInstanceId(called.getId()).singleResult();
    JsonNode step = JSON.readTree(call("vp-ubnd-cv", HttpMethod.GET, "/api/tasks/" + issuance.getId()
        + "/documents", null).getBody());
    assertThat(step.path("required").path("signed").asBoolean()).isTrue();
    assertThat(step.path("required").path("signatureBlock").asText()).isEqualTo(EXPECTED);

    // recorded with the issued decision (by the application here: the signed PDF is DocumentApiTest's subject);
    // whatever is typed as signer, the block is the delegation's
    tasks.complete(issuance.getId(), Map.of("documentNumber", "5722/QĐ-UBND", "issuedOn", today,
        "signer", "Chủ tịch UBND Thành phố", "documentLink", "https://vanban.hanoi.gov.vn/5722"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root.getId())
        .variableName("signatureBlock").singleResult().getValue()).isEqualTo(EXPECTED);

    JsonNode trail = JSON.readTree(call("qlkh", HttpMethod.GET, "/api/audit/process-instances/" + root.getId(),
        null).getBody());
    assertThat(trail.get("decisions").findValuesAsText("value")).contains(EXPECTED);
    assertThat(trail.get("tasks").get(0).get("signedOnBehalfOf").asText()).isEqualTo(CHAIRMAN);
  }

  @Test
  void theBlockFollowsTheKindOfBodyAndADepartmentsKyThayIsNotTheUbnds() {
    assertThat(blocks.block("so-gddt", VICE, "so-gddt-ld").text())
        .isEqualTo("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn Phúc");
    assertThat(blocks.block("hdnd", VICE, "hdnd-ld").lines())
        .containsExactly("TM. HỘI ĐỒNG NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phúc");
    ProcessInstance root = runtime.startProcessInstanceByKey("testKyThay", "KY-THAY-2", Map.of(
        "deliverableCode", "9.9", "deliverableTitle", "Quyết định không ký thay", "leadUnit", "so-gddt",
        "issuerGroup", "vp-ubnd"));
    Task decision = tasks.createTaskQuery().processInstanceId(root.getId()).singleResult();
    assertThat(decision.getAssignee()).as("no absence: the leaders' queue").isNull();
    tasks.complete(decision.getId());
    assertThat(blocks.find(root.getId(), "ubnd")).as("no ký thay, no computed block").isEmpty();
    runtime.deleteProcessInstance(root.getId(), "test ended");
  }

  private void runStartTimer(String absenceId) {
    ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY)
        .variableValueEquals(DelegationSteps.ABSENCE_ID, absenceId).singleResult();
    Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    }
    management.executeJob(timer.getId());
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, VICE.equals(user) ? "mat-khau-du-dai-12" : user);
    return rest.exchange(path, method, new HttpEntity<>(body == null ? null : new LinkedHashMap<>((Map<?, ?>) body),
        headers), String.class);
  }
}
