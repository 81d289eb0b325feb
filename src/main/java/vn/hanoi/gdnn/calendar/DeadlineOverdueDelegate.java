package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * "Đánh dấu quá hạn": flags the watched task (task-local variable {@code overdue}), raises its priority, makes the
 * unit's leaders candidates so it appears in their lists, and records it as a comment.
 */
public class DeadlineOverdueDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;

  public DeadlineOverdueDelegate(WorkingDayCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WatchedTask.of(execution, calendar).ifPresent(this::markOverdue);
  }

  private void markOverdue(WatchedTask watched) {
    TaskService tasks = watched.tasks();
    Task task = watched.task();
    tasks.setVariableLocal(task.getId(), OVERDUE_VARIABLE, true);
    if (task.getPriority() < properties.overduePriority()) {
      tasks.setPriority(task.getId(), properties.overduePriority());
    }
    String unit = watched.unit();
    String text = "Quá hạn xử lý: hạn " + watched.dueDateText() + " đã qua";
    if (unit != null) {
      tasks.addCandidateGroup(task.getId(), unit + LEADER_SUFFIX);
      text += "; đã báo lãnh đạo " + watched.unitName(unit);
    }
    tasks.createComment(task.getId(), task.getProcessInstanceId(), text + ".");
  }
}
