package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task whose deadline step is due, as it is when its timer fires: who is responsible is read from the task
 * itself, so a task handed to another unit is followed up there.
 */
final class WatchedTask {

  private final TaskEntity task;
  private final WorkingDayCalendar calendar;

  WatchedTask(TaskEntity task, WorkingDayCalendar calendar) {
    this.task = task;
    this.calendar = calendar;
  }

  TaskEntity task() {
    return task;
  }

  /** The due date as users read it, dd/MM/yyyy in Hanoi time. */
  String dueDateText() {
    return task.getDueDate().toInstant().atZone(calendar.zone()).format(DATE_FORMAT);
  }

  boolean isOverdue(Date now) {
    return now.after(task.getDueDate());
  }

  void comment(String text) {
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), text);
  }

  /** The unit responsible (see {@link #unitOf}), or null when the task names none. */
  String unit() {
    Object lead = task.getVariable("leadUnit");
    return unitOf(task.getCandidates(), lead instanceof String s ? s : null);
  }

  /** The unit's name as the organisation spells it, else its id. */
  String unitName(String unit) {
    Group group = task.getProcessEngineServices().getIdentityService().createGroupQuery().groupId(unit)
        .singleResult();
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
