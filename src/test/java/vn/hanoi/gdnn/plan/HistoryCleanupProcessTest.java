package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.approve;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.consult;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.issue;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.start;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * History cleanup with the removal-time strategy (application.yaml), on a controlled clock: a procedure whose
 * own time-to-live has long passed keeps its history while the deliverable that called it is still running;
 * the deliverable's whole history (lifecycle and procedures) goes only when the lifecycle's ten years after its
 * end have passed.
 */
@Deployment(resources = "processes/lifecycle-ubnd-decision.bpmn")
class HistoryCleanupProcessTest {

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
    standIns = LifecycleTestSupport.deployProcedureStandIns(engine); // stand-ins keep history for one day only
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    engine.getHistoryService().findHistoryCleanupJobs()
        .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
    engine.getRepositoryService().deleteDeployment(standIns, true);
  }

  @Test
  void aRunningDeliverableKeepsTheHistoryOfItsProceduresAndAllGoesTenYearsAfterItsEnd() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance p = start(engine, "lifecycleUbndDecision", "7.2", "so-gddt");
    fireTimer(engine, "7.2", "Event_WaitForPeriod");
    complete(engine, "7.2", "Task_Draft", "draftReference", "Dự thảo số 01", "draftSummary", "Nội dung chính.");
    consult(engine, "7.2");
    String consultation = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("consultation").processInstanceBusinessKey("7.2").singleResult().getId();

    // a year later the consultation (time-to-live: one day) has ended long ago; the deliverable still runs
    at(start, Duration.ofDays(365));
    cleanUp();
    assertThat(historicInstances()).as("the consultation's record, needed by the running deliverable").isEqualTo(2);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(consultation)
        .singleResult().getRemovalTime()).as("no removal time while the root runs").isNull();

    approve(engine, "7.2");
    issue(engine, "7.2");
    Date ended = ClockUtil.getCurrentTime();
    assertThat(historicInstances()).isEqualTo(4);

    at(ended, Duration.ofDays(3649));
    cleanUp();
    assertThat(historicInstances()).as("within ten years of the end: every record kept").isEqualTo(4);

    at(ended, Duration.ofDays(3651));
    cleanUp();
    assertThat(historicInstances()).as("ten years after the end: the deliverable's whole history removed").isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId()).count())
        .isZero();
  }

  private void at(Date from, Duration later) {
    ClockUtil.setCurrentTime(new Date(from.getTime() + later.toMillis()));
  }

  private long historicInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("7.2").count();
  }

  /** What the job executor does in the night window: the history cleanup job, run now. */
  private void cleanUp() {
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(job.getId());
  }
}
