package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * "Nhắc việc": counts the reminder and leaves it as a comment on the watched task, where the assignee and the
 * unit see it in Tasklist and history keeps it.
 */
public class DeadlineReminderDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int count = ((Number) execution.getVariable(REMINDER_COUNT)).intValue() + 1;
    execution.setVariable(REMINDER_COUNT, count);

    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String taskId = (String) execution.getVariable(TASK_ID);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return; // closed meanwhile: the closing message ends this watch
    }
    Date due = (Date) execution.getVariable(DUE_DATE);
    String text = "Nhắc việc lần " + count + ": hạn xử lý " + execution.getVariable(DUE_DATE_TEXT)
        + (ClockUtil.getCurrentTime().after(due) ? " (đã quá hạn)" : "");
    tasks.createComment(taskId, task.getProcessInstanceId(), text);
  }
}
