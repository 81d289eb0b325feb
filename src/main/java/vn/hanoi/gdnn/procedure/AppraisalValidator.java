package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Thẩm định dự thảo": an appraisal opinion is required and the result must be pass or revise.
 * Counts the appraisal rounds ({@code appraisalRounds}: 1 when the first appraisal passes).
 */
@Component("appraisalValidator")
public class AppraisalValidator implements ExecutionListener {

  public static final String PASS = "pass";
  public static final String REVISE = "revise";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    input.requireText("appraisalOpinion", "Ý kiến thẩm định", 10);
    input.requireChoice("appraisalResult", "Kết quả thẩm định", PASS, REVISE);
    // a round counts once Sở Tư pháp's leader signs the report (AppraisalSignOffValidator)
  }
}
