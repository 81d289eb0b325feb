package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/legal-appraisal.bpmn", "forms/legal-appraisal.form",
    "forms/legal-appraisal-revision.form", "forms/legal-appraisal-sign-off.form"})
class LegalAppraisalProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("legalAppraisal", "KH115-4.2", Map.of(
        "deliverableCode", "4.2", "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
        "appraisalDays", 7, "draftReference", "Dự thảo Nghị quyết hỗ trợ học phí"));
  }

  private void leaderSigns(ProcessInstance instance, String number) {
    assertThat(instance).isWaitingAt("Task_SignAppraisal");
    assertThat(task(instance)).hasCandidateGroup("so-tp-lanh-dao");
    complete(task(instance), withVariables("appraisalSignOff", "approve", "appraisalReportNumber", number));
  }

  @Test
  void theLeaderOfSởTưPhápReturnsTheDraftReportThenSignsItWithItsNumber() {
    ProcessInstance instance = start();
    complete(task(instance), withVariables("appraisalOpinion", "Dự thảo phù hợp.", "appraisalResult", "pass"));
    String signTask = task(instance).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(signTask, Map.of("appraisalSignOff", "approve")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("appraisalReportNumber");
    complete(task(instance), withVariables("appraisalSignOff", "return",
        "appraisalSignOffReasons", "Phân tích rõ sự phù hợp với Luật Giáo dục nghề nghiệp."));

    assertThat(instance).isWaitingAt("Task_AppraiseDraft").variables().containsEntry("appraisalRounds", 0);
    complete(task(instance), withVariables("appraisalOpinion", "Dự thảo phù hợp với Luật Giáo dục nghề nghiệp.",
        "appraisalResult", "pass"));
    leaderSigns(instance, "111/BC-STP");

    assertThat(instance).isEnded().hasPassed("Event_AppraisalPassed").variables()
        .containsEntry("appraisalRounds", 1).containsEntry("appraisalReportNumber", "111/BC-STP");
  }

  @Test
  void sởTưPhápPassesTheDraftAtTheFirstAppraisal() {
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Task_AppraiseDraft");
    assertThat(task(instance)).hasCandidateGroup("so-tp")
        .hasName("[4.2] Chính sách hỗ trợ học phí — Thẩm định dự thảo");
    assertThat(task(instance).getDueDate()).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "revisionDays"))
        .as("periods not passed by the caller come from configuration").isEqualTo(5);
    complete(task(instance), withVariables("appraisalOpinion", "Dự thảo phù hợp với quy định pháp luật.",
        "appraisalResult", "pass"));
    leaderSigns(instance, "111/BC-STP");

    assertThat(instance).isEnded().hasPassed("Event_AppraisalPassed").hasNotPassed("Task_ReviseAfterAppraisal")
        .variables().containsEntry("appraisalRounds", 1)
        .containsEntry("appraisalOpinion", "Dự thảo phù hợp với quy định pháp luật.");
  }

  @Test
  void aDraftToReviseGoesBackToTheDraftingUnitWithTheAppraisalsPointsThenPasses() {
    ProcessInstance instance = start();

    complete(task(instance), withVariables("appraisalOpinion", "Cần bổ sung căn cứ pháp lý tại Điều 2.",
        "appraisalResult", "revise"));
    leaderSigns(instance, "98/BC-STP");
    assertThat(instance).isWaitingAt("Task_ReviseAfterAppraisal")
        .variables().containsEntry("appraisalOpinion", "Cần bổ sung căn cứ pháp lý tại Điều 2.");
    assertThat(task(instance)).hasCandidateGroup("so-gddt")
        .hasName("[4.2] Chính sách hỗ trợ học phí — Chỉnh sửa dự thảo theo ý kiến thẩm định");
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(), Map.of("revisionNote", "")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("revisionNote");
    complete(task(instance), withVariables("draftReference", "Dự thảo lần 2",
        "revisionNote", "Đã bổ sung căn cứ pháp lý tại Điều 2."));

    assertThat(instance).isWaitingAt("Task_AppraiseDraft");
    complete(task(instance), withVariables("appraisalOpinion", "Dự thảo đã được chỉnh sửa, đủ điều kiện trình.",
        "appraisalResult", "pass"));
    leaderSigns(instance, "120/BC-STP");

    assertThat(instance).isEnded().hasPassed("Event_AppraisalPassed")
        .variables().containsEntry("appraisalRounds", 2)
        .containsEntry("appraisalOpinion", "Dự thảo đã được chỉnh sửa, đủ điều kiện trình.");
  }

  @Test
  void anAppraisalWithoutOpinionOrWithAnUnknownResultIsRefused() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("appraisalResult", "pass")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("appraisalOpinion");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("appraisalResult", "ok",
        "appraisalOpinion", "Dự thảo phù hợp với quy định.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("appraisalResult");

    assertThat(instance).isWaitingAt("Task_AppraiseDraft").variables().containsEntry("appraisalRounds", 0);
  }
}
