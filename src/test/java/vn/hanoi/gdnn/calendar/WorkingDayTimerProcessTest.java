package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.hanoi.gdnn.ProcessTestEngine;

/** BPMN timers and task dates written in working days, on the engine with the calendar plugin. */
class WorkingDayTimerProcessTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private String deploymentId;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  private void deploy(BpmnModelInstance model) {
    deploymentId = engine.getRepositoryService().createDeployment()
        .addModelInstance("working-day-test.bpmn", model).deploy().getId();
  }

  private static void now(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, HANOI).toInstant()));
  }

  private static Date hanoi(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, HANOI).toInstant());
  }

  private List<Job> executableJobs(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
  }

  @Test
  void timerInWorkingDaysWaitsOutTetAndFiresAtTheEndOfTheFifthWorkingDay() {
    deploy(Bpmn.createExecutableProcess("workingDayTimerTest").name("Thử hẹn giờ theo ngày làm việc")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .intermediateCatchEvent("Event_WaitConsultation").timerWithDuration("P${consultationDays}WD")
        .userTask("Task_Summarise").camundaDueDate("P${consultationDays}WD").camundaFollowUpDate("P${followUpDays}WD")
        .endEvent("Event_End")
        .done());
    now(2026, 2, 12, 9, 30); // Thursday before Tết Bính Ngọ
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("workingDayTimerTest",
        Map.of("consultationDays", 5, "followUpDays", 2));

    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(hanoi(2026, 2, 26, 17, 0));

    now(2026, 2, 26, 16, 59);
    assertThat(executableJobs(instance)).isEmpty();
    now(2026, 2, 26, 17, 0);
    management.executeJob(executableJobs(instance).get(0).getId());

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Summarise");
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 3, 5, 17, 0));
    assertThat(task.getFollowUpDate()).isEqualTo(hanoi(2026, 3, 2, 17, 0));
  }

  @Test
  void plainIso8601KeepsItsMeaning() {
    deploy(Bpmn.createExecutableProcess("isoTimerTest").name("Thử hẹn giờ ISO 8601")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .intermediateCatchEvent("Event_Wait").timerWithDuration("${timerSpec}")
        .userTask("Task_Work").camundaDueDate("${dueSpec}")
        .endEvent("Event_End")
        .done());
    now(2026, 2, 13, 10, 0); // the Friday before Tết: calendar days, not working days
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("isoTimerTest",
        Map.of("timerSpec", "P2D", "dueSpec", "P3D"));

    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(hanoi(2026, 2, 15, 10, 0));
    now(2026, 2, 15, 10, 0);
    engine.getManagementService().executeJob(timer.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 2, 18, 10, 0));

    ProcessInstance dated = engine.getRuntimeService().startProcessInstanceByKey("isoTimerTest",
        Map.of("timerSpec", "PT2H", "dueSpec", "2026-03-01T10:00:00"));
    Job shortTimer = engine.getManagementService().createJobQuery().processInstanceId(dated.getId()).singleResult();
    assertThat(shortTimer.getDuedate()).isEqualTo(hanoi(2026, 2, 15, 12, 0));
  }

  @Test
  void calendarDayPeriodEndingDuringTetMovesToTheFirstWorkingDayAfter() {
    deploy(Bpmn.createExecutableProcess("calendarDayTest").name("Thử thời hạn theo ngày")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .userTask("Task_GiveOpinion").camundaDueDate("P${opinionDays}CD")
        .endEvent("Event_End")
        .done());
    now(2026, 2, 10, 10, 0);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("calendarDayTest",
        Map.of("opinionDays", 5));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 2, 23, 17, 0));
  }

  @Test
  void cycleInWorkingDaysRepeatsOnWorkingDaysOnly() {
    deploy(Bpmn.createExecutableProcess("workingDayCycleTest").name("Thử chu kỳ theo ngày làm việc")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .userTask("Task_Report")
        .boundaryEvent("Event_Remind").cancelActivity(false).timerWithCycle("R2/P1WD")
        .endEvent("Event_Reminded")
        .moveToActivity("Task_Report").endEvent("Event_End")
        .done());
    now(2026, 2, 12, 9, 0);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("workingDayCycleTest");
    ManagementService management = engine.getManagementService();

    Job first = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(first.getDuedate()).isEqualTo(hanoi(2026, 2, 13, 17, 0));
    now(2026, 2, 13, 17, 0);
    management.executeJob(first.getId());

    Job second = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(second.getDuedate()).isEqualTo(hanoi(2026, 2, 23, 17, 0));
    now(2026, 2, 23, 17, 0);
    management.executeJob(second.getId());

    assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Event_Reminded").count()).isEqualTo(2);
  }
}
