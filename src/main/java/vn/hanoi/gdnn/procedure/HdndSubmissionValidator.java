package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End listener of "Trình HĐND Thành phố": number and date of the submission (tờ trình) sent to the HĐND. */
@Component("hdndSubmissionValidator")
public class HdndSubmissionValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    // The number's format is the form's own pattern, checked with the whole submission (FormSubmission).
    input.requireText("hdndSubmissionNumber", "Số, ký hiệu tờ trình", 1);
    input.requirePastDate("hdndSubmissionDate", "Ngày tờ trình");
  }
}
