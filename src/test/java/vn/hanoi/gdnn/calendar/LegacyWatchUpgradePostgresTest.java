package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.SecondApplication;

/**
 * A running system of the previous version — one {@code deadlineWatch} 1.2.0 instance per open task, at each of
 * its waiting states — is brought over when this version starts on its PostgreSQL database: each open task gets
 * the timer its watch was waiting for, with the reminders counted so far; the watches end with a reason in
 * history and no incident; an escalated watch stays the office's open task. Starting again changes nothing.
 */
class LegacyWatchUpgradePostgresTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  private final String jdbcUrl = EmbeddedPostgres.newDatabase();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date hanoi(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, HANOI).toInstant());
  }

  /** The previous version's engine: its watch model deployed, the policy's new timers not yet in the code. */
  private ProcessEngine previousVersion() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(jdbcUrl).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setJobExecutorActivate(false).setProcessEngineName("previous-version");
    // the working-day calendar only (its P1WD timers), without the deadline policy of this version
    configuration.getProcessEnginePlugins().add(new WorkingDayCalendarPlugin(WorkingDayCalendar.shipped(),
        new DeadlineProperties(false, null, null, null, null), EscalationRouting.ubndOfficeOnly(), () -> false,
        List::of));
    return configuration.buildProcessEngine();
  }

  record Work(String dossierId, String taskId, String watchId) {
  }

  /** A case with its open task, watched by a 1.2.0 watch placed where the old code would have it by now. */
  private static Work startWork(ProcessEngine engine, String key, String watchActivity, Map<String, Object> watchVars) {
    ProcessInstance dossier = engine.getRuntimeService().startProcessInstanceByKey("upgradeDossier", key,
        Map.of("unit", "so-gddt"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(dossier.getId()).singleResult();
    task.setDueDate(hanoi(2026, 3, 9, 17));
    engine.getTaskService().saveTask(task);
    String watchDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("deadlineWatch").singleResult().getId();
    var start = engine.getRuntimeService().createProcessInstanceById(watchDefinition).businessKey(key)
        .setVariable("taskId", task.getId()).setVariable("dueDate", task.getDueDate())
        .setVariable("reminderIntervalDays", 1).setVariables(watchVars)
        .startBeforeActivity(watchActivity);
    String watchId = start.execute(true, true).getId();
    return new Work(dossier.getId(), task.getId(), watchId);
  }

  @Test
  void runningWatchesOfThePreviousVersionBecomeTaskTimersAndEndWithAReason() {
    ClockUtil.setCurrentTime(hanoi(2026, 3, 2, 9));
    Work beforeReminder;
    Work beforeDue;
    Work overdue;
    Work escalated;
    ProcessEngine previous = previousVersion();
    try {
      previous.getRepositoryService().createDeployment().name("previous-version")
          .addClasspathResource("versions/deadline-watch-1.2.0.bpmn")
          .addModelInstance("upgrade-dossier.bpmn", Bpmn.createExecutableProcess("upgradeDossier")
              .name("Thử nâng cấp").camundaHistoryTimeToLive(30).camundaVersionTag("1.0.0")
              .startEvent("Event_Received")
              .userTask("Task_ProcessDossier").name("Xử lý hồ sơ").camundaCandidateGroups("${unit}")
              .endEvent("Event_Processed").done())
          .deploy();
      beforeReminder = startWork(previous, "NC-1", "Event_ReminderDate",
          Map.of("reminderAt", hanoi(2026, 3, 5, 8)));
      beforeDue = startWork(previous, "NC-2", "Event_DueDate", Map.of("reminderCount", 1));
      ClockUtil.setCurrentTime(hanoi(2026, 3, 10, 9)); // the day after the due date
      overdue = startWork(previous, "NC-3", "Event_ReminderInterval", Map.of("reminderCount", 2));
      escalated = startWork(previous, "NC-4", "Task_EscalateOverdue", Map.of("reminderCount", 3,
          "taskName", "Xử lý hồ sơ", "dueDateText", "09/03/2026", "unitName", "Sở Giáo dục và Đào tạo"));
      assertThat(previous.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadlineWatch")
          .count()).isEqualTo(4);
    } finally {
      previous.close();
    }

    try (ConfigurableApplicationContext current = SecondApplication.onPostgres("upgradeWatches", jdbcUrl, Map.of())) {
      ProcessEngine engine = current.getBean(ProcessEngine.class);
      var runtime = engine.getRuntimeService();
      var management = engine.getManagementService();
      var tasks = engine.getTaskService();

      // only the escalated watch is left: it is the office's open task
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deadlineWatch").list())
          .extracting(ProcessInstance::getId).containsExactly(escalated.watchId());
      assertThat(management.createJobQuery().withException().count()).isZero();
      assertThat(engine.getHistoryService().createHistoricIncidentQuery().count()).isZero();
      for (Work work : List.of(beforeReminder, beforeDue, overdue)) {
        HistoricProcessInstance watch = engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(work.watchId()).singleResult();
        assertThat(watch.getDeleteReason()).isEqualTo(LegacyWatchUpgrade.REASON);
        assertThat(watch.getState()).isEqualTo(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED);
      }

      // each open task waits for the step its watch was waiting for, at the same moment
      assertThat(timer(engine, beforeReminder).getDuedate()).isEqualTo(hanoi(2026, 3, 5, 8));
      assertThat(timer(engine, beforeDue).getDuedate()).isEqualTo(hanoi(2026, 3, 9, 17));
      Job overdueTimer = timer(engine, overdue);
      assertThat(overdueTimer.getDuedate()).isEqualTo(hanoi(2026, 3, 11, 17));
      assertThat(timer(engine, escalated)).isNull();

      // the overdue task's count went on: its next reminder is the third, and the office is asked to act
      ClockUtil.setCurrentTime(new Date(overdueTimer.getDuedate().getTime() + 1000));
      management.executeJob(overdueTimer.getId());
      assertThat(tasks.getTaskComments(overdue.taskId())).extracting(Comment::getFullMessage)
          .containsExactly("Nhắc việc lần 3: hạn xử lý 09/03/2026 (đã quá hạn)");
      ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("deadlineEscalation")
          .singleResult();
      assertThat(escalation.getBusinessKey()).isEqualTo("NC-3");

      // the escalated task closes its old watch as before: by message, visible in the watch's history
      tasks.complete(escalated.taskId());
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(escalated.watchId()).count()).isZero();
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(escalated.watchId()).activityId("Event_TaskClosed").count()).isEqualTo(1);

      // a second node starting (or this one again) finds nothing left to bring over
      long jobs = management.createJobQuery().count();
      assertThat(LegacyWatchUpgrade.run(engine)).isZero();
      assertThat(management.createJobQuery().count()).isEqualTo(jobs);
    }
  }

  /** A node of this version, as far as the upgrade needs it: the engine with the deadline policy. */
  private ProcessEngine currentNode(String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(jdbcUrl).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setJobExecutorActivate(false).setProcessEngineName(name);
    configuration.getProcessEnginePlugins().add(new WorkingDayCalendarPlugin());
    return configuration.buildProcessEngine();
  }

  @Test
  void twoNodesUpgradingAtTheSameMomentGiveEachTaskOneTimer() throws Exception {
    ClockUtil.setCurrentTime(hanoi(2026, 3, 2, 9));
    List<Work> work = new java.util.ArrayList<>();
    ProcessEngine previous = previousVersion();
    try {
      previous.getRepositoryService().createDeployment().name("previous-version")
          .addClasspathResource("versions/deadline-watch-1.2.0.bpmn")
          .addModelInstance("upgrade-dossier.bpmn", Bpmn.createExecutableProcess("upgradeDossier")
              .name("Thử nâng cấp").camundaHistoryTimeToLive(30).camundaVersionTag("1.0.0")
              .startEvent("Event_Received")
              .userTask("Task_ProcessDossier").name("Xử lý hồ sơ").camundaCandidateGroups("${unit}")
              .endEvent("Event_Processed").done())
          .deploy();
      for (int i = 0; i < 300; i++) {
        work.add(startWork(previous, "NC-" + i, "Event_DueDate", Map.of()));
      }
    } finally {
      previous.close();
    }

    ProcessEngine nodeA = currentNode("upgradeA");
    ProcessEngine nodeB = currentNode("upgradeB");
    try {
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var a = pool.submit(() -> LegacyWatchUpgrade.run(nodeA));
      var b = pool.submit(() -> LegacyWatchUpgrade.run(nodeB));
      int upgraded = a.get() + b.get();
      pool.shutdown();

      assertThat(upgraded).isEqualTo(work.size());
      assertThat(nodeA.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadlineWatch")
          .count()).isZero();
      for (Work w : work) {
        assertThat(timer(nodeA, w).getDuedate()).isEqualTo(hanoi(2026, 3, 9, 17));
      }
      assertThat(nodeA.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("deadlineWatch")
          .list()).hasSize(work.size()).extracting(HistoricProcessInstance::getDeleteReason)
          .containsOnly(LegacyWatchUpgrade.REASON);
    } finally {
      nodeA.close();
      nodeB.close();
    }
  }

  private static Job timer(ProcessEngine engine, Work work) {
    return engine.getManagementService().createJobQuery().processInstanceId(work.dossierId()).timers()
        .singleResult();
  }
}
