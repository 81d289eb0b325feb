package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Periodic follow-up while the procedure waits for the HĐND session: writes a reminder as a comment on the
 * waiting task (visible in Tasklist and in the history) and counts it in {@code hdndFollowUps}.
 */
@Component("hdndFollowUp")
public class HdndFollowUp implements JavaDelegate {

  static final String WAITING_TASK = "Task_RecordSessionOutcome";

  @Override
  public void execute(DelegateExecution execution) {
    int count = Counters.increment(execution, "hdndFollowUps");
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task waiting = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(WAITING_TASK).singleResult();
    if (waiting == null) {
      return;
    }
    String submission = execution.getVariable("hdndSubmissionNumber") == null ? ""
        : " số " + execution.getVariable("hdndSubmissionNumber");
    tasks.createComment(waiting.getId(), execution.getProcessInstanceId(), "Đôn đốc lần " + count
        + ": đề nghị Thường trực HĐND Thành phố cập nhật kết quả kỳ họp đối với tờ trình" + submission + ".");
  }
}
