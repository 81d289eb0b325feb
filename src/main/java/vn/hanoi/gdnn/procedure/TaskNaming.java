package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every user task (attached once to every user task of every process by
 * {@code monitoring.TaskPresentationPlugin}, not by the BPMN files): names the task so a list of tasks tells the
 * work at a glance, "[4.2] Chính sách hỗ trợ học phí — Lấy ý kiến Sở Tài chính". The step is the task's name in the model;
 * a task done for one consulted unit (multi-instance variable {@code consultedUnit}) ends with the unit's name.
 */
@Component("taskNaming")
public class TaskNaming implements TaskListener {

  /** Length of the task name column. */
  static final int MAX_LENGTH = 255;
  static final String SEPARATOR = " — ";

  private final UnitRegistry units;

  public TaskNaming(UnitRegistry units) {
    this.units = units;
  }

  /**
   * The step of a name given by this listener ("[4.2] Title — Lấy ý kiến Sở Tài chính" → "Lấy ý kiến Sở Tài
   * chính"), for lists that already show the deliverable's code and title; other names are returned unchanged.
   */
  public static String stepOf(String taskName) {
    if (taskName == null || !taskName.startsWith("[")) {
      return taskName;
    }
    int separator = taskName.lastIndexOf(SEPARATOR);
    return separator < 0 ? taskName : taskName.substring(separator + SEPARATOR.length());
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getName() == null ? "" : task.getName().strip();
    Object unit = task.getExecution().getVariable("consultedUnit");
    if (unit != null) {
      step = step + " " + units.nameOf(unit.toString());
    }
    Object code = task.getVariable("deliverableCode");
    Object title = task.getVariable("deliverableTitle");
    if (code == null || title == null) {
      task.setName(step);
      return;
    }
    String prefix = "[" + code.toString().strip() + "] ";
    String suffix = SEPARATOR + step;
    String shownTitle = title.toString().strip();
    int room = MAX_LENGTH - prefix.length() - suffix.length();
    if (shownTitle.length() > room) {
      shownTitle = shownTitle.substring(0, Math.max(0, room - 1)) + "…";
    }
    task.setName(prefix + shownTitle + suffix);
  }
}
