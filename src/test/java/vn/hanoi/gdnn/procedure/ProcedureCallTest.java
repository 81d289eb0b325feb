package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * A procedure's contract applied at a call activity: inputs copied, renamed and computed; outputs mapped back
 * under the caller's names; a call site that forgets its own input fails with a message naming it, before any
 * procedure starts.
 */
class ProcedureCallTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private static final ProcedureContract CONTRACT = new ProcedureContract("contractStandIn",
      List.of("deliverableCode", "draftReference"), Map.of("consultedUnits", "coUnits"),
      Map.of("issuanceDays", "issuance"), List.of("issuerGroup"), Map.of("signer", "signedBy"));

  private ProcessEngine engine;
  private String deployment;

  @BeforeAll
  static void beans() {
    ProcessTestEngine.registerBean("contractStandInCall", new ProcedureCall(CONTRACT, ProcedureBeans.shippedPeriods()));
  }

  @BeforeEach
  void deploy() {
    engine = extension.getProcessEngine();
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("callee.bpmn", callee()).addModelInstance("caller.bpmn", caller("vp-ubnd"))
        .addModelInstance("forgetful.bpmn", caller(null)).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void theContractsInputsArriveAndItsOutputsComeBackUnderTheCallersNames() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("contractCaller", "4.1",
        Map.of("deliverableCode", "4.1", "draftReference", "Dự thảo 01", "coUnits", "[\"so-tc\"]",
            "issuanceDays", 7, "unrelated", "không truyền", "issuer", "vp-ubnd"));
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("contractStandIn").singleResult();
    Map<String, Object> in = engine.getRuntimeService().getVariables(called.getId());
    assertThat(in).containsEntry("deliverableCode", "4.1").containsEntry("draftReference", "Dự thảo 01")
        .containsEntry("consultedUnits", "[\"so-tc\"]").containsEntry("issuerGroup", "vp-ubnd")
        .as("a period the deliverable overrides").containsEntry("issuanceDays", 7).doesNotContainKey("unrelated");

    String task = engine.getTaskService().createTaskQuery().processInstanceId(called.getId()).singleResult().getId();
    engine.getTaskService().complete(task, Map.of("signer", "Phó Chủ tịch UBND Thành phố", "internal", "x"));

    Map<String, Object> out = new java.util.HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(p.getId()).list()
        .forEach(v -> out.put(v.getName(), v.getValue()));
    assertThat(out).containsEntry("signedBy", "Phó Chủ tịch UBND Thành phố").doesNotContainKey("internal");
  }

  @Test
  void aPeriodLeftToTheDefaultIsTheConfiguredOne() {
    engine.getRuntimeService().startProcessInstanceByKey("contractCaller", "4.1",
        Map.of("deliverableCode", "4.1", "issuer", "vp-ubnd"));
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("contractStandIn").singleResult();
    assertThat(engine.getRuntimeService().getVariable(called.getId(), "issuanceDays"))
        .isEqualTo(ProcedureBeans.shippedPeriods().defaultOf("issuance"));
  }

  @Test
  void aCallSiteWithoutItsOwnInputFailsNamingIt() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("contractForgetful", "4.1",
        Map.of("deliverableCode", "4.1"))).hasMessageContaining("issuerGroup").hasMessageContaining("contractStandIn");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("contractStandIn").count())
        .isZero();
  }

  private static BpmnModelInstance callee() {
    return Bpmn.createExecutableProcess("contractStandIn").name("Thủ tục thử").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_StandIn").name("Thủ tục").endEvent().done();
  }

  private static BpmnModelInstance caller(String issuer) {
    var call = Bpmn.createExecutableProcess(issuer == null ? "contractForgetful" : "contractCaller").name("Gọi thử")
        .camundaHistoryTimeToLive(1).startEvent().callActivity("Call_StandIn").name("Gọi thủ tục")
        .calledElement("contractStandIn").camundaVariableMappingDelegateExpression("${contractStandInCall}");
    if (issuer != null) {
      call = call.camundaIn("issuer", "issuerGroup");
    }
    return call.endEvent().done();
  }
}
