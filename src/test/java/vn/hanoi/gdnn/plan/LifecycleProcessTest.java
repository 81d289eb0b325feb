package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.approve;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.consult;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.issue;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.procedure;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.reject;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.start;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.task;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/** Every path of every lifecycle, the shared procedures replaced by stand-ins that return the contract's outputs. */
@Deployment(resources = {"processes/lifecycle-ubnd-decision.bpmn", "processes/lifecycle-hdnd-policy.bpmn",
    "processes/lifecycle-land-review.bpmn", "processes/lifecycle-land-handover.bpmn", "processes/land-recovery.bpmn",
    "processes/lifecycle-school-reorganisation.bpmn", "processes/school-reorganisation-case.bpmn",
    "processes/central-decision.bpmn",
    "processes/lifecycle-central-proposal.bpmn", "processes/lifecycle-joint-venture.bpmn",
    "processes/lifecycle-recurring-activity.bpmn", "processes/lifecycle-autonomy-roadmap.bpmn",
    "processes/lifecycle-investment-project.bpmn", "processes/investment-milestone.bpmn",
    "processes/lifecycle-normative-decision.bpmn"})
class LifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private ProcessEngine engine;
  private String standIns;

  @BeforeAll
  static void beans() {
    LifecycleTestSupport.registerBeans();
  }

  @BeforeEach
  void deployStandIns() {
    engine = extension.getProcessEngine();
    // the Spring tests of the same JVM start engines of their own: assertions must use this one
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    standIns = LifecycleTestSupport.deployProcedureStandIns(engine);
  }

  @AfterEach
  void removeStandIns() {
    engine.getRepositoryService().deleteDeployment(standIns, true);
  }

  private ProcessInstance begin(String key, String code) {
    return start(engine, key, code, "so-gddt");
  }

  private void draft(String code, String taskKey) {
    Task t = task(engine, code, taskKey);
    assertThat(t).hasCandidateGroup("so-gddt");
    assertThat(t.getDueDate()).as("due date of %s", taskKey).isNotNull();
    complete(engine, code, taskKey, "draftReference", "Dự thảo số 01", "draftSummary", "Nội dung chính.");
  }

  private String endOf(ProcessInstance instance) {
    HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    return h.getEndActivityId();
  }

  // ---- UBND decision --------------------------------------------------------------------------------------

  @Test
  void ubndDecisionApprovedIsIssuedAndDone() {
    ProcessInstance p = begin("lifecycleUbndDecision", "7.2");
    assertThat(p).isWaitingAt("Event_WaitForPeriod");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    draft("7.2", "Task_Draft");
    assertThat(p).isWaitingAt("Call_Consultation");
    consult(engine, "7.2");
    approve(engine, "7.2");
    issue(engine, "7.2");
    assertThat(p).isEnded().hasPassed("Call_Issuance", "Event_Done");
    assertThat(p).variables().containsEntry("documentNumber", "123/QĐ-UBND")
        .containsEntry("signedBy", "Phó Chủ tịch UBND Thành phố").containsEntry("signer", "Chủ tịch UBND Thành phố");
  }

  /** The stand-ins receive what the procedures' contracts (ProcedureCalls) define, from the lifecycle's data. */
  @Test
  void eachProcedureReceivesItsContractsInputs() {
    ProcessInstance p = begin("lifecycleUbndDecision", "7.3");
    fireTimer(engine, "7.3", "Event_WaitForPeriod");
    draft("7.3", "Task_Draft");
    LifecycleTestSupport.runAsyncContinuations(engine, "7.3");
    assertThat(calledWith("7.3", "consultation")).containsEntry("deliverableCode", "7.3")
        .containsEntry("deliverableTitle", "Nhiệm vụ thử nghiệm 7.3").containsEntry("leadUnit", "so-gddt")
        .containsEntry("draftReference", "Dự thảo số 01").containsEntry("consultationDays", 5)
        .hasEntrySatisfying("consultedUnits", units -> assertThat(units.toString()).contains("so-tc", "so-nv"));
    consult(engine, "7.3");
    LifecycleTestSupport.runAsyncContinuations(engine, "7.3");
    assertThat(calledWith("7.3", "ubndApproval")).containsEntry("approverGroup", "ubnd-pct-vhxh")
        .containsEntry("signDays", 3).containsEntry("officeCheckDays", 2).containsEntry("leaderDecisionDays", 3);
    approve(engine, "7.3");
    LifecycleTestSupport.runAsyncContinuations(engine, "7.3");
    assertThat(calledWith("7.3", "issuance")).containsEntry("issuerGroup", "vp-ubnd").containsEntry("issuanceDays", 3)
        .containsEntry("deliverableCode", "7.3");
    issue(engine, "7.3");
    assertThat(p).isEnded();
  }

  /** The decider comes from the catalogue's route through processes/ubnd-decider.dmn, never the whole leadership. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"giao-duc,field,ubnd-pct-vhxh", "dat-dai,field,ubnd-pct-dt",
      "tai-chinh,field,ubnd-pct-kt", "noi-vu,field,ubnd-pct-nc", "giao-duc,chair,ubnd-chu-tich",
      "y-te,field,ubnd-chu-tich"})
  void theUbndDecisionGoesToTheLeaderInChargeOfTheField(String field, String decidedBy, String group) {
    Map<String, Object> v = LifecycleTestSupport.variables("8.1", "so-gddt", List.of("so-tc"),
        LocalDate.of(2026, 12, 31), LocalDate.of(2025, 4, 25));
    v.put("decisionField", field);
    v.put("decidedBy", decidedBy);
    engine.getRuntimeService().startProcessInstanceByKey("lifecycleUbndDecision", "8.1", v);
    fireTimer(engine, "8.1", "Event_WaitForPeriod");
    draft("8.1", "Task_Draft");
    consult(engine, "8.1");
    LifecycleTestSupport.runAsyncContinuations(engine, "8.1");
    assertThat(calledWith("8.1", "ubndApproval")).containsEntry("approverGroup", group);
  }

  private Map<String, Object> calledWith(String businessKey, String procedureKey) {
    var called = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(procedureKey).singleResult();
    assertThat(called).as("%s called for %s", procedureKey, businessKey).isNotNull();
    return engine.getRuntimeService().getVariables(called.getId());
  }

  @Test
  void ubndDecisionRejectedEndsRejected() {
    ProcessInstance p = begin("lifecycleUbndDecision", "8.1");
    fireTimer(engine, "8.1", "Event_WaitForPeriod");
    draft("8.1", "Task_Draft");
    consult(engine, "8.1");
    reject(engine, "8.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Call_Issuance");
  }

  @Test
  void aYearThatHasNotBegunWaitsForItsFirstDay() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("lifecycleUbndDecision", "1.1-2027",
        LifecycleTestSupport.variables("1.1", "so-gddt", List.of("so-vhtt"), LocalDate.of(2027, 3, 31),
            LocalDate.of(2027, 1, 1)));
    Date due = engine.getManagementService().createJobQuery().processInstanceId(p.getId())
        .activityId("Event_WaitForPeriod").singleResult().getDuedate();
    assertThat(Dates.format(due)).isEqualTo("01/01/2027");
    assertThat(p).isWaitingAt("Event_WaitForPeriod");
  }

  @Test
  void aCancelledDeliverableEndsThroughItsCancellationEventWithTheReason() {
    ProcessInstance p = begin("lifecycleUbndDecision", "7.2");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    draft("7.2", "Task_Draft");
    assertThat(p).isWaitingAt("Call_Consultation");

    engine.getRuntimeService().createMessageCorrelation(DeliverableProcesses.CANCEL_MESSAGE)
        .processInstanceId(p.getId()).setVariable("cancelReason", "Nhiệm vụ đã được giao cho kế hoạch khác.")
        .correlate();

    assertThat(p).isEnded().hasPassed("Event_CancelRequested", "Event_Cancelled");
    assertThat(endOf(p)).contains("Cancelled");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("7.2").count())
        .as("the consultation it called ended too").isZero();
  }

  @Test
  void theDeadlinePassingIsRecordedAndWorkGoesOn() {
    ProcessInstance p = begin("lifecycleUbndDecision", "7.2");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    Date due = engine.getManagementService().createJobQuery().processInstanceId(p.getId())
        .activityId("Event_DeadlineReached").singleResult().getDuedate();
    assertThat(Dates.format(due)).isEqualTo("31/12/2026");

    fireTimer(engine, "7.2", "Event_DeadlineReached");

    assertThat(p).hasPassed("Task_RecordOverdue", "Event_OverdueRecorded").isWaitingAt("Task_Draft");
    assertThat(p).variables().containsKey("overdueSince");
  }

  @Test
  void aDraftWithoutReferenceIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance p = begin("lifecycleUbndDecision", "7.2");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    String id = task(engine, "7.2", "Task_Draft").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("draftReference", " ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("draftReference");
    assertThat(p).isWaitingAt("Task_Draft");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"lifecycleUbndDecision", "lifecycleHdndPolicy",
      "lifecycleLandReview", "lifecycleLandHandover", "lifecycleSchoolReorganisation", "lifecycleCentralProposal",
      "lifecycleJointVenture", "lifecycleRecurringActivity", "lifecycleAutonomyRoadmap", "lifecycleInvestmentProject",
      "lifecycleNormativeDecision"})
  void everyLifecycleRecordsItsDeadlineAndCanBeCancelledWithAReason(String key) {
    ProcessInstance p = start(engine, key, "X.1", "so-gddt");
    fireTimer(engine, "X.1", "Event_DeadlineReached");
    assertThat(p).hasPassed("Task_RecordOverdue").isNotEnded();

    engine.getRuntimeService().createMessageCorrelation(DeliverableProcesses.CANCEL_MESSAGE)
        .processInstanceId(p.getId()).setVariable("cancelReason", "Nhiệm vụ được điều chỉnh theo kế hoạch mới.")
        .correlate();

    assertThat(p).isEnded().hasPassed("Event_Cancelled");
  }

  // ---- HĐND policy ----------------------------------------------------------------------------------------

  private void signOffDraft(String code) {
    procedure(engine, code, "draftSignOff", "draftReference", "Dự thảo số 01 (đã ký duyệt)", "signOffRounds", 0);
  }

  @Test
  void aPilotPolicyIsAssessedBeforeItsDraftAndTheResolutionGoesThroughTheVoteTheCommitteeAndTheGazette() {
    Map<String, Object> v = LifecycleTestSupport.variables("4.3", "so-gddt", List.of("so-tc"),
        LocalDate.of(2026, 12, 31), LocalDate.of(2025, 4, 25));
    v.put("pilotPolicy", true);
    v.put("hdndCommittee", "hdnd-ban-vhxh");
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("lifecycleHdndPolicy", "4.3", v);
    Task assess = task(engine, "4.3", "Task_AssessPolicyImpact");
    assertThat(assess).hasCandidateGroup("so-gddt");
    assertThatThrownBy(() -> engine.getTaskService().complete(assess.getId(), Map.of("impactSummary", "ngắn")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("impactAssessmentReference");
    complete(engine, "4.3", "Task_AssessPolicyImpact", "impactAssessmentReference", "Báo cáo ĐGTĐ số 01",
        "impactSummary", "Tác động đến 12 trường, ngân sách 40 tỷ đồng mỗi năm.");
    draft("4.3", "Task_Draft");
    signOffDraft("4.3");
    assertThat(calledWithAnyTime("4.3", "consultation")).containsEntry("publicPosting", "yes");
    consult(engine, "4.3");
    procedure(engine, "4.3", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện trình.", "appraisalRounds", 1);
    assertThat(calledWithAnyTime("4.3", "ubndApproval")).containsEntry("decisionMode", "collective");
    approve(engine, "4.3");
    assertThat(calledWithAnyTime("4.3", "hdndResolution")).containsEntry("hdndCommittee", "hdnd-ban-vhxh");
    procedure(engine, "4.3", "hdndResolution", "hdndOutcome", "passed", "resolutionNumber", "20/2026/NQ-HĐND",
        "resolutionDate", "10/12/2026");
    assertThat(calledWithAnyTime("4.3", "issuance")).containsEntry("issuerGroup", "vp-hdnd")
        .containsEntry("normativeDocument", "yes").containsEntry("resolutionDate", "10/12/2026");
    issue(engine, "4.3");
    assertThat(p).isEnded().hasPassed("Task_AssessPolicyImpact", "Call_DraftSignOff", "Event_Done");
  }

  @Test
  void hdndPolicyPassedIsIssuedAndDone() {
    ProcessInstance p = begin("lifecycleHdndPolicy", "4.2");
    draft("4.2", "Task_Draft");
    signOffDraft("4.2");
    assertThat(p).hasNotPassed("Task_AssessPolicyImpact");
    consult(engine, "4.2");
    procedure(engine, "4.2", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện trình.", "appraisalRounds", 1);
    approve(engine, "4.2");
    procedure(engine, "4.2", "hdndResolution", "hdndOutcome", "passed", "resolutionNumber", "15/2025/NQ-HĐND",
        "resolutionDate", "10/12/2025");
    issue(engine, "4.2");
    assertThat(p).isEnded().hasPassed("Call_LegalAppraisal", "Call_HdndResolution", "Event_Done");
    assertThat(p).variables().containsEntry("resolutionNumber", "15/2025/NQ-HĐND");
  }

  @Test
  void hdndPolicyNotPassedEndsRejected() {
    ProcessInstance p = begin("lifecycleHdndPolicy", "4.3");
    draft("4.3", "Task_Draft");
    signOffDraft("4.3");
    consult(engine, "4.3");
    procedure(engine, "4.3", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện trình.", "appraisalRounds", 2);
    approve(engine, "4.3");
    procedure(engine, "4.3", "hdndResolution", "hdndOutcome", "not_passed", "resolutionNumber", null,
        "resolutionDate", null);
    assertThat(p).isEnded().hasPassed("Event_RejectedByHdnd").hasNotPassed("Call_Issuance");
  }

  @Test
  void hdndPolicyRejectedByUbndNeverReachesHdnd() {
    ProcessInstance p = begin("lifecycleHdndPolicy", "2.1");
    draft("2.1", "Task_Draft");
    signOffDraft("2.1");
    consult(engine, "2.1");
    procedure(engine, "2.1", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện trình.", "appraisalRounds", 1);
    reject(engine, "2.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Call_HdndResolution");
  }

  // ---- normative UBND decision -----------------------------------------------------------------------------

  private ProcessInstance beginNormative(String code, boolean prices) {
    Map<String, Object> v = LifecycleTestSupport.variables(code, "so-gddt", List.of("so-tc", "so-tp"),
        LocalDate.of(2026, 6, 30), LocalDate.of(2025, 4, 25));
    v.put("pricesSet", prices);
    return engine.getRuntimeService().startProcessInstanceByKey("lifecycleNormativeDecision", code, v);
  }

  private Map<String, Object> calledWithAnyTime(String businessKey, String procedureKey) {
    LifecycleTestSupport.runAsyncContinuations(engine, businessKey);
    return calledWith(businessKey, procedureKey);
  }

  @Test
  void aNormativeDecisionSettingPricesPassesSởTàiChínhsSignedAppraisalThenTheUbndVotesAndTheLeaderSigns() {
    ProcessInstance p = beginNormative("4.1", true);
    draft("4.1", "Task_Draft");
    assertThat(calledWithAnyTime("4.1", "draftSignOff")).containsEntry("draftReference", "Dự thảo số 01");
    procedure(engine, "4.1", "draftSignOff", "draftReference", "Dự thảo số 01 (đã ký duyệt)", "signOffRounds", 0);
    assertThat(calledWithAnyTime("4.1", "consultation")).containsEntry("publicPosting", "yes")
        .containsEntry("draftReference", "Dự thảo số 01 (đã ký duyệt)");
    consult(engine, "4.1");

    Task price = task(engine, "4.1", "Task_PriceAppraisal");
    assertThat(price).hasCandidateGroup("so-tc");
    assertThatThrownBy(() -> engine.getTaskService().complete(price.getId(), Map.of("priceAppraisalResult", "agree")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("priceAppraisalOpinion");
    complete(engine, "4.1", "Task_PriceAppraisal", "priceAppraisalOpinion", "Phương án giá phù hợp định mức.",
        "priceAppraisalResult", "agree");
    assertThat(task(engine, "4.1", "Task_SignPriceAppraisal")).hasCandidateGroup("so-tc-lanh-dao");
    complete(engine, "4.1", "Task_SignPriceAppraisal", "viewSignOff", "return",
        "viewReturnReasons", "Bổ sung so sánh giá với các tỉnh lân cận.");
    complete(engine, "4.1", "Task_PriceAppraisal", "priceAppraisalOpinion", "Phương án giá phù hợp, đã so sánh.",
        "priceAppraisalResult", "agree");
    complete(engine, "4.1", "Task_SignPriceAppraisal", "viewSignOff", "approve", "viewNumber", "2345/STC-QLG");

    procedure(engine, "4.1", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện.", "appraisalRounds", 1);
    assertThat(calledWithAnyTime("4.1", "ubndApproval")).containsEntry("decisionMode", "collective");
    approve(engine, "4.1");
    Task sign = task(engine, "4.1", "Task_SignDecision");
    assertThat(sign).hasCandidateGroup("ubnd-pct-vhxh");
    complete(engine, "4.1", "Task_SignDecision", "decisionSignedOn", "01/06/2026");
    assertThat(calledWithAnyTime("4.1", "issuance")).containsEntry("normativeDocument", "yes")
        .containsEntry("issuerGroup", "vp-ubnd");
    issue(engine, "4.1");
    assertThat(p).isEnded().hasPassed("Task_PriceAppraisal", "Task_SignDecision", "Event_Done");
    assertThat(p).variables().containsEntry("viewNumber", "2345/STC-QLG");
  }

  @Test
  void aNormativeDecisionWithoutPricesSkipsThePriceAppraisalAndOneTheUbndDoesNotAdoptEndsRejected() {
    ProcessInstance p = beginNormative("8.1", false);
    draft("8.1", "Task_Draft");
    procedure(engine, "8.1", "draftSignOff", "draftReference", "Dự thảo số 01", "signOffRounds", 1);
    consult(engine, "8.1");
    procedure(engine, "8.1", "legalAppraisal", "appraisalOpinion", "Đủ điều kiện.", "appraisalRounds", 1);
    procedure(engine, "8.1", "ubndApproval", "approvalOutcome", "rejected", "approvalRounds", 0,
        "approvalReasons", "6/14 thành viên tán thành — không thông qua.");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Task_PriceAppraisal", "Task_SignDecision");
  }

  // ---- land review ----------------------------------------------------------------------------------------

  @Test
  void landReviewApprovedIsDone() {
    ProcessInstance p = start(engine, "lifecycleLandReview", "5.1", "so-nnmt");
    complete(engine, "5.1", "Task_ReviewLandFund", "draftReference", "Báo cáo rà soát quỹ đất");
    consult(engine, "5.1");
    assertThat(task(engine, "5.1", "Task_UpdateLandPlans")).hasCandidateGroup("so-nnmt");
    complete(engine, "5.1", "Task_UpdateLandPlans", "workSummary", "Đã cập nhật 12 khu đất vào kế hoạch.");
    approve(engine, "5.1");
    issue(engine, "5.1");
    assertThat(p).isEnded().hasPassed("Event_Done");
  }

  @Test
  void landReviewRejectedEndsRejected() {
    ProcessInstance p = start(engine, "lifecycleLandReview", "5.1", "so-nnmt");
    complete(engine, "5.1", "Task_ReviewLandFund", "draftReference", "Báo cáo rà soát quỹ đất");
    consult(engine, "5.1");
    complete(engine, "5.1", "Task_UpdateLandPlans", "workSummary", "Đã cập nhật 12 khu đất vào kế hoạch.");
    reject(engine, "5.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected");
  }

  // ---- land handover --------------------------------------------------------------------------------------

  private void handOverAfterDossier(String code, ProcessInstance p) {
    complete(engine, code, "Task_PrepareDossier", "draftReference", "Hồ sơ giao đất số 5");
    approve(engine, code);
    issue(engine, code);
    complete(engine, code, "Task_HandOver", "handoverRecordNumber", "BB-01/2027",
        "workSummary", "Bàn giao 2,5 ha theo mốc giới đã cắm.");
    assertThat(p).isEnded().hasPassed("Event_Done");
  }

  @Test
  void landWithoutRecoveryGoesStraightToTheDossier() {
    ProcessInstance p = start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    complete(engine, "5.3", "Task_SurveySite", "workSummary", "Khu đất sạch, không phải thu hồi.",
        "landRecoveryNeeded", false);
    assertThat(p).hasNotPassed("Call_LandRecovery");
    handOverAfterDossier("5.3", p);
  }

  /** Drives the commune's land recovery (landRecovery, its own test covers every path) to its normal end. */
  private void recoverLand(String code, String commune) {
    assertThat(task(engine, code, "Task_NotifyRecovery")).hasCandidateGroup(commune + "-lanh-dao");
    complete(engine, code, "Task_NotifyRecovery", "noticeNumber", "12/TB-UBND",
        "workSummary", "Đã gửi thông báo thu hồi đất đến từng hộ.");
    complete(engine, code, "Task_Inventory", "workSummary", "Kiểm đếm xong 14 thửa đất.", "inventoryAgreed", true);
    complete(engine, code, "Task_DraftPlan", "workSummary", "Dự thảo phương án bồi thường.");
    complete(engine, code, "Task_PostPlan", "workSummary", "Niêm yết tại trụ sở UBND xã.");
    fireTimer(engine, code, "Event_PostingOver");
    complete(engine, code, "Task_PlanMeeting", "workSummary", "Các hộ đồng ý với phương án.", "objectionsRemain", false);
    complete(engine, code, "Task_AppraisePlan", "workSummary", "Thẩm định đạt yêu cầu.");
    fireTimer(engine, code, "Event_NoticePeriodOver");
    complete(engine, code, "Task_ApprovePlan", "decisionNumber", "31/QĐ-UBND", "workSummary", "Phê duyệt phương án.");
    complete(engine, code, "Task_RecoveryDecision", "recoveryDecisionNumber", "45/QĐ-UBND",
        "workSummary", "Thu hồi 2,5 ha đất nông nghiệp.");
    complete(engine, code, "Task_Payment", "workSummary", "Đã chi trả cho các hộ.");
    complete(engine, code, "Task_TakeOverLand", "workSummary", "Đã nhận bàn giao toàn bộ khu đất.", "landHandedOver", true);
  }

  @Test
  void landToRecoverIsRecoveredByTheCommuneBeforeTheCityAllocatesIt() {
    ProcessInstance p = start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    complete(engine, "5.3", "Task_SurveySite", "workSummary", "Khu đất nông nghiệp phải thu hồi.",
        "landRecoveryNeeded", true, "landType", "agricultural", "landCommune", "xa-soc-son");
    recoverLand("5.3", "xa-soc-son");
    assertThat(p).hasPassed("Call_LandRecovery").isWaitingAt("Task_PrepareDossier");
    assertThat(p).variables().containsEntry("recoveryDecisionNumber", "45/QĐ-UBND")
        .containsEntry("landNoticeNumber", "12/TB-UBND").containsEntry("compensationPlanApprovalNumber", "31/QĐ-UBND");
    handOverAfterDossier("5.3", p);
  }

  /** What the form of a step shows in Tasklist: the step's own variables as the engine serves them to the form. */
  private Object formValue(String code, String taskKey, String name) {
    return engine.getFormService().getTaskFormVariables(task(engine, code, taskKey).getId()).getValue(name, Object.class);
  }

  @Test
  void eachLandStepOpensWithAnEmptyReportAndKeepsItsOwnReport() {
    start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    complete(engine, "5.3", "Task_SurveySite", "workSummary", "Khu đất nông nghiệp phải thu hồi.",
        "landRecoveryNeeded", true, "landType", "agricultural", "landCommune", "xa-dong-anh");
    complete(engine, "5.3", "Task_NotifyRecovery", "noticeNumber", "12/TB-UBND",
        "workSummary", "Đã gửi thông báo thu hồi đất đến từng hộ.");
    assertThat(formValue("5.3", "Task_Inventory", "workSummary")).as("inventory report box").isNull();
    String recovery = task(engine, "5.3", "Task_Inventory").getProcessInstanceId();
    complete(engine, "5.3", "Task_Inventory", "workSummary", "Kiểm đếm xong 14 thửa đất.", "inventoryAgreed", true);
    assertThat(engine.getRuntimeService().getVariable(recovery, "inventorySummary")).isEqualTo("Kiểm đếm xong 14 thửa đất.");
    assertThat(formValue("5.3", "Task_DraftPlan", "workSummary")).as("compensation plan box").isNull();
    complete(engine, "5.3", "Task_DraftPlan", "workSummary", "Dự thảo phương án bồi thường.");
    assertThat(formValue("5.3", "Task_PostPlan", "workSummary")).as("posting box").isNull();
  }

  @Test
  void aLandSurveyClaimingRecoveryWithoutTheLandTypeIsRefused() {
    start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    String id = task(engine, "5.3", "Task_SurveySite").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("workSummary", "Phải thu hồi một phần đất.",
        "landRecoveryNeeded", true))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("landType");
  }

  @Test
  void aLandSurveyNamingNoCommuneForTheRecoveryIsRefused() {
    start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    String id = task(engine, "5.3", "Task_SurveySite").getId();
    assertThat(engine.getTaskService().getVariable(id, "communeOptions").toString()).contains("xa-soc-son");
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("workSummary", "Phải thu hồi một phần đất.",
        "landRecoveryNeeded", true, "landType", "other", "landCommune", "so-tc")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("landCommune");
  }

  @Test
  void landAllocationRejectedEndsRejected() {
    ProcessInstance p = start(engine, "lifecycleLandHandover", "5.3", "so-nnmt");
    complete(engine, "5.3", "Task_SurveySite", "workSummary", "Khu đất sạch, không phải thu hồi.",
        "landRecoveryNeeded", false);
    complete(engine, "5.3", "Task_PrepareDossier", "draftReference", "Hồ sơ giao đất số 5");
    reject(engine, "5.3");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Task_HandOver");
  }

  // ---- school reorganisation ------------------------------------------------------------------------------

  /** The one open task with this key in the case of {@code school} (the cases of one scheme run side by side). */
  private Task caseTask(String school, String taskKey) {
    LifecycleTestSupport.runAsyncContinuations(engine, "6.1");
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("6.1")
        .taskDefinitionKey(taskKey).processVariableValueEquals("school", school).list();
    assertThat(tasks).as("open %s of %s", taskKey, school).hasSize(1);
    return tasks.get(0);
  }

  private void completeCase(String school, String taskKey, Object... keyValues) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    engine.getTaskService().complete(caseTask(school, taskKey).getId(), vars);
  }

  /** The network review and a scheme naming an intermediate school and a college, approved by the city. */
  private ProcessInstance schemeApproved() {
    ProcessInstance p = begin("lifecycleSchoolReorganisation", "6.1");
    complete(engine, "6.1", "Task_ReviewNetwork", "workSummary", "Rà soát 5 trường cao đẳng, 1 trường trung cấp.");
    complete(engine, "6.1", "Task_DraftScheme", "draftReference", "Đề án sắp xếp mạng lưới số 01",
        "schemeCases", "tc-kt-kt-btl; Sáp nhập vào Trường Cao đẳng nghề Công nghiệp Hà Nội\n"
            + "cd-tmdl-hn; Đổi tên thành Trường Cao đẳng Thương mại, Du lịch và Dịch vụ Hà Nội");
    consult(engine, "6.1");
    approve(engine, "6.1");
    return p;
  }

  private void dossierAppraised(String school, boolean reviseOnce) {
    assertThat(caseTask(school, "Task_CaseDossier")).hasCandidateGroup(school);
    completeCase(school, "Task_CaseDossier", "draftReference", "Hồ sơ của trường " + school);
    completeCase(school, "Task_CheckDossier", "workSummary", "Hồ sơ đủ thành phần theo quy định.");
    assertThat(caseTask(school, "Task_InteriorAppraisal")).hasCandidateGroup("so-nv");
    if (reviseOnce) {
      completeCase(school, "Task_InteriorAppraisal", "interiorOutcome", "revise",
          "interiorAppraisalNumber", "1520/SNV-TCBM", "interiorReasons", "Bổ sung phương án bố trí nhân sự sau sắp xếp.");
      completeCase(school, "Task_ReviseDossier", "revisionNote", "Đã bổ sung phương án nhân sự.");
      completeCase(school, "Task_CaseDossier", "draftReference", "Hồ sơ của trường " + school + " (lần 2)");
      completeCase(school, "Task_CheckDossier", "workSummary", "Hồ sơ bổ sung đầy đủ.");
    }
    completeCase(school, "Task_InteriorAppraisal", "interiorOutcome", "pass", "interiorAppraisalNumber", "1533/SNV-TCBM");
  }

  @Test
  void theCityWideSchemeOpensOneCasePerSchoolTheCityDecidesIntermediateSchoolsAndTheMinistryColleges() {
    ProcessInstance p = schemeApproved();
    assertThat(caseTask("tc-kt-kt-btl", "Task_CaseDossier")).isNotNull();
    assertThat(caseTask("cd-tmdl-hn", "Task_CaseDossier")).isNotNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("schoolReorganisationCase")
        .processInstanceBusinessKey("6.1").count()).as("one case per school the scheme names").isEqualTo(2);

    // the intermediate school: Sở Nội vụ asks for more once, the city decides and issues
    dossierAppraised("tc-kt-kt-btl", true);
    approve(engine, "6.1");
    issue(engine, "6.1");
    completeCase("tc-kt-kt-btl", "Task_Publish", "workSummary", "Đã công bố trên Cổng thông tin điện tử Thành phố.");

    // the college: the city proposes, the Ministry decides
    dossierAppraised("cd-tmdl-hn", false);
    approve(engine, "6.1");
    complete(engine, "6.1", "Task_SubmitToMinistry", "workSummary", "Đã gửi Tờ trình số 210/TTr-UBND.");
    complete(engine, "6.1", "Task_AwaitMinistryResult", "ministryOutcome", "approved",
        "ministryDecisionNumber", "1234/QĐ-BGDĐT", "resultSummary", "Bộ đồng ý đổi tên trường.");
    completeCase("cd-tmdl-hn", "Task_Publish", "workSummary", "Đã công bố trên Cổng thông tin điện tử Thành phố.");

    complete(engine, "6.1", "Task_FinalReport", "workSummary", "Đã sắp xếp 2 trường theo Đề án.");
    assertThat(p).isEnded().hasPassed("Call_SchoolCases", "Event_Done");
    List<HistoricProcessInstance> cases = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("schoolReorganisationCase").processInstanceBusinessKey("6.1").list();
    assertThat(cases).extracting(HistoricProcessInstance::getEndActivityId).containsOnly("Event_CaseDone");
    List<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(cases.stream().filter(c -> "tc-kt-kt-btl".equals(engine.getHistoryService()
            .createHistoricVariableInstanceQuery().processInstanceId(c.getId()).variableName("school").singleResult()
            .getValue())).findFirst().orElseThrow().getId()).list().stream().map(a -> a.getActivityId()).toList();
    assertThat(passed).contains("Call_Issuance", "Task_ReviseDossier").doesNotContain("Call_CentralDecision");
  }

  @Test
  void aCaseTheMinistryOrTheCityRefusesEndsAloneAndTheReviewIsStillReported() {
    ProcessInstance p = schemeApproved();
    dossierAppraised("cd-tmdl-hn", false);
    approve(engine, "6.1");
    complete(engine, "6.1", "Task_SubmitToMinistry", "workSummary", "Đã gửi Tờ trình số 210/TTr-UBND.");
    complete(engine, "6.1", "Task_AwaitMinistryResult", "ministryOutcome", "rejected",
        "resultSummary", "Bộ đề nghị giữ nguyên tên trường.");
    dossierAppraised("tc-kt-kt-btl", false);
    reject(engine, "6.1");
    complete(engine, "6.1", "Task_FinalReport", "workSummary", "Hai trường giữ nguyên theo ý kiến cấp có thẩm quyền.");
    assertThat(p).isEnded().hasPassed("Event_Done");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("schoolReorganisationCase").processInstanceBusinessKey("6.1").list())
        .extracting(HistoricProcessInstance::getEndActivityId)
        .containsExactlyInAnyOrder("Event_RejectedByMinistry", "Event_CaseRejected");
  }

  @Test
  void aSchemeTheCityRejectsOpensNoCase() {
    ProcessInstance p = begin("lifecycleSchoolReorganisation", "6.1");
    complete(engine, "6.1", "Task_ReviewNetwork", "workSummary", "Rà soát 5 trường cao đẳng, 1 trường trung cấp.");
    complete(engine, "6.1", "Task_DraftScheme", "draftReference", "Đề án sắp xếp mạng lưới số 01",
        "schemeCases", "cd-cn-hn; Sáp nhập với Trường Cao đẳng nghề Việt Nam – Hàn Quốc thành phố Hà Nội");
    consult(engine, "6.1");
    reject(engine, "6.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Call_SchoolCases");
  }

  @Test
  void aSchemeNamingWhatIsNoPublicSchoolOfTheCityIsRefusedNamingTheLine() {
    begin("lifecycleSchoolReorganisation", "6.1");
    complete(engine, "6.1", "Task_ReviewNetwork", "workSummary", "Rà soát 5 trường cao đẳng, 1 trường trung cấp.");
    String id = task(engine, "6.1", "Task_DraftScheme").getId();
    for (String bad : List.of("so-tc; Sáp nhập vào Sở", "cd-fpt-polytechnic; Đổi tên trường", "cd-cnc-hn", "",
        "cd-cnc-hn; Đổi tên trường\ncd-cnc-hn; Giải thể")) {
      assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("draftReference", "Đề án số 01",
          "schemeCases", bad))).as(bad).isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("schemeCases");
    }
    assertThat(task(engine, "6.1", "Task_DraftScheme").getId()).isEqualTo(id);
  }

  // ---- central proposal -----------------------------------------------------------------------------------

  @Test
  void aProposalTheMinistryApprovesIsDone() {
    ProcessInstance p = begin("lifecycleCentralProposal", "7.1");
    draft("7.1", "Task_Draft");
    consult(engine, "7.1");
    approve(engine, "7.1");
    complete(engine, "7.1", "Task_SubmitToMinistry", "workSummary", "Đã gửi Tờ trình số 300/TTr-UBND.");
    assertThat(task(engine, "7.1", "Task_AwaitMinistryResult").getDueDate()).isNotNull();
    complete(engine, "7.1", "Task_AwaitMinistryResult", "ministryOutcome", "approved",
        "resultSummary", "Thủ tướng phê duyệt danh sách trường chất lượng cao.");
    assertThat(p).isEnded().hasPassed("Event_Done");
  }

  @Test
  void aProposalTheMinistryRefusesEndsRejected() {
    ProcessInstance p = begin("lifecycleCentralProposal", "7.3");
    draft("7.3", "Task_Draft");
    consult(engine, "7.3");
    approve(engine, "7.3");
    complete(engine, "7.3", "Task_SubmitToMinistry", "workSummary", "Đã gửi Tờ trình số 301/TTr-UBND.");
    complete(engine, "7.3", "Task_AwaitMinistryResult", "ministryOutcome", "rejected",
        "resultSummary", "Chưa đủ tiêu chí trung tâm quốc gia.");
    assertThat(p).isEnded().hasPassed("Event_RejectedByMinistry");
  }

  @Test
  void aProposalTheCityRejectsNeverGoesToTheMinistry() {
    ProcessInstance p = begin("lifecycleCentralProposal", "7.1");
    draft("7.1", "Task_Draft");
    consult(engine, "7.1");
    reject(engine, "7.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Call_CentralDecision");
  }

  // ---- joint venture --------------------------------------------------------------------------------------

  private void schemeThroughFinance(String lead) {
    complete(engine, "3.1", "Task_DraftScheme", "draftReference", "Đề án liên kết đào tạo số 1");
    // the school's managing body (Sở GD&ĐT) reviews the scheme before Sở Tài chính is asked
    assertThat(task(engine, "3.1", "Task_ManagingBodyReview")).hasCandidateGroup("so-gddt-lanh-dao");
    complete(engine, "3.1", "Task_ManagingBodyReview", "leaderDecision", "approve");
    assertThat(task(engine, "3.1", "Task_FinanceOpinion")).hasCandidateGroup("so-tc");
    complete(engine, "3.1", "Task_FinanceOpinion", "financeOpinion", "disagree",
        "financeOpinionText", "Bổ sung phương án tính giá trị tài sản.");
    // staff only draft: the opinion reaches the school once Sở Tài chính's leader has signed it with a number
    assertThat(task(engine, "3.1", "Task_SignFinanceOpinion")).hasCandidateGroup("so-tc-lanh-dao");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("3.1")
        .taskDefinitionKey("Task_ReviseScheme").count()).isZero();
    signFinanceOpinion("3.1", "1201/STC-QLCS");
    assertThat(task(engine, "3.1", "Task_ReviseScheme")).hasCandidateGroup(lead);
    complete(engine, "3.1", "Task_ReviseScheme", "revisionNote", "Đã bổ sung phương án tính giá trị tài sản.");
    complete(engine, "3.1", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất với Đề án.");
    // the leader returns the draft to staff with a reason; it is redrafted and signed before anyone else sees it
    complete(engine, "3.1", "Task_SignFinanceOpinion", "viewSignOff", "return",
        "viewReturnReasons", "Nêu rõ căn cứ xác định giá trị tài sản liên kết.");
    assertThat(task(engine, "3.1", "Task_FinanceOpinion")).hasCandidateGroup("so-tc");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("3.1")
        .taskDefinitionKey("Task_StandingCommittee").count()).isZero();
    complete(engine, "3.1", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất với Đề án đã hoàn thiện, căn cứ giá trị tài sản đã nêu.");
    signFinanceOpinion("3.1", "1245/STC-QLCS");
    assertThat(task(engine, "3.1", "Task_StandingCommittee")).hasCandidateGroup("hdnd-tt");
    assertThat(engine.getRuntimeService().getVariable(task(engine, "3.1", "Task_StandingCommittee")
        .getProcessInstanceId(), "viewNumber")).isEqualTo("1245/STC-QLCS");
  }

  private void signFinanceOpinion(String code, String number) {
    assertThat(task(engine, code, "Task_SignFinanceOpinion")).hasCandidateGroup("so-tc-lanh-dao");
    complete(engine, code, "Task_SignFinanceOpinion", "viewSignOff", "approve", "viewNumber", number);
  }

  @Test
  void aJointVentureAgreedByFinanceAndTheStandingCommitteeIsApproved() {
    ProcessInstance p = start(engine, "lifecycleJointVenture", "3.1", "cd-cnc-hn");
    schemeThroughFinance("cd-cnc-hn");
    complete(engine, "3.1", "Task_StandingCommittee", "standingCommitteeOutcome", "agree",
        "standingCommitteeText", "Thường trực HĐND thống nhất chủ trương.");
    approve(engine, "3.1");
    issue(engine, "3.1");
    assertThat(p).isEnded().hasPassed("Task_ReviseScheme", "Task_SignFinanceOpinion", "Event_Done");
  }

  @Test
  void aJointVentureTheManagingBodyReturnsIsRedraftedBeforeFinanceSeesIt() {
    ProcessInstance p = start(engine, "lifecycleJointVenture", "3.1", "cd-vnhq-hn");
    complete(engine, "3.1", "Task_DraftScheme", "draftReference", "Đề án liên kết đào tạo số 1");
    complete(engine, "3.1", "Task_ManagingBodyReview", "leaderDecision", "return",
        "leaderReasons", "Đánh giá hiệu quả sử dụng tài sản còn thiếu.");
    assertThat(task(engine, "3.1", "Task_DraftScheme")).hasCandidateGroup("cd-vnhq-hn");
    assertThat(p).hasNotPassed("Task_FinanceOpinion");
    complete(engine, "3.1", "Task_DraftScheme", "draftReference", "Đề án liên kết đào tạo số 1 (lần 2)");
    complete(engine, "3.1", "Task_ManagingBodyReview", "leaderDecision", "approve");
    complete(engine, "3.1", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất với Đề án.");
    signFinanceOpinion("3.1", "1202/STC-QLCS");
    complete(engine, "3.1", "Task_StandingCommittee", "standingCommitteeOutcome", "agree",
        "standingCommitteeText", "Thường trực HĐND thống nhất chủ trương.");
    approve(engine, "3.1");
    issue(engine, "3.1");
    assertThat(p).isEnded().hasPassed("Event_Done").hasNotPassed("Task_ReviseScheme");
  }

  @Test
  void aJointVentureTheStandingCommitteeRefusesEndsRejected() {
    ProcessInstance p = start(engine, "lifecycleJointVenture", "3.1", "cd-cnc-hn");
    schemeThroughFinance("cd-cnc-hn");
    complete(engine, "3.1", "Task_StandingCommittee", "standingCommitteeOutcome", "disagree",
        "standingCommitteeText", "Chưa phù hợp với quy định quản lý tài sản công.");
    assertThat(p).isEnded().hasPassed("Event_RejectedByCommittee").hasNotPassed("Call_UbndApproval");
  }

  @Test
  void aJointVentureTheChairRejectsEndsRejected() {
    ProcessInstance p = start(engine, "lifecycleJointVenture", "3.1", "cd-cnc-hn");
    schemeThroughFinance("cd-cnc-hn");
    complete(engine, "3.1", "Task_StandingCommittee", "standingCommitteeOutcome", "agree",
        "standingCommitteeText", "Thường trực HĐND thống nhất chủ trương.");
    reject(engine, "3.1");
    assertThat(p).isEnded().hasPassed("Event_Rejected");
  }

  // ---- recurring activity ---------------------------------------------------------------------------------

  @Test
  void aYearsActivitiesArePlannedBudgetedRunAndReported() {
    ProcessInstance p = begin("lifecycleRecurringActivity", "1.2-2025");
    fireTimer(engine, "1.2-2025", "Event_WaitForPeriod");
    complete(engine, "1.2-2025", "Task_PlanActivities", "draftReference", "Kế hoạch hoạt động truyền thông 2025");
    complete(engine, "1.2-2025", "Task_Budget", "workSummary", "Dự toán 1,2 tỷ đồng cho 6 hoạt động.");
    assertThat(task(engine, "1.2-2025", "Task_ApproveBudget")).hasCandidateGroup("so-gddt-lanh-dao");
    complete(engine, "1.2-2025", "Task_ApproveBudget", "leaderDecision", "return",
        "leaderReasons", "Giảm chi phí thuê địa điểm, tăng hoạt động tại trường.");
    complete(engine, "1.2-2025", "Task_Budget", "workSummary", "Dự toán điều chỉnh 1,0 tỷ đồng.");
    complete(engine, "1.2-2025", "Task_ApproveBudget", "leaderDecision", "approve");
    complete(engine, "1.2-2025", "Task_RunActivities", "workSummary", "Đã tổ chức 6 hoạt động, 3 cuộc thi.");
    complete(engine, "1.2-2025", "Task_ReportResults", "resultSummary", "Hơn 12.000 lượt người tham gia.");
    assertThat(p).isEnded().hasPassed("Event_Done");
  }

  @Test
  void aReturnWithoutReasonsIsRefused() {
    begin("lifecycleRecurringActivity", "2.3-2025");
    fireTimer(engine, "2.3-2025", "Event_WaitForPeriod");
    complete(engine, "2.3-2025", "Task_PlanActivities", "draftReference", "Kế hoạch bồi dưỡng 2025");
    complete(engine, "2.3-2025", "Task_Budget", "workSummary", "Dự toán 800 triệu đồng.");
    String id = task(engine, "2.3-2025", "Task_ApproveBudget").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("leaderDecision", "return")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("leaderReasons");
  }

  // ---- autonomy roadmap -----------------------------------------------------------------------------------

  @Test
  void theAutonomyRoadmapGoesSchoolThenManagingBodyThenFinanceThenTheCity() {
    ProcessInstance p = start(engine, "lifecycleAutonomyRoadmap", "8.2", "cd-cnc-hn");
    complete(engine, "8.2", "Task_DraftRoadmap", "draftReference", "Phương án tự chủ 2026-2030");
    assertThat(task(engine, "8.2", "Task_ManagingReview")).hasCandidateGroup("so-gddt-lanh-dao");
    assertThat(p).hasNotPassed("Task_FinanceOpinion");
    complete(engine, "8.2", "Task_ManagingReview", "leaderDecision", "return",
        "leaderReasons", "Làm rõ nguồn thu dịch vụ đào tạo.");
    complete(engine, "8.2", "Task_DraftRoadmap", "draftReference", "Phương án tự chủ 2026-2030 (lần 2)");
    complete(engine, "8.2", "Task_ManagingReview", "leaderDecision", "approve");
    assertThat(task(engine, "8.2", "Task_FinanceOpinion")).hasCandidateGroup("so-tc");
    complete(engine, "8.2", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất phương án.");
    assertThat(task(engine, "8.2", "Task_SignFinanceOpinion")).hasCandidateGroup("so-tc-lanh-dao");
    complete(engine, "8.2", "Task_SignFinanceOpinion", "viewSignOff", "return",
        "viewReturnReasons", "Đánh giá thêm khả năng tự bảo đảm chi đầu tư.");
    complete(engine, "8.2", "Task_FinanceOpinion", "financeOpinion", "agree",
        "financeOpinionText", "Thống nhất phương án đã chỉnh sửa.");
    signFinanceOpinion("8.2", "1310/STC-QLNS");
    approve(engine, "8.2");
    issue(engine, "8.2");
    assertThat(p).isEnded().hasPassed("Event_Done");
    List<String> order = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
        .activityType("userTask").orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list().stream().map(a -> a.getActivityId()).toList();
    assertThat(order).containsExactly("Task_DraftRoadmap", "Task_ManagingReview", "Task_DraftRoadmap",
        "Task_ManagingReview", "Task_FinanceOpinion", "Task_SignFinanceOpinion", "Task_FinanceOpinion",
        "Task_SignFinanceOpinion");
  }

  @Test
  void theAutonomyRoadmapRejectedByTheCityEndsRejected() {
    ProcessInstance p = start(engine, "lifecycleAutonomyRoadmap", "8.2", "cd-cnc-hn");
    complete(engine, "8.2", "Task_DraftRoadmap", "draftReference", "Phương án tự chủ 2026-2030");
    complete(engine, "8.2", "Task_ManagingReview", "leaderDecision", "approve");
    complete(engine, "8.2", "Task_FinanceOpinion", "financeOpinion", "disagree",
        "financeOpinionText", "Nguồn thu chưa bảo đảm tự chủ chi đầu tư.");
    signFinanceOpinion("8.2", "1311/STC-QLNS");
    reject(engine, "8.2");
    assertThat(p).isEnded().hasPassed("Event_Rejected");
  }

  // ---- investment project ---------------------------------------------------------------------------------

  @Test
  void anInvestmentProjectPassesEveryMilestoneInOrder() {
    ProcessInstance p = begin("lifecycleInvestmentProject", "8.3");
    draft("8.3", "Task_ProposeProjects");
    approve(engine, "8.3");
    List<String> milestones = new PlanProperties().getMilestones();
    for (int i = 0; i < milestones.size(); i++) {
      Task t = task(engine, "8.3", "Task_CarryOutMilestone");
      assertThat(engine.getTaskService().getVariable(t.getId(), "milestoneName")).isEqualTo(milestones.get(i));
      complete(engine, "8.3", "Task_CarryOutMilestone", "workSummary", "Hoàn thành mốc: " + milestones.get(i));
      if (i == 1) {
        complete(engine, "8.3", "Task_ConfirmMilestone", "leaderDecision", "return",
            "leaderReasons", "Bổ sung biên bản mở thầu.");
        complete(engine, "8.3", "Task_CarryOutMilestone", "workSummary", "Đã bổ sung biên bản mở thầu.");
      }
      complete(engine, "8.3", "Task_ConfirmMilestone", "leaderDecision", "approve");
    }
    complete(engine, "8.3", "Task_FinalReport", "workSummary", "Dự án hoàn thành, đưa vào sử dụng.");
    assertThat(p).isEnded().hasPassed("Call_Milestones", "Event_Done");
  }

  @Test
  void anInvestmentProjectRejectedByTheCityEndsRejected() {
    ProcessInstance p = begin("lifecycleInvestmentProject", "8.3");
    draft("8.3", "Task_ProposeProjects");
    reject(engine, "8.3");
    assertThat(p).isEnded().hasPassed("Event_Rejected").hasNotPassed("Call_Milestones");
  }
}
