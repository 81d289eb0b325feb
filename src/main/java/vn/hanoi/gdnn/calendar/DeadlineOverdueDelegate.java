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

  private final DeadlineProperties properties;

  public DeadlineOverdueDelegate(DeadlineProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String taskId = (String) execution.getVariable(TASK_ID);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return; // closed meanwhile: the closing message ends this watch
    }
    tasks.setVariableLocal(taskId, OVERDUE_VARIABLE, true);
    if (task.getPriority() < properties.overduePriority()) {
      tasks.setPriority(taskId, properties.overduePriority());
    }
    String leaders = (String) execution.getVariable(LEADER_GROUP);
    String text = "Quá hạn xử lý: hạn " + execution.getVariable(DUE_DATE_TEXT) + " đã qua";
    if (leaders != null) {
      tasks.addCandidateGroup(taskId, leaders);
      text += "; đã báo lãnh đạo " + execution.getVariable(UNIT_NAME);
    }
    tasks.createComment(taskId, task.getProcessInstanceId(), text + ".");
  }
}
