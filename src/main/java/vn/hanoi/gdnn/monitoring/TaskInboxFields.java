package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * Create listener of every user task (attached by {@link TaskPresentationPlugin}): what a clerk reads in a
 * Tasklist row without opening the task.
 *
 * <ul>
 *   <li><b>Columns.</b> The deliverable's code, title, lead unit (its Vietnamese name) and deadline (dd/MM/yyyy)
 *       are copied into task-local variables {@code inboxCode}, {@code inboxTitle}, {@code inboxLeadUnit},
 *       {@code inboxDeadline}. Tasklist shows a variable in the list only if the user may read it; a task's
 *       local variables are readable with the task (READ on the task, which its candidates have), whereas the
 *       process variables need READ on the process instance, which staff and leaders do not have. The copies
 *       have their own names so that a submitted form (whose read-only fields carry {@code deliverableCode} …)
 *       still writes to the process, never to the task.</li>
 *   <li><b>Priority from urgency.</b> {@link #OVERDUE} (the deadline watch's overdue priority) when the
 *       deliverable's deadline or the task's due date has already passed; {@link #URGENT} when the deadline is
 *       at most {@code gdnn.monitoring.at-risk-working-days} working days away or the task is due by the end of
 *       the next working day; otherwise the engine's default {@link #NORMAL}. A priority set in the model is
 *       only ever raised. The deadline watch later raises a task that becomes overdue.</li>
 * </ul>
 */
public class TaskInboxFields implements TaskListener {

  public static final String CODE = "inboxCode";
  public static final String TITLE = "inboxTitle";
  public static final String LEAD_UNIT = "inboxLeadUnit";
  public static final String DEADLINE = "inboxDeadline";

  public static final int NORMAL = 50;
  public static final int URGENT = 70;
  public static final int OVERDUE = 80;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final WorkingDayCalendar workingDays;
  private final MonitoringProperties properties;
  private final UnaryOperator<String> unitName;
  private final int overduePriority;

  public TaskInboxFields(WorkingDayCalendar workingDays, MonitoringProperties properties,
      UnaryOperator<String> unitName, int overduePriority) {
    this.workingDays = workingDays;
    this.properties = properties;
    this.unitName = unitName;
    this.overduePriority = overduePriority;
  }

  @Override
  public void notify(DelegateTask task) {
    // A task just created has no variables of its own: read its execution's, so that a task without columns
    // (no deliverable) does not load its empty variables from the database for nothing.
    VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
    Object code = scope.getVariable("deliverableCode");
    Date deadline = scope.getVariable("deadline") instanceof Date d ? d : null;
    if (code != null) {
      task.setVariableLocal(CODE, code.toString());
      copy(task, TITLE, scope.getVariable("deliverableTitle"));
      Object lead = scope.getVariable("leadUnit");
      copy(task, LEAD_UNIT, lead == null ? null : unitName.apply(lead.toString()));
      copy(task, DEADLINE, deadline == null ? null : DAY.format(deadline.toInstant().atZone(workingDays.zone())));
    }
    int priority = priority(deadline, task.getDueDate(), ClockUtil.getCurrentTime().toInstant());
    if (priority > task.getPriority()) {
      task.setPriority(priority);
    }
  }

  /** The priority a task gets at creation (see the class comment). */
  public int priority(Date deadline, Date due, Instant now) {
    if (before(deadline, now) || before(due, now)) {
      return overduePriority;
    }
    Instant urgentLimit = workingDays.plusWorkingDays(now, properties.atRiskWorkingDays());
    Instant nextWorkingDayEnd = workingDays.plusWorkingDays(now, 1);
    if (!after(deadline, urgentLimit) || !after(due, nextWorkingDayEnd)) {
      return URGENT;
    }
    return NORMAL;
  }

  private static boolean before(Date date, Instant now) {
    return date != null && date.toInstant().isBefore(now);
  }

  /** True when there is no date, so that a missing date never raises the priority. */
  private static boolean after(Date date, Instant limit) {
    return date == null || date.toInstant().isAfter(limit);
  }

  private static void copy(DelegateTask task, String name, Object value) {
    if (value != null) {
      task.setVariableLocal(name, value.toString());
    }
  }
}
