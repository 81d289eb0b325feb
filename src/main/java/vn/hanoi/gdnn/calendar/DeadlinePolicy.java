package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline policy of every user task with a due date, on the task's own timers ({@link TaskTimers}):
 * reminder before the due date, overdue mark at the due date, reminders every few working days after it, and after
 * the last reminder the escalation process. Attached to every user task by {@link DeadlineWatchParseListener} as a
 * built-in listener for create, update, complete and delete, and as the timeout listener of each
 * {@link DeadlineStep}.
 */
public class DeadlinePolicy implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlinePolicy.class);

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private final EscalationRouting routing;
  private final BooleanSupplier active;
  private final Supplier<List<DeadlineObserver>> observers;

  public DeadlinePolicy(WorkingDayCalendar calendar, DeadlineProperties properties, EscalationRouting routing,
                        BooleanSupplier active, Supplier<List<DeadlineObserver>> observers) {
    this.calendar = calendar;
    this.properties = properties;
    this.routing = routing;
    this.active = active;
    this.observers = observers;
  }

  /** The listener for one step's timeout (the step is known from the listener it is registered as). */
  public TaskListener timeoutListener(DeadlineStep step) {
    return task -> stepDue((TaskEntity) task, step);
  }

  @Override
  public void notify(DelegateTask delegate) {
    TaskEntity task = (TaskEntity) delegate;
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (task.getDueDate() != null && task.getExecution() != null && active.getAsBoolean()) {
          scheduleFirst(task);
        }
      }
      case EVENTNAME_UPDATE -> {
        if (dueDateChanged(task) && task.getExecution() != null) {
          TaskTimers.cancel(task);
          closeEscalation(task, MESSAGE_DUE_DATE_CHANGED);
          // a new due date starts the policy afresh, as a new watch did before
          task.removeVariableLocal(TASK_REMINDER_COUNT);
          if (task.getDueDate() != null && active.getAsBoolean()) {
            scheduleFirst(task);
          }
        }
      }
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> {
        // only a task with a due date has timers (removing the date deleted them): no job look-up for the others
        if (task.getDueDate() != null && task.getExecution() != null) {
          TaskTimers.cancel(task);
          closeEscalation(task, MESSAGE_TASK_CLOSED);
        }
      }
      default -> {
        // assignment does not concern the deadline; timeouts arrive through timeoutListener
      }
    }
  }

  /** The first step of a task's policy: the early reminder when it still fits, else the overdue mark. */
  void scheduleFirst(TaskEntity task) {
    ZonedDateTime due = task.getDueDate().toInstant().atZone(calendar.zone());
    int lead = intVariable(task, REMINDER_LEAD_DAYS, properties.reminderLeadDays());
    ZonedDateTime reminderAt = calendar.startOfDay(calendar.minusWorkingDays(due, lead).toLocalDate());
    boolean remindBeforeDue = lead > 0 && reminderAt.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())
        && reminderAt.isBefore(due);
    if (remindBeforeDue) {
      TaskTimers.schedule(task, DeadlineStep.REMIND_BEFORE_DUE, Date.from(reminderAt.toInstant()));
    } else {
      TaskTimers.schedule(task, DeadlineStep.MARK_OVERDUE, task.getDueDate());
    }
  }

  /** Runs a step whose timer fired, then schedules the next one. */
  void stepDue(TaskEntity task, DeadlineStep step) {
    WatchedTask watched = new WatchedTask(task, calendar);
    switch (step) {
      case REMIND_BEFORE_DUE -> {
        remind(watched);
        TaskTimers.schedule(task, DeadlineStep.MARK_OVERDUE, task.getDueDate());
      }
      case MARK_OVERDUE -> {
        markOverdue(watched);
        scheduleOverdueReminder(task);
      }
      case REMIND_OVERDUE -> {
        int count = remind(watched);
        if (count >= properties.escalateAfterReminders()) {
          escalate(watched, count);
        } else {
          scheduleOverdueReminder(task);
        }
      }
    }
  }

  private void scheduleOverdueReminder(TaskEntity task) {
    int interval = Math.max(1, intVariable(task, REMINDER_INTERVAL_DAYS, properties.reminderIntervalDays()));
    ZonedDateTime next = calendar.plusWorkingDays(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()),
        interval);
    TaskTimers.schedule(task, DeadlineStep.REMIND_OVERDUE, Date.from(next.toInstant()));
  }

  /** "Nhắc việc": counts the reminder and leaves it as a comment, where the holder and the unit see it. */
  private int remind(WatchedTask watched) {
    TaskEntity task = watched.task();
    int count = reminderCount(task) + 1;
    task.setVariableLocal(TASK_REMINDER_COUNT, count);
    String text = "Nhắc việc lần " + count + ": hạn xử lý " + watched.dueDateText()
        + (watched.isOverdue(ClockUtil.getCurrentTime()) ? " (đã quá hạn)" : "");
    watched.comment(text);
    observers.get().forEach(o -> o.reminded(task, count));
    return count;
  }

  /**
   * "Đánh dấu quá hạn": flags the task (task-local {@code overdue}), raises its priority, makes the unit's leaders
   * candidates so it appears in their lists, and records it as a comment.
   */
  private void markOverdue(WatchedTask watched) {
    TaskEntity task = watched.task();
    task.setVariableLocal(OVERDUE_VARIABLE, true);
    if (task.getPriority() < properties.overduePriority()) {
      task.setPriority(properties.overduePriority());
    }
    String unit = watched.unit();
    String text = "Quá hạn xử lý: hạn " + watched.dueDateText() + " đã qua";
    if (unit != null) {
      task.addCandidateGroup(unit + LEADER_SUFFIX);
      text += "; đã báo lãnh đạo " + watched.unitName(unit);
    }
    watched.comment(text + ".");
    observers.get().forEach(o -> o.markedOverdue(task));
  }

  /**
   * Reminders have run out: the office is asked to act through a small process of its own, started only now,
   * with what its form shows. The task keeps the escalation's id so that closing the task closes it.
   */
  private void escalate(WatchedTask watched, int count) {
    TaskEntity task = watched.task();
    ProcessDefinition escalation = Context.getCommandContext().getProcessDefinitionManager()
        .findLatestProcessDefinitionByKey(ESCALATION_PROCESS_KEY);
    if (escalation == null) {
      LOG.warn("Process {} not deployed: overdue task {} is not escalated", ESCALATION_PROCESS_KEY, task.getId());
      return;
    }
    String unit = watched.unit();
    Map<String, Object> variables = new HashMap<>();
    variables.put(TASK_ID, task.getId());
    variables.put(TASK_NAME, task.getName());
    variables.put(DUE_DATE_TEXT, watched.dueDateText());
    variables.put(UNIT_NAME, unit == null ? null : watched.unitName(unit));
    variables.put(REMINDER_COUNT, count);
    variables.put(ESCALATION_GROUP_VARIABLE, routing.groupFor(unit));
    String businessKey = task.getExecution().getProcessBusinessKey();
    String id = task.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceById(escalation.getId(), businessKey, variables).getId();
    task.setVariableLocal(TASK_ESCALATION, id);
  }

  /** Ends the task's escalation, if it has one, by message so that its history says why. */
  private static void closeEscalation(TaskEntity task, String message) {
    if (task.getVariableLocal(TASK_ESCALATION) instanceof String escalationId) {
      task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
          .processInstanceId(escalationId).correlateAllWithResult();
      if (EVENTNAME_UPDATE.equals(task.getEventName())) {
        task.removeVariableLocal(TASK_ESCALATION);
      }
    }
  }

  static int reminderCount(TaskEntity task) {
    return task.getVariableLocal(TASK_REMINDER_COUNT) instanceof Number n ? n.intValue() : 0;
  }

  private static boolean dueDateChanged(TaskEntity task) {
    var change = task.getPropertyChanges().get(TaskEntity.DUE_DATE);
    return change != null && !Objects.equals(change.getOrgValue(), change.getNewValue());
  }

  private static int intVariable(DelegateTask task, String name, int fallback) {
    Object value = task.getVariable(name);
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.matches("\\d{1,4}")) {
      return Integer.parseInt(s);
    }
    return fallback;
  }
}
