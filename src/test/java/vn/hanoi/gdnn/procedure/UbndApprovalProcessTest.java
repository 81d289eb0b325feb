package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/ubnd-approval.bpmn", "forms/submission-sign-off.form",
    "forms/submission-office-check.form", "forms/submission-decision.form", "forms/submission-revision.form",
    "forms/ubnd-collective-decision.form"})
class UbndApprovalProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  private ProcessInstance start(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("deliverableCode", "2.1",
        "deliverableTitle", "Kế hoạch đào tạo nghề cho lao động nông thôn", "leadUnit", "so-gddt",
        "draftReference", "Tờ trình số 12/TTr-SGDĐT"));
    variables.putAll(extra);
    return engine.getRuntimeService().startProcessInstanceByKey("ubndApproval", "KH115-2.1", variables);
  }

  private void sign(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Task_SignSubmission");
    assertThat(task(instance)).hasCandidateGroup("so-gddt-lanh-dao");
    complete(task(instance), withVariables("signOffDecision", "approve"));
  }

  private void officeAccepts(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Task_CheckSubmission");
    assertThat(task(instance)).hasCandidateGroup("vp-ubnd");
    complete(task(instance), withVariables("officeCheckResult", "accept"));
  }

  private void revise(ProcessInstance instance, String returnedBy, String reasons, String version) {
    assertThat(instance).isWaitingAt("Task_ReviseSubmission")
        .variables().containsEntry("returnedBy", returnedBy).containsEntry("returnReasons", reasons);
    assertThat(task(instance)).hasCandidateGroup("so-gddt")
        .hasName("[2.1] Kế hoạch đào tạo nghề cho lao động nông thôn — Chỉnh sửa tờ trình theo ý kiến trả lại");
    complete(task(instance), withVariables("draftReference", version, "revisionNote", "Đã chỉnh sửa theo ý kiến trả lại."));
  }

  @Test
  void theOfficeReturnsAnIncompleteDossierTheUnitRevisesAndItsLeaderSignsAgain() {
    ProcessInstance instance = start(Map.of());

    assertThat(task(instance)).hasName("[2.1] Kế hoạch đào tạo nghề cho lao động nông thôn — Ký tờ trình");
    assertThat(task(instance).getDueDate()).isNotNull();
    sign(instance);
    complete(task(instance), withVariables("officeCheckResult", "return",
        "officeCheckReasons", "Thiếu báo cáo tổng hợp ý kiến của các sở."));
    revise(instance, "Văn phòng UBND Thành phố", "Thiếu báo cáo tổng hợp ý kiến của các sở.", "Tờ trình lần 2");
    sign(instance);
    officeAccepts(instance);
    assertThat(task(instance)).hasCandidateGroup("ubnd-lanh-dao");
    complete(task(instance), withVariables("approvalDecision", "approve"));

    assertThat(instance).isEnded().hasPassed("Event_SubmissionApproved")
        .variables().containsEntry("approvalOutcome", "approved").containsEntry("approvalRounds", 0)
        .containsEntry("officeReturns", 1).containsEntry("approvalReasons", "");
  }

  @Test
  void theUbndLeaderReturnsTwiceThenApprovesAndTheRoundsAreCounted() {
    ProcessInstance instance = start(Map.of("approverGroup", "ubnd-lanh-dao"));

    sign(instance);
    officeAccepts(instance);
    complete(task(instance), withVariables("approvalDecision", "return",
        "decisionReasons", "Làm rõ nguồn kinh phí thực hiện."));
    revise(instance, "Lãnh đạo UBND Thành phố", "Làm rõ nguồn kinh phí thực hiện.", "Tờ trình lần 2");
    sign(instance);
    officeAccepts(instance);
    complete(task(instance), withVariables("approvalDecision", "return",
        "decisionReasons", "Bổ sung chỉ tiêu năm 2026."));
    assertThat(instance).variables().containsEntry("approvalRounds", 2);
    revise(instance, "Lãnh đạo UBND Thành phố", "Bổ sung chỉ tiêu năm 2026.", "Tờ trình lần 3");
    sign(instance);
    officeAccepts(instance);
    complete(task(instance), withVariables("approvalDecision", "approve"));

    assertThat(instance).isEnded().hasPassed("Event_SubmissionApproved")
        .variables().containsEntry("approvalOutcome", "approved").containsEntry("approvalRounds", 2)
        .containsEntry("approvalReasons", "Bổ sung chỉ tiêu năm 2026.");
  }

  @Test
  void aRejectionEndsTheProcedureVisiblyAsRejected() {
    ProcessInstance instance = start(Map.of("approverGroup", "ubnd-lanh-dao"));
    sign(instance);
    officeAccepts(instance);

    complete(task(instance), withVariables("approvalDecision", "reject",
        "decisionReasons", "Nội dung đã được quy định tại kế hoạch khác."));

    assertThat(instance).isEnded().hasPassed("Event_SubmissionRejected").hasNotPassed("Event_SubmissionApproved")
        .variables().containsEntry("approvalOutcome", "rejected")
        .containsEntry("approvalReasons", "Nội dung đã được quy định tại kế hoạch khác.");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Event_SubmissionRejected").singleResult().getActivityName()).isEqualTo("Tờ trình bị từ chối");
  }

  @Test
  void theUnitLeaderCanReturnTheSubmissionToItsStaff() {
    ProcessInstance instance = start(Map.of());

    complete(task(instance), withVariables("signOffDecision", "return", "signOffReasons", "Sửa lại phần căn cứ pháp lý."));
    revise(instance, "Lãnh đạo Sở Giáo dục và Đào tạo", "Sửa lại phần căn cứ pháp lý.", "Tờ trình lần 2");
    assertThat(instance).variables().containsEntry("signOffRounds", 1);
    sign(instance);

    assertThat(instance).isWaitingAt("Task_CheckSubmission");
  }

  @Test
  void decisionsWithoutReasonsOrUnknownAreRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = start(Map.of("approverGroup", "ubnd-lanh-dao"));
    String signTask = task(instance).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(signTask, Map.of("signOffDecision", "return")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("signOffReasons");
    sign(instance);
    String checkTask = task(instance).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(checkTask, Map.of("officeCheckResult", "return")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("officeCheckReasons");
    officeAccepts(instance);
    String decideTask = task(instance).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(decideTask, Map.of("approvalDecision", "reject")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("decisionReasons");
    assertThatThrownBy(() -> engine.getTaskService().complete(decideTask, Map.of("approvalDecision", "later")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvalDecision");

    assertThat(instance).isWaitingAt("Task_DecideSubmission").variables().doesNotContainKey("approvalOutcome");
  }

  @Test
  void aCallerCanNameAnotherApproverGroup() {
    ProcessInstance instance = start(Map.of("approverGroup", "so-gddt-lanh-dao"));
    sign(instance);
    officeAccepts(instance);

    assertThat(task(instance)).hasCandidateGroup("so-gddt-lanh-dao");
  }

  // ---- collective decision (decisionMode = collective) -----------------------------------------------------

  private static Map<String, Object> votes(String form, int members, int forVotes, int against, int abstain) {
    return new HashMap<>(Map.of("voteForm", form, "voteDate", "20/11/2025", "memberCount", members,
        "votesFor", forVotes, "votesAgainst", against, "votesAbstain", abstain,
        "voteRecordNumber", "45/BB-UBND"));
  }

  @Test
  void theUbndAsABodyAdoptsWhenMoreThanHalfOfAllMembersVoteForAndNoLeaderDecidesAlone() {
    ProcessInstance instance = start(Map.of("decisionMode", "collective", "approverGroup", "ubnd-pct-vhxh"));
    sign(instance);
    officeAccepts(instance);

    assertThat(instance).isWaitingAt("Task_RecordCollectiveDecision");
    assertThat(task(instance)).hasCandidateGroup("vp-ubnd");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
        .noneMatch(link -> "ubnd-pct-vhxh".equals(link.getGroupId()));
    complete(task(instance), votes("session", 15, 8, 5, 2));

    assertThat(instance).isEnded().hasPassed("Event_SubmissionApproved").hasNotPassed("Task_DecideSubmission")
        .variables().containsEntry("approvalOutcome", "approved").containsEntry("votesFor", 8)
        .containsEntry("collectiveVoteSummary", "Phiên họp UBND Thành phố ngày 20/11/2025: 8/15 thành viên tán"
            + " thành, 5 không tán thành, 2 không biểu quyết — thông qua.");
  }

  @Test
  void halfOfTheMembersInAWrittenVoteIsNotEnoughAndTheSubmissionIsNotAdopted() {
    ProcessInstance instance = start(Map.of("decisionMode", "collective"));
    sign(instance);
    officeAccepts(instance);

    complete(task(instance), votes("written", 14, 7, 3, 4));

    assertThat(instance).isEnded().hasPassed("Event_SubmissionRejected")
        .variables().containsEntry("approvalOutcome", "rejected")
        .hasEntrySatisfying("approvalReasons", r -> assertThat(r.toString())
            .startsWith("Lấy ý kiến thành viên bằng phiếu").contains("7/14").contains("không thông qua"));
  }

  @Test
  void moreVotesThanMembersIsRefusedNamingTheFieldAndTheTaskStays() {
    ProcessInstance instance = start(Map.of("decisionMode", "collective"));
    sign(instance);
    officeAccepts(instance);
    String id = task(instance).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(id, votes("session", 10, 8, 2, 1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("votesAbstain")
        .hasMessageContaining("vượt quá tổng số thành viên (10)");
    assertThat(instance).isWaitingAt("Task_RecordCollectiveDecision");
  }

  @Test
  void aDecisionGoesOnlyToTheLeaderTheLifecycleNamed() {
    ProcessInstance instance = start(Map.of("approverGroup", "ubnd-pct-vhxh"));
    sign(instance);
    officeAccepts(instance);
    assertThat(task(instance)).hasCandidateGroup("ubnd-pct-vhxh");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
        .noneMatch(link -> "ubnd-lanh-dao".equals(link.getGroupId()));
  }
}
