package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;
import vn.hanoi.gdnn.system.ModelMigrations;

/**
 * The law-making release of the procedures (issue 16) moves instances running on the released models (kept under
 * src/test/resources/versions/) with the prepared migrations, and a migrated instance — which never ran the new
 * start listeners — finishes on the new model without the new switches: no collective vote, no posting, no
 * gazette, Ban Văn hóa – Xã hội reviewing.
 */
class ProcedureMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private final List<String> deployments = new ArrayList<>();
  private ProcessEngine engine;

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  private void deploy(String... resources) {
    var deployment = engine.getRepositoryService().createDeployment();
    for (String resource : resources) {
      deployment.addClasspathResource(resource);
    }
    deployments.add(deployment.deploy().getId());
  }

  private ProcessInstance startReleased(String key, String resource, Map<String, Object> variables) {
    engine = extension.getProcessEngine();
    deploy(resource);
    return engine.getRuntimeService().startProcessInstanceByKey(key, "MIG-" + key, variables);
  }

  private void migrate(String id, String current) {
    deploy(current);
    ModelMigrations migrations = new ModelMigrations(engine);
    var outcome = migrations.run(migrations.prepared(id).orElseThrow());
    assertThat(outcome.steps()).allSatisfy(step -> assertThat(step.problem()).isNull());
    assertThat(outcome.migrated()).isPositive();
  }

  private String tagOf(ProcessInstance instance) {
    return engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId()).getVersionTag();
  }

  private static Map<String, Object> common(String code) {
    return Map.of("deliverableCode", code, "deliverableTitle", "Nhiệm vụ " + code, "leadUnit", "so-gddt",
        "draftReference", "Dự thảo lần 1");
  }

  @Test
  void anApprovalWaitingForTheOfficeGoesToTheLeaderAfterMigration() {
    ProcessInstance p = startReleased("ubndApproval", "versions/ubnd-approval-1.0.0.bpmn", common("7.2"));
    complete(task(p), withVariables("signOffDecision", "approve"));
    assertThat(p).isWaitingAt("Task_CheckSubmission");

    migrate("ubnd-approval-1.1.0", "processes/ubnd-approval.bpmn");
    assertThat(tagOf(p)).isEqualTo("1.1.0");
    complete(task(p), withVariables("officeCheckResult", "accept"));
    assertThat(p).isWaitingAt("Task_DecideSubmission");
    complete(task(p), withVariables("approvalDecision", "approve"));
    assertThat(p).isEnded().hasPassed("Event_SubmissionApproved").hasNotPassed("Task_RecordCollectiveDecision");
  }

  @Test
  void aConsultationMigratedBeforeItsUnitsWereConfirmedRunsWithoutAPostingAndWithSignedReplies() {
    ProcessInstance p = startReleased("consultation", "versions/consultation-1.1.0.bpmn", Map.of(
        "deliverableCode", "7.2", "deliverableTitle", "Nhiệm vụ 7.2", "leadUnit", "so-gddt",
        "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    assertThat(p).isWaitingAt("Task_ConfirmConsultedUnits");

    migrate("procedures-1.2.0", "processes/consultation.bpmn");
    complete(task(p), withVariables("draftReference", "Dự thảo lần 1"));
    complete(task(p), withVariables("opinion", "agree"));
    assertThat(p).isWaitingAt("Task_SignOpinion");
    complete(task(p), withVariables("signOffDecision", "approve", "replyNumber", "12/STC-VP"));
    Job summary = engine.getManagementService().createJobQuery().processInstanceId(p.getId())
        .activityId("Task_SummariseReplies").singleResult();
    engine.getManagementService().executeJob(summary.getId());
    complete(task(p));
    assertThat(p).isEnded().hasNotPassed("Task_PostDraft");
  }

  @Test
  void anIssuanceAndAResolutionMigratedAtTheirFirstStepFinishWithTheOldRouting() {
    ProcessInstance issuance = startReleased("issuance", "versions/issuance-1.1.0.bpmn", common("7.2"));
    deploy("versions/hdnd-resolution-1.1.0.bpmn");
    ProcessInstance resolution = engine.getRuntimeService().startProcessInstanceByKey("hdndResolution", "MIG-hdnd",
        common("4.2"));

    deploy("processes/issuance.bpmn");
    migrate("procedures-1.2.0", "processes/hdnd-resolution.bpmn");
    assertThat(tagOf(issuance)).isEqualTo("1.2.0");
    complete(task(issuance), withVariables("documentNumber", "5721/QĐ-UBND", "issuedOn", "01/12/2025",
        "signer", "Phó Chủ tịch UBND Thành phố", "documentLink", "vbpl/5721.pdf"));
    assertThat(issuance).isEnded().hasNotPassed("Task_PublishInGazette");

    complete(task(resolution), withVariables("hdndSubmissionNumber", "45/TTr-UBND", "hdndSubmissionDate", "03/11/2025"));
    assertThat(task(resolution)).hasCandidateGroup("hdnd-ban-vhxh");
  }
}
