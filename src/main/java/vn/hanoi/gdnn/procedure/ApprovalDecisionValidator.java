package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the UBND leader's decision: approve, return for revision or reject, with reasons unless
 * approving. A return counts a round ({@code approvalRounds}); the reasons of the last return or rejection are
 * kept in {@code approvalReasons}; approval and rejection set {@code approvalOutcome}.
 */
@Component("approvalDecisionValidator")
public class ApprovalDecisionValidator implements ExecutionListener {

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  public static final String REJECT = "reject";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    String decision = input.requireChoice("approvalDecision", "Quyết định của lãnh đạo UBND", APPROVE, RETURN, REJECT);
    if (APPROVE.equals(decision)) {
      execution.setVariable("approvalOutcome", "approved");
      return;
    }
    String reasons = input.requireText("decisionReasons",
        RETURN.equals(decision) ? "Lý do trả lại và yêu cầu chỉnh sửa" : "Lý do từ chối", 10);
    execution.setVariable("approvalReasons", reasons);
    if (RETURN.equals(decision)) {
      Counters.increment(execution, "approvalRounds");
      Returns.record(execution, "Lãnh đạo UBND Thành phố", reasons);
    } else {
      execution.setVariable("approvalOutcome", "rejected");
    }
  }
}
