package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.approve;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.consult;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.issue;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.start;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;
import vn.hanoi.gdnn.system.ModelMigrations;

/**
 * The release that pins procedure versions: deliverables started on lifecycle 1.0.0 (the model as it was
 * released, kept under src/test/resources/versions/) are moved to 1.1.0 by the prepared migration and finish
 * there, wherever they were waiting — before their period, at a user task, inside a called procedure.
 */
class LifecycleMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private ProcessEngine engine;
  private final List<String> deployments = new ArrayList<>();

  @BeforeAll
  static void beans() {
    LifecycleTestSupport.registerBeans();
  }

  @BeforeEach
  void previousRelease() {
    engine = extension.getProcessEngine();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    deployments.add(LifecycleTestSupport.deployProcedureStandIns(engine));
    // the released lifecycles call the procedures of their release until they are migrated
    deployments.add(LifecycleTestSupport.deployReleasedStandIns(engine, LifecycleTestSupport.RELEASE_1_1_0));
    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.0.0")
        .addClasspathResource("versions/lifecycle-ubnd-decision-1.0.0.bpmn").deploy().getId());
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void deliverablesOfThePreviousModelAreMigratedAndDrivenToTheirEnd() {
    ProcessInstance waiting = start(engine, "lifecycleUbndDecision", "7.2-a", "so-gddt");
    ProcessInstance drafting = start(engine, "lifecycleUbndDecision", "7.2-b", "so-gddt");
    fireTimer(engine, "7.2-b", "Event_WaitForPeriod");
    ProcessInstance consulting = start(engine, "lifecycleUbndDecision", "7.2-c", "so-gddt");
    fireTimer(engine, "7.2-c", "Event_WaitForPeriod");
    complete(engine, "7.2-c", "Task_Draft", "draftReference", "Dự thảo số 01", "draftSummary", "Nội dung chính.");
    assertThat(consulting).isWaitingAt("Call_Consultation");
    String previous = definitionOf(consulting).getId();
    assertThat(definitionOf(consulting).getVersionTag()).isEqualTo("1.0.0");

    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.1.0")
        .addClasspathResource("versions/lifecycle-ubnd-decision-1.1.0.bpmn").deploy().getId());
    ModelMigrations migrations = new ModelMigrations(engine);
    var migration = migrations.prepared("lifecycles-1.1.0").orElseThrow();

    var dryRun = migrations.check(migration);
    assertThat(dryRun.steps()).filteredOn(s -> s.processKey().equals("lifecycleUbndDecision"))
        .singleElement().satisfies(step -> {
          assertThat(step.instances()).isEqualTo(3);
          assertThat(step.problem()).isNull();
        });
    assertThat(definitionOf(waiting).getId()).as("a dry run moves nothing").isEqualTo(previous);

    assertThat(migrations.run(migration).migrated()).isEqualTo(3);

    for (ProcessInstance p : List.of(waiting, drafting, consulting)) {
      assertThat(definitionOf(p).getVersionTag()).isEqualTo("1.1.0");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(previous).count())
        .isZero();

    // the deliverable inside its consultation finishes it (the stand-in stays where it was) and goes on
    consult(engine, "7.2-c");
    approve(engine, "7.2-c");
    issue(engine, "7.2-c");
    // the one at its draft and the one still before its period follow the new model from where they stood
    complete(engine, "7.2-b", "Task_Draft", "draftReference", "Dự thảo số 02", "draftSummary", "Nội dung chính.");
    consult(engine, "7.2-b");
    approve(engine, "7.2-b");
    issue(engine, "7.2-b");
    fireTimer(engine, "7.2-a", "Event_WaitForPeriod");
    complete(engine, "7.2-a", "Task_Draft", "draftReference", "Dự thảo số 03", "draftSummary", "Nội dung chính.");
    assertThat(waiting).as("1.1.0 calls the procedure behind an asynchronous continuation")
        .isWaitingAt("Call_Consultation");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(waiting.getId())
        .activityId("Call_Consultation").count()).isEqualTo(1);
    consult(engine, "7.2-a");
    approve(engine, "7.2-a");
    issue(engine, "7.2-a");

    for (ProcessInstance p : List.of(waiting, drafting, consulting)) {
      assertThat(p).isEnded().hasPassed("Call_Issuance", "Event_Done");
    }
  }

  /**
   * 1.2.0 hands the procedures their inputs through the procedures' contracts instead of copied mappings: a
   * deliverable waiting inside its consultation when it is migrated gets the consultation's replies back, and
   * the approval it calls next receives every input of the contract.
   */
  @Test
  void deliverablesOfReleaseOneOneAreMigratedToTheSharedContracts() {
    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.1.0")
        .addClasspathResource("versions/lifecycle-ubnd-decision-1.1.0.bpmn").deploy().getId());
    ProcessInstance drafting = start(engine, "lifecycleUbndDecision", "7.2-e", "so-gddt");
    fireTimer(engine, "7.2-e", "Event_WaitForPeriod");
    ProcessInstance consulting = start(engine, "lifecycleUbndDecision", "7.2-f", "so-gddt");
    fireTimer(engine, "7.2-f", "Event_WaitForPeriod");
    complete(engine, "7.2-f", "Task_Draft", "draftReference", "Dự thảo số 04", "draftSummary", "Nội dung chính.");
    consultationStandInOf("7.2-f"); // runs the call: the 1.1.0 stand-in is open
    assertThat(definitionOf(consulting).getVersionTag()).isEqualTo("1.1.0");

    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.2.0")
        .addClasspathResource("processes/lifecycle-ubnd-decision.bpmn").deploy().getId());
    ModelMigrations migrations = new ModelMigrations(engine);
    assertThat(migrations.run(migrations.prepared("lifecycles-1.2.0").orElseThrow()).migrated()).isEqualTo(2);
    assertThat(definitionOf(consulting).getVersionTag()).isEqualTo("1.2.0");

    LifecycleTestSupport.procedure(engine, "7.2-f", "consultation", "consultationReplies", "[{\"unit\":\"so-tc\"}]",
        "draftReference", "Dự thảo số 04 (sau lấy ý kiến)");
    assertThat(engine.getRuntimeService().getVariable(consulting.getId(), "draftReference"))
        .as("the consultation's output reaches the migrated deliverable").isEqualTo("Dự thảo số 04 (sau lấy ý kiến)");
    LifecycleTestSupport.runAsyncContinuations(engine, "7.2-f");
    var approval = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("7.2-f")
        .processDefinitionKey("ubndApproval").singleResult();
    assertThat(engine.getRuntimeService().getVariables(approval.getId()))
        .containsEntry("approverGroup", "ubnd-pct-vhxh").containsEntry("deliverableCode", "7.2-f")
        .containsEntry("draftReference", "Dự thảo số 04 (sau lấy ý kiến)").containsEntry("signDays", 3)
        .containsEntry("officeCheckDays", 2).containsEntry("leaderDecisionDays", 3).containsEntry("revisionDays", 5);
    approve(engine, "7.2-f");
    issue(engine, "7.2-f");
    complete(engine, "7.2-e", "Task_Draft", "draftReference", "Dự thảo số 05", "draftSummary", "Nội dung chính.");
    consult(engine, "7.2-e");
    approve(engine, "7.2-e");
    issue(engine, "7.2-e");
    for (ProcessInstance p : List.of(drafting, consulting)) {
      assertThat(p).isEnded().hasPassed("Call_Issuance", "Event_Done");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(p.getId())
          .variableName("documentNumber").singleResult().getValue()).isEqualTo("123/QĐ-UBND");
    }
  }

  /**
   * From 1.2.0 Sở Tài chính's opinion is drafted by staff and signed by its leader with a number: a 3.1 whose
   * opinion was being drafted on 1.1.0 keeps its task (same id) and, once drafted, waits for the leader's
   * signature before anything else.
   */
  @Test
  void aJointVentureWaitingForFinanceOnReleaseOneOneGoesToTheLeadersSignatureAfterMigration() {
    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.1.0")
        .addClasspathResource("versions/lifecycle-joint-venture-1.1.0.bpmn").deploy().getId());
    ProcessInstance p = start(engine, "lifecycleJointVenture", "3.1-m", "cd-cnc-hn");
    complete(engine, "3.1-m", "Task_DraftScheme", "draftReference", "Đề án liên kết đào tạo số 1");
    assertThat(p).isWaitingAt("Task_FinanceOpinion");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult().getId();

    deployments.add(engine.getRepositoryService().createDeployment().name("release 1.2.0")
        .addClasspathResource("processes/lifecycle-joint-venture.bpmn").deploy().getId());
    ModelMigrations migrations = new ModelMigrations(engine);
    var migration = migrations.prepared("lifecycles-1.2.0").orElseThrow();
    assertThat(migrations.check(migration).steps()).filteredOn(s -> s.processKey().equals("lifecycleJointVenture"))
        .singleElement().satisfies(step -> {
          assertThat(step.instances()).isEqualTo(1);
          assertThat(step.problem()).isNull();
        });
    assertThat(migrations.run(migration).migrated()).isEqualTo(1);
    assertThat(definitionOf(p).getVersionTag()).isEqualTo("1.2.0");
    assertThat(p).isWaitingAt("Task_FinanceOpinion");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult().getId())
        .as("the staff member keeps the task they were drafting").isEqualTo(taskId);

    complete(engine, "3.1-m", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất với Đề án.");
    assertThat(p).isWaitingAt("Task_SignFinanceOpinion");
    complete(engine, "3.1-m", "Task_SignFinanceOpinion", "viewSignOff", "approve", "viewNumber", "1201/STC-QLCS");
    assertThat(p).isWaitingAt("Task_StandingCommittee");
  }

  private void consultationStandInOf(String businessKey) {
    LifecycleTestSupport.runAsyncContinuations(engine, businessKey);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey("consultation").count()).isEqualTo(1);
  }

  @Test
  void withoutTheNewModelDeployedTheMigrationSaysSoAndMovesNothing() {
    ProcessInstance waiting = start(engine, "lifecycleUbndDecision", "7.2-d", "so-gddt");
    ModelMigrations migrations = new ModelMigrations(engine);

    var outcome = migrations.run(migrations.prepared("lifecycles-1.1.0").orElseThrow());

    assertThat(outcome.migrated()).isZero();
    assertThat(outcome.steps()).filteredOn(s -> s.processKey().equals("lifecycleUbndDecision")).singleElement()
        .satisfies(step -> assertThat(step.problem()).contains("1.1.0"));
    assertThat(definitionOf(waiting).getVersionTag()).isEqualTo("1.0.0");
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(id);
  }
}
