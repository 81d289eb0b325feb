package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.approve;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.consult;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.issue;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.start;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * A step that runs project code after a user task fails on purpose: starting the consultation needs the
 * deliverable's consultation period, which an amendment has left unreadable. The person who completed the draft
 * is not answered with an error; the call waits as a job, is retried on the engine's retry cycle
 * ({@link ProcessTestEngine#RETRY_CYCLE}, as in application.yaml), becomes an incident Cockpit shows, and after
 * the data is fixed and the job retried (what Cockpit's "retry" does) the deliverable goes on to its end.
 */
@Deployment(resources = "processes/lifecycle-ubnd-decision.bpmn")
class FailingStepIncidentProcessTest {

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
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    standIns = LifecycleTestSupport.deployProcedureStandIns(engine);
  }

  @AfterEach
  void removeStandIns() {
    ClockUtil.reset();
    engine.getRepositoryService().deleteDeployment(standIns, true);
  }

  @Test
  void aFailingProcedureStartIsRetriedBecomesAnIncidentAndRecoversAfterTheFix() {
    ProcessInstance p = start(engine, "lifecycleUbndDecision", "7.2", "so-gddt");
    engine.getRuntimeService().setVariable(p.getId(), "consultationDays", "mười");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    Date now = new Date();
    ClockUtil.setCurrentTime(now);

    // the drafting unit's submission succeeds: the failing step is not in its transaction
    complete(engine, "7.2", "Task_Draft", "draftReference", "Dự thảo số 01", "draftSummary", "Nội dung chính.");
    assertThat(p).isWaitingAt("Call_Consultation");
    Job job = callJob(p);
    assertThat(job.getRetries()).isEqualTo(3);

    // first and second attempt fail; each waits the retry interval
    for (int left = 2; left >= 1; left--) {
      String id = job.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id)).hasMessageContaining("consultationDays");
      job = callJob(p);
      assertThat(job.getRetries()).isEqualTo(left);
      assertThat(job.getDuedate()).isEqualTo(new Date(now.getTime() + Duration.ofMinutes(10).toMillis()));
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(p.getId()).count()).isZero();
    }
    String last = job.getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(last)).hasMessageContaining("consultationDays");

    // the third failure is an incident, with the reason, at the call activity
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(p.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Call_Consultation");
    assertThat(incident.getIncidentMessage()).contains("consultationDays");
    assertThat(callJob(p).getRetries()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("consultation").count())
        .as("no procedure started by the failed attempts").isZero();

    // an administrator fixes the period and retries
    engine.getRuntimeService().setVariable(p.getId(), "consultationDays", 5);
    engine.getManagementService().setJobRetries(callJob(p).getId(), 1);
    engine.getManagementService().executeJob(callJob(p).getId());

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(p.getId()).count()).isZero();
    consult(engine, "7.2");
    approve(engine, "7.2");
    issue(engine, "7.2");
    assertThat(p).isEnded().hasPassed("Call_Consultation", "Event_Done");
  }

  private Job callJob(ProcessInstance p) {
    return engine.getManagementService().createJobQuery().processInstanceId(p.getId())
        .activityId("Call_Consultation").singleResult();
  }
}
