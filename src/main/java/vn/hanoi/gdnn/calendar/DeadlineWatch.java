package vn.hanoi.gdnn.calendar;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Names of the deadline policy: the task timers' state on the task, the escalation process
 * ({@code processes/deadline-escalation.bpmn}) and the retired per-task watch process ({@code deadlineWatch}, whose
 * running instances from earlier versions {@link LegacyWatchUpgrade} brings over at start).
 */
public final class DeadlineWatch {

  /** The retired watch process (one instance per task, up to version 1.2.0): only upgraded, never started. */
  public static final String PROCESS_KEY = "deadlineWatch";
  /** The escalation process, started only when a task's reminders have run out. */
  public static final String ESCALATION_PROCESS_KEY = "deadlineEscalation";
  /** Message ending an escalation (or a legacy watch) because its task was completed or deleted. */
  public static final String MESSAGE_TASK_CLOSED = "deadlineTaskClosed";
  /** Message ending an escalation (or a legacy watch) because its task's due date changed. */
  public static final String MESSAGE_DUE_DATE_CHANGED = "deadlineDueDateChanged";

  /** Task-local variable: reminders recorded on the task so far (only tasks that were reminded have it). */
  public static final String TASK_REMINDER_COUNT = "deadlineReminderCount";
  /** Task-local variable: the escalation's process instance (only escalated tasks have it). */
  public static final String TASK_ESCALATION = "deadlineEscalationId";
  /** Variable of the escalation process: the group asked to act (UBND office or HĐND office). */
  public static final String ESCALATION_GROUP_VARIABLE = "escalationGroup";

  /** Monitoring group of the UBND office that receives escalations. */
  public static final String ESCALATION_GROUP = "vp-ubnd-theo-doi";
  public static final String LEADER_SUFFIX = "-lanh-dao";

  /** Task-local variable set on an overdue task. */
  public static final String OVERDUE_VARIABLE = "overdue";

  // Variables of the escalation process (and of the legacy watch, which kept the first four from its start).
  public static final String TASK_ID = "taskId";
  public static final String DUE_DATE = "dueDate";
  public static final String REMINDER_AT = "reminderAt";
  public static final String REMINDER_INTERVAL_DAYS = "reminderIntervalDays";
  public static final String REMINDER_COUNT = "reminderCount";
  /** What the office reads on its form. */
  public static final String TASK_NAME = "taskName";
  public static final String DUE_DATE_TEXT = "dueDateText";
  public static final String UNIT_NAME = "unitName";

  /** Variable of the watched task's process overriding the policy's lead (working days). */
  public static final String REMINDER_LEAD_DAYS = "reminderLeadDays";

  public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DeadlineWatch() {
  }

  /**
   * Whether a parsed activity belongs to the escalation process or the legacy watch: parse listeners leave their
   * tasks alone (an escalation is not itself watched, and its name already quotes the late task's).
   */
  public static boolean isWatchActivity(ActivityImpl activity) {
    return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && isDeadlineProcess(definition.getKey());
  }

  public static boolean isDeadlineProcess(String processDefinitionKey) {
    return PROCESS_KEY.equals(processDefinitionKey) || ESCALATION_PROCESS_KEY.equals(processDefinitionKey);
  }
}
