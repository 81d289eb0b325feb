package vn.hanoi.gdnn.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * The project's process-test support (what the Operaton build runs every process test on) against the engine's
 * own assertion library, on the same process instance: both accept and both refuse the same statements.
 */
class BpmnAwareTestsTest {

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private String deploymentId;

  @BeforeEach
  void deploy() {
    deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("support.bpmn",
        Bpmn.createExecutableProcess("supportCheck").camundaHistoryTimeToLive(1).startEvent("Event_Start")
            .userTask("Task_Review").name("Xem xét hồ sơ").camundaCandidateGroups("so-gddt")
            .userTask("Task_Sign").name("Ký duyệt").endEvent("Event_Done").done()).deploy().getId();
    BpmnAwareTests.init(engine);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
    BpmnAwareTests.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  @Test
  void waitingPassedVariablesAndEndAreJudgedAsByTheEngineLibrary() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("supportCheck");

    BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Review").hasNotPassed("Task_Review").isNotEnded();
    vendor(instance).isWaitingAt("Task_Review").hasNotPassed("Task_Review").isNotEnded();
    BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasName("Xem xét hồ sơ").hasCandidateGroup("so-gddt");
    assertThatThrownBy(() -> BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Sign"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> vendor(instance).isWaitingAt("Task_Sign")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("so-tc"))
        .isInstanceOf(AssertionError.class);

    BpmnAwareTests.complete(BpmnAwareTests.task(instance), BpmnAwareTests.withVariables("opinion", "agree"));

    BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Sign").hasPassed("Task_Review").variables()
        .containsEntry("opinion", "agree");
    vendor(instance).isWaitingAt("Task_Sign").hasPassed("Task_Review").variables().containsEntry("opinion", "agree");
    assertThatThrownBy(() -> BpmnAwareTests.assertThat(instance).isEnded()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> vendor(instance).isEnded()).isInstanceOf(AssertionError.class);

    BpmnAwareTests.complete(BpmnAwareTests.task(instance));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_Review", "Task_Sign", "Event_Done").variables()
        .containsEntry("opinion", "agree");
    vendor(instance).isEnded().hasPassed("Task_Review", "Task_Sign", "Event_Done").variables()
        .containsEntry("opinion", "agree");
    assertThatThrownBy(() -> BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Sign"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> vendor(instance).isWaitingAt("Task_Sign")).isInstanceOf(AssertionError.class);
  }

  @Test
  @Deployment(resources = {"processes/issuance.bpmn", "forms/issuance-record.form"})
  void theExtensionDeploysTheDeclaredResourcesForOneTestOnly() throws Exception {
    ProcessEngineExtension extension = new ProcessEngineExtension().useProcessEngine(engine);
    Method method = getClass().getDeclaredMethod("theExtensionDeploysTheDeclaredResourcesForOneTestOnly");
    ExtensionContext context = mock(ExtensionContext.class);
    when(context.getTestMethod()).thenReturn(Optional.of(method));
    when(context.getTestClass()).thenReturn(Optional.of(getClass()));
    when(context.getRequiredTestClass()).thenAnswer(call -> getClass());
    when(context.getDisplayName()).thenReturn(method.getName());

    extension.beforeTestExecution(context);
    BpmnAwareTests.assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("issuance").count()).isEqualTo(1);
    extension.afterTestExecution(context);

    BpmnAwareTests.assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("issuance").count()).isZero();
  }

  private static org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert vendor(ProcessInstance instance) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance);
  }
}
