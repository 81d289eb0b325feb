package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/hdnd-resolution.bpmn", "forms/hdnd-submission.form",
    "forms/hdnd-committee-review.form", "forms/hdnd-session-outcome.form", "forms/hdnd-resolution-signature.form"})
class HdndResolutionProcessTest {

  private static final String BUSINESS_KEY = "KH115-4.2";

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Starts the procedure and brings it, through submission and committee review, to the wait for the session. */
  private ProcessInstance startAndAwaitSession() {
    return startAndAwaitSession("hdnd-ban-vhxh", "hdnd-ban-vhxh");
  }

  private ProcessInstance startAndAwaitSession(String catalogueCommittee, String reviewingCommittee) {
    Map<String, Object> variables = new java.util.HashMap<>(Map.of("deliverableCode", "4.2",
        "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
        "draftReference", "Dự thảo Nghị quyết hỗ trợ học phí"));
    if (catalogueCommittee != null) {
      variables.put("hdndCommittee", catalogueCommittee);
    }
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("hdndResolution", BUSINESS_KEY,
        variables);
    assertThat(instance).isWaitingAt("Task_SubmitToHdnd");
    assertThat(task(instance)).hasCandidateGroup("vp-ubnd")
        .hasName("[4.2] Chính sách hỗ trợ học phí — Trình HĐND Thành phố");
    complete(task(instance), withVariables("hdndSubmissionNumber", "45/TTr-UBND", "hdndSubmissionDate", "3/11/2025"));
    assertThat(instance).variables().containsEntry("hdndSubmissionDate", "03/11/2025");

    assertThat(task(instance)).hasCandidateGroup(reviewingCommittee);
    assertThat(task(instance).getDueDate()).isNotNull();
    complete(task(instance), withVariables("committeeReview", "Ban thống nhất trình kỳ họp thường lệ cuối năm."));

    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome");
    assertThat(task(instance)).hasCandidateGroup("hdnd-tt");
    return instance;
  }

  @Test
  void theClerkRecordsThatTheResolutionPassed() {
    ProcessInstance instance = startAndAwaitSession();

    complete(task(instance), withVariables("hdndOutcome", "passed", "resolutionNumber", "12/2025/NQ-HĐND",
        "resolutionDate", "10/12/2025", "sessionKind", "regular-year-end"));
    chairSigns(instance, "11/12/2025");

    assertThat(instance).isEnded().hasPassed("Task_SignResolution", "Event_ResolutionPassed")
        .hasNotPassed("Task_RecordReceivedOutcome")
        .variables().containsEntry("hdndOutcome", "passed").containsEntry("resolutionNumber", "12/2025/NQ-HĐND")
        .containsEntry("resolutionDate", "10/12/2025").containsEntry("sessionKind", "regular-year-end")
        .containsEntry("resolutionSignedOn", "11/12/2025");
  }

  private void chairSigns(ProcessInstance instance, String date) {
    assertThat(instance).isWaitingAt("Task_SignResolution");
    assertThat(task(instance)).hasCandidateGroup("hdnd-chu-tich");
    assertThat(task(instance).getDueDate()).isNotNull();
    complete(task(instance), withVariables("resolutionSignedOn", date));
  }

  @Test
  void theCommitteeOfTheDeliverablesFieldReviewsAndWithoutOneBanVhxhDoes() {
    ProcessInstance pc = startAndAwaitSession("hdnd-ban-pc", "hdnd-ban-pc");
    engine.getRuntimeService().deleteProcessInstance(pc.getId(), "test");
    startAndAwaitSession(null, "hdnd-ban-vhxh");
  }

  @Test
  void aPassedResolutionWithoutItsSessionOrSignedBeforeAdoptionIsRefused() {
    ProcessInstance instance = startAndAwaitSession();
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(), Map.of("hdndOutcome", "passed",
        "resolutionNumber", "12/2025/NQ-HĐND", "resolutionDate", "10/12/2025")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("sessionKind");
    complete(task(instance), withVariables("hdndOutcome", "passed", "resolutionNumber", "12/2025/NQ-HĐND",
        "resolutionDate", "10/12/2025", "sessionKind", "thematic"));
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(),
        Map.of("resolutionSignedOn", "09/12/2025"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("resolutionSignedOn").hasMessageContaining("10/12/2025");
    assertThat(instance).isWaitingAt("Task_SignResolution");
  }

  @Test
  void anotherSystemSendsTheSessionOutcomeAsAMessageInsteadOfTheClerk() {
    ProcessInstance instance = startAndAwaitSession();

    engine.getRuntimeService().createMessageCorrelation("HdndSessionOutcome").processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable("hdndOutcome", "passed").setVariable("resolutionNumber", "13/2025/NQ-HĐND").correlate();

    chairSigns(instance, OfficialDates.format(OfficialDates.today()));
    assertThat(instance).isEnded().hasPassed("Event_SessionOutcomeReceived", "Task_RecordReceivedOutcome",
        "Event_ResolutionPassed").variables().containsEntry("resolutionNumber", "13/2025/NQ-HĐND")
        .containsEntry("resolutionDate", OfficialDates.format(OfficialDates.today()));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aMessageWithAnUnknownOutcomeIsRefusedAndTheClerkStillWaits() {
    ProcessInstance instance = startAndAwaitSession();

    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("HdndSessionOutcome")
        .processInstanceBusinessKey(BUSINESS_KEY).setVariable("hdndOutcome", "approved").correlate())
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("hdndOutcome");

    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome");
  }

  @Test
  void theResolutionIsNotPassed() {
    ProcessInstance instance = startAndAwaitSession();

    complete(task(instance), withVariables("hdndOutcome", "not_passed", "sessionNote", "Chưa đủ số đại biểu tán thành."));

    assertThat(instance).isEnded().hasPassed("Event_ResolutionNotPassed")
        .variables().containsEntry("hdndOutcome", "not_passed");
  }

  @Test
  void aDeferredSubmissionWaitsForTheNextSessionAndThenPasses() {
    ProcessInstance instance = startAndAwaitSession();
    String firstWait = task(instance).getId();

    complete(task(instance), withVariables("hdndOutcome", "deferred", "sessionNote", "Lùi sang kỳ họp giữa năm 2026."));

    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome").variables().containsEntry("hdndDeferrals", 1);
    assertThat(task(instance).getId()).isNotEqualTo(firstWait);
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(),
        Map.of("hdndOutcome", "passed", "resolutionNumber", "", "resolutionDate", "01/07/2026")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("resolutionNumber");
    // a resolution of the HĐND is normative: its number carries the year, and the HĐND is its issuer
    String today = OfficialDates.format(OfficialDates.today());
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(),
        Map.of("hdndOutcome", "passed", "resolutionNumber", "05/NQ-HĐND", "resolutionDate", today)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("(resolutionNumber)")
        .hasMessageContaining("phải ghi năm ban hành");
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(),
        Map.of("hdndOutcome", "passed", "resolutionNumber", "05/2026/NQ-UBND", "resolutionDate", today)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("do HĐND ban hành");
    complete(task(instance), withVariables("hdndOutcome", "passed", "resolutionNumber", "05/2026/NQ-HĐND",
        "resolutionDate", OfficialDates.format(OfficialDates.today()), "sessionKind", "regular-mid-year"));
    chairSigns(instance, OfficialDates.format(OfficialDates.today()));

    assertThat(instance).isEnded().hasPassed("Event_ResolutionPassed");
  }

  @Test
  void whileWaitingAFollowUpIsWrittenOnTheTaskEveryPeriodAndTheWaitGoesOn() {
    ProcessInstance instance = startAndAwaitSession();
    String waitingTask = task(instance).getId();
    Job followUp = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_FollowUpDue").singleResult();
    assertThat(followUp.getDuedate()).isEqualTo(task(instance).getDueDate());

    ClockUtil.setCurrentTime(followUp.getDuedate());
    engine.getManagementService().executeJob(followUp.getId());

    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome").hasPassed("Task_FollowUpSession")
        .variables().containsEntry("hdndFollowUps", 1);
    assertThat(task(instance).getId()).isEqualTo(waitingTask);
    assertThat(engine.getTaskService().getTaskComments(waitingTask)).extracting(Comment::getFullMessage)
        .containsExactly("Đôn đốc lần 1: đề nghị Thường trực HĐND Thành phố cập nhật kết quả kỳ họp đối với tờ trình số 45/TTr-UBND.");
    Job next = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_FollowUpDue").singleResult();
    assertThat(next.getDuedate()).as("the next follow-up is scheduled").isAfter(followUp.getDuedate());
  }

  @Test
  void aSubmissionDateInTheFutureOrNotADateIsRefused() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("hdndResolution", BUSINESS_KEY,
        Map.of("deliverableCode", "4.2", "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt"));
    String taskId = task(instance).getId();
    String tomorrow = OfficialDates.format(LocalDate.now(OfficialDates.ZONE).plusDays(1));

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("hdndSubmissionNumber", "45/TTr-UBND",
        "hdndSubmissionDate", tomorrow)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("hdndSubmissionDate");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("hdndSubmissionNumber", "45/TTr-UBND",
        "hdndSubmissionDate", "31/02/2025")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("dd/MM/yyyy");
    // The number's format is the form's pattern, checked with the submission: FormSubmissionTest.

    assertThat(instance).isWaitingAt("Task_SubmitToHdnd");
  }
}
