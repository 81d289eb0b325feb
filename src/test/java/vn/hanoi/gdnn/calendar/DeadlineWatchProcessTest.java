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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
 * The deadline policy on a sample process: every user task with a due date gets a {@code deadlineWatch}
 * instance; reminders, overdue marking and escalation run as timers on a controlled clock.
 */
class DeadlineWatchProcessTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private String deploymentId;

  @BeforeEach
  void deploy() {
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/deadline-watch.bpmn")
        .addClasspathResource("forms/deadline-escalation.form")
        .addModelInstance("dossier-test.bpmn", Bpmn.createExecutableProcess("dossierTest")
            .name("Thử xử lý hồ sơ").camundaHistoryTimeToLive(1)
            .startEvent("Event_Received")
            .userTask("Task_ProcessDossier").name("Xử lý hồ sơ").camundaCandidateGroups("so-gddt")
            .camundaDueDate("${dueSpec}")
            .endEvent("Event_Processed")
            .done())
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
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
    Map<String, Object> variables = new HashMap<>(Map.of("dueSpec", "P5WD"));
    variables.putAll(extra);
    return engine.getRuntimeService().startProcessInstanceByKey("dossierTest", "HS-2026-001", variables);
  }

  private Task dossierTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private ProcessInstance watch() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadlineWatch")
        .singleResult();
  }

  private Job onlyJob(ProcessInstance watch) {
    return engine.getManagementService().createJobQuery().processInstanceId(watch.getId()).singleResult();
  }

  /** Moves the clock to the watch's next job and runs it, as the job executor would. */
  private Date runNextJob(ProcessInstance watch) {
    Job job = onlyJob(watch);
    ClockUtil.setCurrentTime(job.getDuedate());
    ManagementService management = engine.getManagementService();
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
    management.executeJob(job.getId());
    return job.getDuedate();
  }

  private List<String> comments(Task task) {
    return engine.getTaskService().getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList();
  }

  @Test
  void overdueTaskIsRemindedMarkedForTheLeadersAndEscalatedToTheOfficeAfterThreeReminders() {
    now(2026, 2, 10, 9, 0); // Tuesday; five working days run across Tết to 24/02/2026
    ProcessInstance dossier = startDossier(Map.of());
    Task task = dossierTask(dossier);
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 2, 24, 17, 0));

    ProcessInstance watch = watch();
    assertThat(watch.getBusinessKey()).isEqualTo("HS-2026-001");
    // one watch per open task of the city: it keeps only what its timers need
    assertThat(watch).isWaitingAt("Event_ReminderDate")
        .variables().containsOnlyKeys("taskId", "dueDate", "reminderAt", "reminderIntervalDays")
        .containsEntry("taskId", task.getId()).containsEntry("dueDate", hanoi(2026, 2, 24, 17, 0));

    // two working days before the due date (23/02, 13/02), at the start of office hours
    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 2, 13, 8, 0));
    assertThat(comments(task)).containsExactly("Nhắc việc lần 1: hạn xử lý 24/02/2026");
    assertThat(watch).isWaitingAt("Event_DueDate");

    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 2, 24, 17, 0));
    TaskService tasks = engine.getTaskService();
    assertThat(tasks.getVariableLocal(task.getId(), "overdue")).isEqualTo(true);
    assertThat(dossierTask(dossier).getPriority()).isEqualTo(80);
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("so-gddt", "so-gddt-lanh-dao");
    assertThat(tasks.createTaskQuery().taskCandidateGroup("so-gddt-lanh-dao").count()).isEqualTo(1);
    assertThat(comments(task)).contains("Quá hạn xử lý: hạn 24/02/2026 đã qua; đã báo lãnh đạo so-gddt.");

    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 2, 25, 17, 0));
    assertThat(comments(task)).contains("Nhắc việc lần 2: hạn xử lý 24/02/2026 (đã quá hạn)");
    assertThat(watch).isWaitingAt("Event_ReminderInterval");

    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 2, 26, 17, 0));
    assertThat(comments(task)).contains("Nhắc việc lần 3: hạn xử lý 24/02/2026 (đã quá hạn)");
    assertThat(watch).isWaitingAt("Task_EscalateOverdue");
    Task escalation = tasks.createTaskQuery().processInstanceId(watch.getId()).singleResult();
    assertThat(escalation.getName()).isEqualTo("Đôn đốc xử lý việc quá hạn: Xử lý hồ sơ");
    // what the office reads on its form
    assertThat(tasks.getVariables(escalation.getId())).containsEntry("taskName", "Xử lý hồ sơ")
        .containsEntry("dueDateText", "24/02/2026").containsEntry("unitName", "so-gddt")
        .containsEntry("reminderCount", 3);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("vp-ubnd-theo-doi").count()).isEqualTo(1);
    // the office's own task is not watched
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadlineWatch")
        .count()).isEqualTo(1);

    // closing the escalation without saying what was done is refused; the office's task stays open
    assertThatThrownBy(() -> tasks.complete(escalation.getId(), Map.of("escalationAction", "   ")))
        .hasMessageContaining("escalationAction");
    assertThat(watch).isWaitingAt("Task_EscalateOverdue");
    tasks.complete(escalation.getId(), Map.of("escalationAction", "Đã có văn bản đôn đốc số 15/VP-TH."));
    assertThat(watch).isEnded().hasPassed("Event_Escalated");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(watch.getId())
        .variableName("escalationAction").singleResult().getValue()).isEqualTo("Đã có văn bản đôn đốc số 15/VP-TH.");

    tasks.complete(task.getId());
    assertThat(dossier).isEnded();
  }

  @Test
  void overdueTaskHandedToAnotherUnitIsReportedToThatUnitsLeaders() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of("reminderLeadDays", 0));
    Task task = dossierTask(dossier);
    TaskService tasks = engine.getTaskService();
    tasks.deleteCandidateGroup(task.getId(), "so-gddt");
    tasks.addCandidateGroup(task.getId(), "so-nv");

    assertThat(runNextJob(watch())).isEqualTo(hanoi(2026, 3, 9, 17, 0));

    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("so-nv", "so-nv-lanh-dao");
    assertThat(comments(task)).containsExactly("Quá hạn xử lý: hạn 09/03/2026 đã qua; đã báo lãnh đạo so-nv.");
  }

  @Test
  void completingTheTaskEndsTheWatchVisiblyInHistory() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance watch = watch();

    engine.getTaskService().complete(dossierTask(dossier).getId());

    assertThat(watch).isEnded().hasPassed("Event_TaskClosed", "Event_WatchClosed").hasNotPassed("Task_RemindBeforeDue");
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
  }

  @Test
  void cancellingTheCaseEndsTheWatch() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance watch = watch();

    engine.getRuntimeService().deleteProcessInstance(dossier.getId(), "Hồ sơ bị rút");

    assertThat(watch).isEnded().hasPassed("Event_WatchClosed");
  }

  @Test
  void shortDeadlineSkipsTheEarlyReminderAndUsesTheProcessOwnInterval() {
    now(2026, 3, 2, 9, 0); // Monday; one working day: due 03/03 17:00, too close for a two-day reminder
    ProcessInstance dossier = startDossier(Map.of("dueSpec", "P1WD", "reminderIntervalDays", 2));
    ProcessInstance watch = watch();
    assertThat(watch).isWaitingAt("Event_DueDate").variables().doesNotContainKey("reminderAt")
        .containsEntry("reminderIntervalDays", 2);

    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 3, 3, 17, 0));
    assertThat(watch).hasPassed("Task_MarkOverdue").hasNotPassed("Task_RemindBeforeDue");
    assertThat(runNextJob(watch)).isEqualTo(hanoi(2026, 3, 5, 17, 0));
    assertThat(comments(dossierTask(dossier))).contains("Nhắc việc lần 1: hạn xử lý 03/03/2026 (đã quá hạn)");
  }

  @Test
  void changingTheDueDateRestartsTheWatchWithTheNewDate() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance first = watch();
    Task task = dossierTask(dossier);
    assertThat(task.getDueDate()).isEqualTo(hanoi(2026, 3, 9, 17, 0));

    task.setDueDate(hanoi(2026, 3, 20, 17, 0));
    engine.getTaskService().saveTask(task);

    assertThat(first).isEnded().hasPassed("Event_DueDateChanged", "Event_WatchReplaced");
    ProcessInstance second = watch();
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second).variables().containsEntry("dueDate", hanoi(2026, 3, 20, 17, 0));
    assertThat(onlyJob(second).getDuedate()).isEqualTo(hanoi(2026, 3, 18, 8, 0));

    // an update that does not touch the due date leaves the watch alone
    engine.getTaskService().setAssignee(task.getId(), "chuyenvien1");
    assertThat(watch().getId()).isEqualTo(second.getId());
  }

  @Test
  void removingTheDueDateEndsTheWatchAndTheTaskCompletesWithoutOne() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = startDossier(Map.of());
    ProcessInstance watch = watch();
    Task task = dossierTask(dossier);

    task.setDueDate(null);
    engine.getTaskService().saveTask(task);

    assertThat(watch).isEnded().hasPassed("Event_DueDateChanged", "Event_WatchReplaced");
    assertThat(watch()).isNull();
    engine.getTaskService().complete(task.getId());
    assertThat(dossier).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("deadlineWatch")
        .count()).isEqualTo(1);
  }

  @Test
  void taskWithoutDueDateIsNotWatched() {
    now(2026, 3, 2, 9, 0);
    ProcessInstance dossier = engine.getRuntimeService().startProcessInstanceByKey("dossierTest",
        java.util.Collections.singletonMap("dueSpec", null));
    assertThat(dossierTask(dossier).getDueDate()).isNull();
    HistoricProcessInstance none = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("deadlineWatch").singleResult();
    assertThat(none).isNull();
  }
}
