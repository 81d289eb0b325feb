package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/draft-sign-off.bpmn", "forms/draft-sign-off.form",
    "forms/draft-revision.form"})
class DraftSignOffProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerDelegates() {
    ProcessTestEngine.registerBean("signOffDecisionValidator", new SignOffDecisionValidator());
    ProcessTestEngine.registerBean("revisionValidator", new RevisionValidator());
  }

  private ProcessInstance start() {
    RuntimeService runtime = engine.getRuntimeService();
    return runtime.startProcessInstanceByKey("draftSignOff", "TEST-1",
        Map.of("leadUnit", "so-gddt", "draftReference", "Dự thảo Kế hoạch truyền thông 2026"));
  }

  @Test
  void leaderOfTheLeadUnitSignsAndTheDraftIsApproved() {
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Task_SignDraft");
    assertThat(task(instance)).hasCandidateGroup("so-gddt-lanh-dao");
    assertThat(engine.getTaskService().createTaskQuery().initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("draft-sign-off");
    complete(task(instance), withVariables("signOffDecision", "approve"));

    assertThat(instance).isEnded().hasPassed("Event_DraftApproved");
  }

  @Test
  void twoReturnsWithReasonsGoBackToTheUnitAndAreCounted() {
    ProcessInstance instance = start();

    complete(task(instance), withVariables("signOffDecision", "return", "signOffReasons", "Bổ sung số liệu năm 2024."));
    assertThat(instance).isWaitingAt("Task_ReviseDraft").variables().containsEntry("signOffRounds", 1);
    assertThat(task(instance)).hasCandidateGroup("so-gddt");
    complete(task(instance), withVariables("draftReference", "Dự thảo lần 2", "revisionNote", "Đã bổ sung số liệu."));

    complete(task(instance), withVariables("signOffDecision", "return", "signOffReasons", "Rà soát lại phần kinh phí."));
    complete(task(instance), withVariables("draftReference", "Dự thảo lần 3", "revisionNote", "Đã rà soát kinh phí."));
    assertThat(instance).variables().containsEntry("signOffRounds", 2);

    complete(task(instance), withVariables("signOffDecision", "approve"));
    assertThat(instance).isEnded().hasPassed("Event_DraftApproved");
  }

  @Test
  void aReturnWithoutReasonsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("signOffDecision", "return")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("signOffReasons");

    assertThat(instance).isWaitingAt("Task_SignDraft");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void aRevisionThatDoesNotSayWhatChangedIsRefused() {
    ProcessInstance instance = start();
    complete(task(instance), withVariables("signOffDecision", "return", "signOffReasons", "Bổ sung số liệu năm 2024."));
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        Map.of("draftReference", "Dự thảo lần 2", "revisionNote", " ")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("revisionNote");

    assertThat(instance).isWaitingAt("Task_ReviseDraft");
  }

  @Test
  void anUnknownDecisionIsRefusedAndNothingIsRouted() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("signOffDecision", "maybe")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("signOffDecision");

    assertThat(instance).isWaitingAt("Task_SignDraft");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "signOffDecision")).isNull();
  }

  @Test
  void aDraftAwaitingSignatureCanBeCancelledWithoutADecision() {
    ProcessInstance instance = start();

    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "Nhiệm vụ bị hủy");

    assertThat(instance).isEnded();
  }
}
