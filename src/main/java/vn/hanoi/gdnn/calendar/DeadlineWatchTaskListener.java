package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attached to every user task (except the watch's own) by {@link DeadlineWatchParseListener}: starts a
 * {@code deadlineWatch} process instance when a task with a due date is created, restarts it when the due date
 * changes, and ends it (by message, so history shows why) when the task is completed or deleted.
 */
public class DeadlineWatchTaskListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatchTaskListener.class);

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;

  public DeadlineWatchTaskListener(WorkingDayCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (task.getDueDate() != null) {
          startWatch(task);
        }
      }
      case EVENTNAME_UPDATE -> {
        if (dueDateChanged(task)) {
          endWatch(task, MESSAGE_DUE_DATE_CHANGED);
          if (task.getDueDate() != null) {
            startWatch(task);
          }
        }
      }
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> {
        // only a task with a due date has a watch (removing the date ended it): no correlation for the others
        if (task.getDueDate() != null) {
          endWatch(task, MESSAGE_TASK_CLOSED);
        }
      }
      default -> {
        // assignment and timeout events do not concern the deadline
      }
    }
  }

  private static boolean dueDateChanged(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getPropertyChanges().containsKey(TaskEntity.DUE_DATE)) {
      var change = entity.getPropertyChanges().get(TaskEntity.DUE_DATE);
      return !Objects.equals(change.getOrgValue(), change.getNewValue());
    }
    return false;
  }

  private void startWatch(DelegateTask task) {
    ProcessEngineServices services = task.getProcessEngineServices();
    // one look-up serves both the check and the start (starting by key would read the latest version again),
    // through the command's own definition manager rather than a definition query with its authorization part
    ProcessDefinition watch = Context.getCommandContext().getProcessDefinitionManager()
        .findLatestProcessDefinitionByKey(PROCESS_KEY);
    if (watch == null) {
      LOG.debug("Process {} not deployed: task {} is not watched", PROCESS_KEY, task.getId());
      return;
    }
    ZonedDateTime due = task.getDueDate().toInstant().atZone(calendar.zone());
    int lead = intVariable(task, REMINDER_LEAD_DAYS, properties.reminderLeadDays());
    int interval = Math.max(1, intVariable(task, REMINDER_INTERVAL_DAYS, properties.reminderIntervalDays()));
    ZonedDateTime reminderAt = calendar.startOfDay(calendar.minusWorkingDays(due, lead).toLocalDate());
    boolean remindBeforeDue = lead > 0 && reminderAt.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())
        && reminderAt.isBefore(due);

    Map<String, Object> variables = new HashMap<>();
    variables.put(TASK_ID, task.getId());
    variables.put(DUE_DATE, task.getDueDate());
    if (remindBeforeDue) {
      variables.put(REMINDER_AT, Date.from(reminderAt.toInstant()));
    }
    variables.put(REMINDER_INTERVAL_DAYS, interval);
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    services.getRuntimeService().startProcessInstanceById(watch.getId(), businessKey, variables);
  }

  private static void endWatch(DelegateTask task, String message) {
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    runtime.createMessageCorrelation(message)
        .processInstanceVariableEquals(TASK_ID, task.getId())
        .correlateAllWithResult();
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
