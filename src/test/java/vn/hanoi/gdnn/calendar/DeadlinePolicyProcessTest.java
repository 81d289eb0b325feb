package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * The deadline policy on a sample process: every user task with a due date gets its own timer (no second
 * process); reminders, overdue marking and escalation run as those timers on a controlled clock, and the
 * escalation process ({@code deadlineEscalation}) is driven along each of its paths.
 */
class DeadlinePolicyProcessTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private String deploymentId;

  @BeforeEach
  void deploy() {
    ProcessTestEngine.deadlineTimers(true);
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/deadline-escalation.bpmn")
        .addClasspathResource("forms/deadline-escalation.form")
        .addModelInstance("dossier-test.bpmn", Bpmn.createExecutableProcess("dossierTest")
            .name("Thử xử lý hồ sơ").camundaHistoryTimeToLive(1)
            .startEvent("Event_Received")
            .userTask("Task_ProcessDossier").name("Xử lý hồ sơ").camundaCandidateGroups("${unit}")
            .camundaDueDate("${dueSpec}")
            .endEvent("Event_Processed")
            .done())
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    ProcessTestEngine.deadlineTimers(false);
    ClockUtil.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  private static void now(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(hanoi(year, month, day, hour, minute));
  }

  private static Date hanoi(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, HANOI).toInstant());
  }

  private ProcessInstance startDossier(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("dueSpec", "P5WD", "unit", "so-gddt"));
    variables.putAll(extra);
    return engine.getRuntimeService().startProcessInstanceByKey("dossierTest", "HS-2026-001", variables);
  }

  private Task dossierTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The task's one waiting deadline timer (the sample process has no timer of its own). */
  private Job onlyJob(ProcessInstance dossier) {
    return engine.getManagementService().createJobQuery().processInstanceId(dossier.getId()).singleResult();
  }

  /** Moves the clock to the task's next timer and runs it, as the job executor would. */
  private Date runNextJob(ProcessInstance dossier) {
    Job job = onlyJob(dossier);
    ClockUtil.setCurrentTime(job.getDuedate());
    ManagementService management = engine.getManagementService();
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
    management.executeJob(job.getId());
    return job.getDuedate();
  }

  private ProcessInstance escalation() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadlineEscalation")
        .singleResult();
  }

  private List<String> comments(Task task) {
    return engine.getTaskService().getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList();
  }

  /** Runs the timers of a task up to its escalation: early reminder, overdue mark, two more reminders. */
  private ProcessInstance escalate(ProcessInstance dossier) {
    for (int step = 0; step < 4; step++) {
      runNextJob(dossier);
    }
    return escalation();
  }

  @Test
  void overdueTaskIsRemindedMarkedForTheLeadersAndEscalatedToTheOfficeAfterThreeReminders() {
    now(2026, 2, 10, 9, 0); // Tuesday; five working days run across Tết to 24/02/2026
    ProcessInstance dossier = startDossier(Map.of());
    Task task = dossierTask(dossier);
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 2, 24, 17, 0));
    // the task's own timer, no second process
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    assertThat(onlyJob(dossier).getExecutionId()).isEqualTo(task.getExecutionId());

    // two working days before the due date (23/02, 13/02), at the start of office hours
    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 2, 13, 8, 0));
    assertThat(comments(task)).containsExactly("Nhắc việc lần 1: hạn xử lý 24/02/2026");

    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 2, 24, 17, 0));
    TaskService tasks = engine.getTaskService();
    assertThat(tasks.getVariableLocal(task.getId(), "overdue")).isEqualTo(true);
    assertThat(dossierTask(dossier).getPriority()).isEqualTo(80);
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("so-gddt", "so-gddt-lanh-dao");
    assertThat(tasks.createTaskQuery().taskCandidateGroup("so-gddt-lanh-dao").count()).isEqualTo(1);
    assertThat(comments(task)).contains("Quá hạn xử lý: hạn 24/02/2026 đã qua; đã báo lãnh đạo so-gddt.");

    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 2, 25, 17, 0));
    assertThat(comments(task)).contains("Nhắc việc lần 2: hạn xử lý 24/02/2026 (đã quá hạn)");
    assertThat(escalation()).isNull();

    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 2, 26, 17, 0));
    assertThat(comments(task)).contains("Nhắc việc lần 3: hạn xử lý 24/02/2026 (đã quá hạn)");
    ProcessInstance escalation = escalation();
    assertThat(escalation.getBusinessKey()).isEqualTo("HS-2026-001");
    assertThat(escalation).isWaitingAt("Task_EscalateOverdue");
    // reminders have run out: no timer is left on the task
    assertThat(onlyJob(dossier)).isNull();
    Task office = tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
    assertThat(office.getName()).isEqualTo("Đôn đốc xử lý việc quá hạn: Xử lý hồ sơ");
    // what the office reads on its form
    assertThat(tasks.getVariables(office.getId())).containsEntry("taskName", "Xử lý hồ sơ")
        .containsEntry("dueDateText", "24/02/2026").containsEntry("unitName", "so-gddt")
        .containsEntry("reminderCount", 3);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("vp-ubnd-theo-doi").count()).isEqualTo(1);
    // the office's own task has no deadline timers
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(escalation.getId()).count())
        .isZero();

    // closing the escalation without saying what was done is refused; the office's task stays open
    assertThatThrownBy(() -> tasks.complete(office.getId(), Map.of("escalationAction", "   ")))
        .hasMessageContaining("escalationAction");
    assertThat(escalation).isWaitingAt("Task_EscalateOverdue");
    tasks.complete(office.getId(), Map.of("escalationAction", "Đã có văn bản đôn đốc số 15/VP-TH."));
    assertThat(escalation).isEnded().hasPassed("Event_Escalated");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(escalation.getId())
        .variableName("escalationAction").singleResult().getValue()).isEqualTo("Đã có văn bản đôn đốc số 15/VP-TH.");

    tasks.complete(task.getId());
    assertThat(dossier).isEnded();
  }

  @Test
  void overdueWorkOfAPeoplesCouncilBodyIsEscalatedToTheCouncilsOfficeNotTheUbndOffice() {
    now(2026, 2, 10, 9, 0);
    ProcessInstance dossier = startDossier(Map.of("unit", "hdnd-ban-vhxh"));

    ProcessInstance escalation = escalate(dossier);

    TaskService tasks = engine.getTaskService();
    Task office = tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(office.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("vp-hdnd");
    assertThat(tasks.createTaskQuery().taskCandidateGroup("vp-ubnd-theo-doi").count()).isZero();
  }

  @Test
  void completingAnEscalatedTaskEndsItsEscalationVisiblyInHistory() {
    now(2026, 2, 10, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance escalation = escalate(dossier);

    engine.getTaskService().complete(dossierTask(dossier).getId());

    assertThat(escalation).isEnded().hasPassed("Event_TaskClosed", "Event_WatchClosed").hasNotPassed("Event_Escalated");
    assertThat(dossier).isEnded();
  }

  @Test
  void extendingAnEscalatedTaskEndsItsEscalationAndStartsThePolicyAgainFromTheNewDate() {
    now(2026, 2, 10, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance escalation = escalate(dossier);
    Task task = dossierTask(dossier);

    task.setDueDate(hanoi(2026, 3, 20, 17, 0));
    engine.getTaskService().saveTask(task);

    assertThat(escalation).isEnded().hasPassed("Event_DueDateChanged", "Event_WatchReplaced");
    assertThat(onlyJob(dossier).getDuedate()).isEqualTo(hanoi(2026, 3, 18, 8, 0));
    runNextJob(dossier);
    assertThat(comments(task)).contains("Nhắc việc lần 1: hạn xử lý 20/03/2026");
  }

  @Test
  void overdueTaskHandedToAnotherUnitIsReportedToThatUnitsLeaders() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of("reminderLeadDays", 0));
    Task task = dossierTask(dossier);
    TaskService tasks = engine.getTaskService();
    tasks.deleteCandidateGroup(task.getId(), "so-gddt");
    tasks.addCandidateGroup(task.getId(), "so-nv");

    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 3, 9, 17, 0));

    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("so-nv", "so-nv-lanh-dao");
    assertThat(comments(task)).containsExactly("Quá hạn xử lý: hạn 09/03/2026 đã qua; đã báo lãnh đạo so-nv.");
  }

  @Test
  void completingTheTaskEndsItsTimerInTheSameTransaction() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    assertThat(onlyJob(dossier)).isNotNull();

    engine.getTaskService().complete(dossierTask(dossier).getId());

    assertThat(dossier).isEnded();
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(1);
  }

  @Test
  void cancellingTheCaseEndsTheTimer() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());

    engine.getRuntimeService().deleteProcessInstance(dossier.getId(), "Hồ sơ bị rút");

    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
  }

  @Test
  void shortDeadlineSkipsTheEarlyReminderAndUsesTheProcessOwnInterval() {
    now(2026, 3, 2, 9, 0); // Monday; one working day: due 03/03 17:00, too close for a two-day reminder
    ProcessInstance dossier = startDossier(Map.of("dueSpec", "P1WD", "reminderIntervalDays", 2));

    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 3, 3, 17, 0));
    assertThat(comments(dossierTask(dossier))).containsExactly("Quá hạn xử lý: hạn 03/03/2026 đã qua; đã báo lãnh đạo so-gddt.");
    assertThat(runNextJob(dossier)).isEqualTo(hanoi(2026, 3, 5, 17, 0));
    assertThat(comments(dossierTask(dossier))).contains("Nhắc việc lần 1: hạn xử lý 03/03/2026 (đã quá hạn)");
  }

  @Test
  void changingTheDueDateMovesTheTaskTimer() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    Task task = dossierTask(dossier);
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 3, 9, 17, 0));
    String first = onlyJob(dossier).getId();

    task.setDueDate(hanoi(2026, 3, 20, 17, 0));
    engine.getTaskService().saveTask(task);

    Job moved = onlyJob(dossier);
    assertThat(moved.getId()).isNotEqualTo(first);
    assertThat(moved.getDuedate()).isEqualTo(hanoi(2026, 3, 18, 8, 0));

    // an update that does not touch the due date leaves the timer alone
    engine.getTaskService().setAssignee(task.getId(), "chuyenvien1");
    assertThat(onlyJob(dossier).getId()).isEqualTo(moved.getId());
  }

  @Test
  void removingTheDueDateEndsTheTimerAndTheTaskCompletesWithoutOne() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    Task task = dossierTask(dossier);

    task.setDueDate(null);
    engine.getTaskService().saveTask(task);

    assertThat(onlyJob(dossier)).isNull();
    engine.getTaskService().complete(task.getId());
    assertThat(dossier).isEnded();
  }

  @Test
  void taskWithoutDueDateHasNoTimer() {
    now(2026, 3, 2, 9, 0);
    Map<String, Object> variables = new HashMap<>();
    variables.put("dueSpec", null);
    variables.put("unit", "so-gddt");
    ProcessInstance dossier = engine.getRuntimeService().startProcessInstanceByKey("dossierTest", variables);
    assertThat(dossierTask(dossier).getDueDate()).isNull();
    assertThat(onlyJob(dossier)).isNull();
  }
}
