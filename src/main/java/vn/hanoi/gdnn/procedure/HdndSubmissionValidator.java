package vn.hanoi.gdnn.procedure;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule;
import vn.hanoi.gdnn.document.DocumentNumberRule.Expected;

/** End listener of "Trình HĐND Thành phố": number and date of the submission (tờ trình) sent to the HĐND. */
@Component("hdndSubmissionValidator")
public class HdndSubmissionValidator implements ExecutionListener {

  /** The city's People's Committee, which submits to the HĐND (the UBND office records it). */
  static final String UBND = "ubnd";

  private final DocumentNumberRule numbers;

  public HdndSubmissionValidator(DocumentNumberRule numbers) {
    this.numbers = numbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    // The UBND's submission (tờ trình): 45/TTr-UBND.
    numbers.check("hdndSubmissionNumber", "Số, ký hiệu tờ trình", execution.getVariable("hdndSubmissionNumber"),
        new Expected(false, Set.of("TTr"), numbers.issuersFor(UBND)));
    input.requirePastDate("hdndSubmissionDate", "Ngày tờ trình");
  }
}
