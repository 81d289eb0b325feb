package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> endWatch(task, MESSAGE_TASK_CLOSED);
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
    boolean deployed = services.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().count() > 0;
    if (!deployed) {
      LOG.debug("Process {} not deployed: task {} is not watched", PROCESS_KEY, task.getId());
      return;
    }
    ZonedDateTime due = task.getDueDate().toInstant().atZone(calendar.zone());
    int lead = intVariable(task, REMINDER_LEAD_DAYS, properties.reminderLeadDays());
    int interval = Math.max(1, intVariable(task, REMINDER_INTERVAL_DAYS, properties.reminderIntervalDays()));
    ZonedDateTime reminderAt = calendar.startOfDay(calendar.minusWorkingDays(due, lead).toLocalDate());
    boolean remindBeforeDue = lead > 0 && reminderAt.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())
        && reminderAt.isBefore(due);

    String unit = unitOf(task);
    Map<String, Object> variables = new HashMap<>();
    variables.put(TASK_ID, task.getId());
    variables.put(TASK_NAME, task.getName());
    variables.put(DUE_DATE, task.getDueDate());
    variables.put(DUE_DATE_TEXT, due.format(DATE_FORMAT));
    variables.put(REMINDER_AT, Date.from(reminderAt.toInstant()));
    variables.put(REMIND_BEFORE_DUE, remindBeforeDue);
    variables.put(REMINDER_INTERVAL_DAYS, interval);
    variables.put(ESCALATE_AFTER, properties.escalateAfterReminders());
    variables.put(REMINDER_COUNT, 0);
    variables.put(UNIT, unit);
    variables.put(UNIT_NAME, unitName(services, unit));
    variables.put(LEADER_GROUP, unit == null ? null : unit + LEADER_SUFFIX);
    variables.put(PARENT_PROCESS_INSTANCE_ID, task.getProcessInstanceId());
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    variables.put(PARENT_BUSINESS_KEY, businessKey);
    services.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
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

  /** The unit responsible: the first candidate group (a leader group stands for its unit), else {@code leadUnit}. */
  static String unitOf(DelegateTask task) {
    String group = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(id -> !ESCALATION_GROUP.equals(id))
        .min(Comparator.comparing((String id) -> id.endsWith(LEADER_SUFFIX)).thenComparing(Comparator.naturalOrder()))
        .orElse(null);
    if (group == null && task.getVariable("leadUnit") instanceof String lead && !lead.isBlank()) {
      group = lead;
    }
    if (group != null && group.endsWith(LEADER_SUFFIX)) {
      group = group.substring(0, group.length() - LEADER_SUFFIX.length());
    }
    return group;
  }

  private static String unitName(ProcessEngineServices services, String unit) {
    if (unit == null) {
      return null;
    }
    Group group = services.getIdentityService().createGroupQuery().groupId(unit).singleResult();
    return group != null && group.getName() != null ? group.getName() : unit;
  }
}
