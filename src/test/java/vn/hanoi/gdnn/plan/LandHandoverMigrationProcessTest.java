package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.approve;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.issue;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The land-recovery release: land allocations started on lifecycle 1.1.0 (kept under src/test/resources/versions/)
 * move to 1.2.0 by the prepared migration; a recovery already under way finishes on landRecovery 1.0.0, and a
 * recovery started after the move follows 1.1.0 (the commune chairman's notice, inventory during the notice).
 */
class LandHandoverMigrationProcessTest {

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
    deployments.add(engine.getRepositoryService().createDeployment().name("release with landRecovery 1.0.0")
        .addClasspathResource("versions/land-recovery-1.0.0.bpmn")
        .addClasspathResource("versions/lifecycle-land-handover-1.1.0.bpmn").deploy().getId());
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  /** Started as the launcher of the previous release did: the land periods were the lifecycle's own. */
  private ProcessInstance startPrevious(String businessKey) {
    Map<String, Object> v = LifecycleTestSupport.variables(businessKey, "so-nnmt", List.of("so-gddt"),
        LocalDate.of(2027, 12, 31), LocalDate.of(2025, 4, 25));
    v.put("landNoticeAgriculturalDays", 90);
    v.put("landNoticeOtherDays", 180);
    v.put("persuasionDays", 15);
    return engine.getRuntimeService().startProcessInstanceByKey("lifecycleLandHandover", businessKey, v);
  }

  private ProcessDefinition definitionOf(String processInstanceId) {
    String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(id);
  }

  @Test
  void allocationsMoveToTheNewModelAndARecoveryUnderWayFinishesOnItsOwnVersion() {
    ProcessInstance recovering = startPrevious("5.3-a");
    complete(engine, "5.3-a", "Task_SurveySite", "workSummary", "Khu đất nông nghiệp phải thu hồi.",
        "landRecoveryNeeded", true, "landType", "agricultural", "landCommune", "xa-soc-son");
    complete(engine, "5.3-a", "Task_NotifyRecovery", "workSummary", "Đã gửi thông báo thu hồi đất đến từng hộ.");
    fireTimer(engine, "5.3-a", "Event_NoticePeriodOver");
    String oldRecovery = task(engine, "5.3-a", "Task_Inventory").getProcessInstanceId();
    ProcessInstance surveying = startPrevious("5.3-b");

    deployments.add(engine.getRepositoryService().createDeployment().name("release with landRecovery 1.1.0")
        .addClasspathResource("processes/land-recovery.bpmn")
        .addClasspathResource("processes/lifecycle-land-handover.bpmn").deploy().getId());
    ModelMigrations migrations = new ModelMigrations(engine);
    var migration = migrations.prepared("lifecycles-1.2.0").orElseThrow();
    assertThat(migrations.check(migration).steps()).singleElement().satisfies(step -> {
      assertThat(step.instances()).isEqualTo(2);
      assertThat(step.problem()).isNull();
    });
    assertThat(migrations.run(migration).migrated()).isEqualTo(2);
    assertThat(definitionOf(recovering.getId()).getVersionTag()).isEqualTo("1.2.0");
    assertThat(definitionOf(surveying.getId()).getVersionTag()).isEqualTo("1.2.0");
    assertThat(definitionOf(oldRecovery).getVersionTag()).as("the recovery under way stays").isEqualTo("1.0.0");

    complete(engine, "5.3-a", "Task_Inventory", "workSummary", "Kiểm đếm xong 14 thửa đất.", "inventoryAgreed", true);
    complete(engine, "5.3-a", "Task_CompensationPlan", "workSummary", "Phương án bồi thường đã được phê duyệt.");
    complete(engine, "5.3-a", "Task_RecoveryDecision", "recoveryDecisionNumber", "45/QĐ-UBND",
        "workSummary", "Thu hồi 2,5 ha đất nông nghiệp.");
    complete(engine, "5.3-a", "Task_PrepareDossier", "draftReference", "Hồ sơ giao đất số 5");
    approve(engine, "5.3-a");
    issue(engine, "5.3-a");
    complete(engine, "5.3-a", "Task_HandOver", "handoverRecordNumber", "BB-01/2027",
        "workSummary", "Bàn giao 2,5 ha theo mốc giới đã cắm.");
    assertThat(recovering).isEnded().hasPassed("Call_LandRecovery", "Event_Done");
    assertThat(recovering).variables().containsEntry("recoveryDecisionNumber", "45/QĐ-UBND");

    complete(engine, "5.3-b", "Task_SurveySite", "workSummary", "Khu đất nông nghiệp phải thu hồi.",
        "landRecoveryNeeded", true, "landType", "agricultural", "landCommune", "xa-soc-son");
    String newRecovery = task(engine, "5.3-b", "Task_NotifyRecovery").getProcessInstanceId();
    assertThat(definitionOf(newRecovery).getVersionTag()).isEqualTo("1.1.0");
    assertThat(task(engine, "5.3-b", "Task_NotifyRecovery")).hasCandidateGroup("xa-soc-son-lanh-dao");
  }
}
