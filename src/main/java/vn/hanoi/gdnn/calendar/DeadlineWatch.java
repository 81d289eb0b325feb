package vn.hanoi.gdnn.calendar;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/** Names shared by the deadline watch process ({@code processes/deadline-watch.bpmn}) and its Java side. */
public final class DeadlineWatch {

  public static final String PROCESS_KEY = "deadlineWatch";
  /** Message ending a watch because its task was completed or deleted. */
  public static final String MESSAGE_TASK_CLOSED = "deadlineTaskClosed";
  /** Message ending a watch because its task's due date changed (a new watch follows). */
  public static final String MESSAGE_DUE_DATE_CHANGED = "deadlineDueDateChanged";

  /** Monitoring group of the UBND office that receives escalations. */
  public static final String ESCALATION_GROUP = "vp-ubnd-theo-doi";
  public static final String LEADER_SUFFIX = "-lanh-dao";

  /** Task-local variable set on an overdue task. */
  public static final String OVERDUE_VARIABLE = "overdue";

  // Variables of the watch process. A watch starts with the first three (reminderAt only when a reminder before
  // the due date fits): one watch per open task, so each variable more costs a row per task of the city.
  public static final String TASK_ID = "taskId";
  public static final String DUE_DATE = "dueDate";
  public static final String REMINDER_AT = "reminderAt";
  public static final String REMINDER_INTERVAL_DAYS = "reminderIntervalDays";
  /** Set by the first reminder. */
  public static final String REMINDER_COUNT = "reminderCount";
  /** Set when the office's escalation task starts, for its form. */
  public static final String TASK_NAME = "taskName";
  public static final String DUE_DATE_TEXT = "dueDateText";
  public static final String UNIT_NAME = "unitName";

  /** Variable of the watched task's process overriding the policy's lead (working days). */
  public static final String REMINDER_LEAD_DAYS = "reminderLeadDays";

  public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DeadlineWatch() {
  }

  /** Whether a parsed activity is one of the watch's own: parse listeners leave the watch's task alone. */
  public static boolean isWatchActivity(ActivityImpl activity) {
    return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && PROCESS_KEY.equals(definition.getKey());
  }
}
