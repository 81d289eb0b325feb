package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Ký tờ trình": the lead unit's leader signs or returns with reasons, checked as for any draft
 * sign-off ({@link SignOffDecisionValidator}); a return is also shown on the common revision form as who
 * returned the submission and why.
 */
@Component("submissionSignOffValidator")
public class SubmissionSignOffValidator implements ExecutionListener {

  private final SignOffDecisionValidator signOff;

  public SubmissionSignOffValidator(SignOffDecisionValidator signOff) {
    this.signOff = signOff;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    signOff.notify(execution);
    if (SignOffDecisionValidator.RETURN.equals(execution.getVariable("signOffDecision"))) {
      Returns.record(execution, "Lãnh đạo " + execution.getVariable("leadUnitName"),
          String.valueOf(execution.getVariable("signOffReasons")).strip());
    }
  }
}
