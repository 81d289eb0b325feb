package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Kiểm tra hồ sơ tờ trình" (Văn phòng UBND): the dossier is accepted, or returned to the unit
 * with reasons; returns are counted in {@code officeReturns}.
 */
@Component("officeCheckValidator")
public class OfficeCheckValidator implements ExecutionListener {

  public static final String ACCEPT = "accept";
  public static final String RETURN = "return";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    String result = input.requireChoice("officeCheckResult", "Kết quả kiểm tra hồ sơ", ACCEPT, RETURN);
    if (RETURN.equals(result)) {
      String reasons = input.requireText("officeCheckReasons", "Lý do trả lại hồ sơ", 10);
      Counters.increment(execution, "officeReturns");
      Returns.record(execution, "Văn phòng UBND Thành phố", reasons);
    }
  }
}
