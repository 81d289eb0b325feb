package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The task a deadline watch looks after, as it is when a timer fires. The watch keeps only the task's id and due
 * date; who is responsible is read from the task itself, so a task handed to another unit is followed up there.
 */
final class WatchedTask {

  private final ProcessEngineServices services;
  private final Task task;
  private final Date dueDate;
  private final WorkingDayCalendar calendar;

  private WatchedTask(ProcessEngineServices services, Task task, Date dueDate, WorkingDayCalendar calendar) {
    this.services = services;
    this.task = task;
    this.dueDate = dueDate;
    this.calendar = calendar;
  }

  /**
   * The watched task, or empty when it was closed meanwhile (its closing message then ends the watch). Read by
   * id through the command's own task manager: a task query builds Camunda's whole task query statement, which
   * was a quarter of the job executor's time when 10,000 reminders fell due at once.
   */
  static Optional<WatchedTask> of(DelegateExecution watch, WorkingDayCalendar calendar) {
    ProcessEngineServices services = watch.getProcessEngineServices();
    Task task = Context.getCommandContext().getTaskManager().findTaskById((String) watch.getVariable(TASK_ID));
    return Optional.ofNullable(task)
        .map(t -> new WatchedTask(services, t, (Date) watch.getVariable(DUE_DATE), calendar));
  }

  Task task() {
    return task;
  }

  TaskService tasks() {
    return services.getTaskService();
  }

  /** The due date as users read it, dd/MM/yyyy in Hanoi time. */
  String dueDateText() {
    return dueDate.toInstant().atZone(calendar.zone()).format(DATE_FORMAT);
  }

  boolean isOverdue(Date now) {
    return now.after(dueDate);
  }

  /** The unit responsible (see {@link #unitOf}), or null when the task names none. */
  String unit() {
    Object lead = tasks().getVariable(task.getId(), "leadUnit");
    return unitOf(tasks().getIdentityLinksForTask(task.getId()), lead instanceof String s ? s : null);
  }

  /** The unit's name as the organisation spells it, else its id. */
  String unitName(String unit) {
    Group group = services.getIdentityService().createGroupQuery().groupId(unit).singleResult();
    return group != null && group.getName() != null ? group.getName() : unit;
  }

  /**
   * The unit responsible for a task: its first candidate group (a leader group stands for its unit; the
   * office's monitoring group is not a unit), else the process's {@code leadUnit}.
   */
  static String unitOf(Collection<? extends IdentityLink> links, String leadUnit) {
    String group = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(id -> !ESCALATION_GROUP.equals(id))
        .min(Comparator.comparing((String id) -> id.endsWith(LEADER_SUFFIX)).thenComparing(Comparator.naturalOrder()))
        .orElse(leadUnit == null || leadUnit.isBlank() ? null : leadUnit);
    if (group != null && group.endsWith(LEADER_SUFFIX)) {
      group = group.substring(0, group.length() - LEADER_SUFFIX.length());
    }
    return group;
  }
}
