package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs as the sign-off task's {@code end} execution listener and checks a leader's sign-off before the process routes on it: the decision must be known, a return must say
 * why. Counts the rounds of return so the revision form and reports show them.
 */
@Component("signOffDecisionValidator")
public class SignOffDecisionValidator implements ExecutionListener {

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled()) {
      return; // the task was cancelled (instance deleted, interrupting event): nothing was decided
    }
    TaskInput input = TaskInput.of(task);
    String decision = input.requireChoice("signOffDecision", "Ý kiến của lãnh đạo", APPROVE, RETURN);
    if (RETURN.equals(decision)) {
      input.requireText("signOffReasons", "Lý do trả lại", 10);
      Object rounds = task.getVariable("signOffRounds");
      int previous = rounds instanceof Number number ? number.intValue() : 0;
      task.setVariable("signOffRounds", previous + 1);
    }
  }
}
