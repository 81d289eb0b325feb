package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database from the per-task watch ({@code deadlineWatch} up to 1.2.0) over to the task timers, at start:
 * each open task watched by a waiting watch gets the timer of the step its watch was waiting for, at the same
 * moment, with the reminders counted so far; the watch is then deleted with a reason that history keeps. A watch
 * already at its escalation task stays: it is the office's open task, and it ends as before (the office closes it,
 * or the task's completion ends it by message: the task remembers it as its escalation).
 *
 * <p>Idempotent: a task that already has deadline timers gets none more, and an upgraded watch is gone. Each
 * batch runs in its own transaction; on a cluster the start lock ({@code system.ClusterStartLock}) keeps a second
 * node from starting meanwhile, and a watch another node's job executor is firing at that moment fails the batch
 * on Camunda's optimistic lock, after which each of its watches is tried alone.
 */
public final class LegacyWatchUpgrade {

  /** Reason of the deletion, shown in Cockpit's history of the watch. */
  public static final String REASON = "Chuyển sang hẹn giờ trên chính nhiệm vụ (nâng cấp hệ thống)";

  static final Map<String, DeadlineStep> WAITING_STEPS = Map.of(
      "Event_ReminderDate", DeadlineStep.REMIND_BEFORE_DUE,
      "Event_DueDate", DeadlineStep.MARK_OVERDUE,
      "Event_ReminderInterval", DeadlineStep.REMIND_OVERDUE);
  static final String ESCALATION_ACTIVITY = "Task_EscalateOverdue";
  private static final int BATCH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(LegacyWatchUpgrade.class);

  private LegacyWatchUpgrade() {
  }

  /** Upgrades every running watch; returns how many were brought over (escalated ones kept are not counted). */
  public static int run(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    List<String> ids = new ArrayList<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().forEach(p -> ids.add(p.getId()));
    if (ids.isEmpty()) {
      return 0;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int upgraded = 0;
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      try {
        upgraded += configuration.getCommandExecutorTxRequired().execute(context -> upgradeAll(context, batch));
      } catch (ProcessEngineException batchFailed) {
        LOG.info("Upgrade of a batch of deadline watches failed ({}); trying each alone", batchFailed.getMessage());
        for (String id : batch) {
          try {
            upgraded += configuration.getCommandExecutorTxRequired().execute(context -> upgradeAll(context, List.of(id)));
          } catch (ProcessEngineException failed) {
            LOG.warn("Deadline watch {} not upgraded now (next start tries again): {}", id, failed.getMessage());
          }
        }
      }
    }
    LOG.info("Deadline watches brought over to task timers: {} of {}", upgraded, ids.size());
    return upgraded;
  }

  private static int upgradeAll(CommandContext context, List<String> watchIds) {
    int upgraded = 0;
    for (String watchId : watchIds) {
      if (upgrade(context, watchId)) {
        upgraded++;
      }
    }
    return upgraded;
  }

  private static boolean upgrade(CommandContext context, String watchId) {
    var engine = context.getProcessEngineConfiguration();
    RuntimeService runtime = engine.getRuntimeService();
    if (runtime.createProcessInstanceQuery().processInstanceId(watchId).count() == 0) {
      return false; // gone meanwhile (another node, or its task closed)
    }
    Map<String, Object> variables = runtime.getVariables(watchId);
    TaskEntity task = variables.get(TASK_ID) instanceof String taskId
        ? context.getTaskManager().findTaskById(taskId) : null;
    List<String> activities = runtime.getActiveActivityIds(watchId);
    int count = variables.get(REMINDER_COUNT) instanceof Number n ? n.intValue() : 0;
    if (task != null && activities.contains(ESCALATION_ACTIVITY)) {
      if (!watchId.equals(task.getVariableLocal(TASK_ESCALATION))) {
        task.setVariableLocal(TASK_ESCALATION, watchId);
        task.setVariableLocal(TASK_REMINDER_COUNT, count);
      }
      return false;
    }
    if (task != null && task.getDueDate() != null && task.getExecution() != null && TaskTimers.of(task).isEmpty()) {
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(watchId).timers().singleResult();
      DeadlineStep step = activities.stream().map(WAITING_STEPS::get).filter(s -> s != null).findFirst()
          .orElse(DeadlineStep.MARK_OVERDUE);
      TaskTimers.schedule(task, step, timer != null ? timer.getDuedate() : task.getDueDate());
      if (count > 0) {
        task.setVariableLocal(TASK_REMINDER_COUNT, count);
      }
    }
    runtime.deleteProcessInstance(watchId, REASON, true, true);
    return true;
  }
}
