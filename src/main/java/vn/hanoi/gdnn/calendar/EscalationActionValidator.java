package vn.hanoi.gdnn.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import vn.hanoi.gdnn.procedure.TaskInput;

/**
 * End listener of the office's escalation task: closing an escalation must record what was done about the late
 * task, so the watch's history says how it was resolved.
 */
public class EscalationActionValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput.of(execution).requireText("escalationAction", "Biện pháp đôn đốc đã thực hiện", 10);
  }
}
