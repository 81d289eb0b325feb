package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Cập nhật thông tin văn bản ban hành": document number (số, ký hiệu), date of issue
 * (dd/MM/yyyy, not in the future), signer and a link or reference to the signed file.
 */
@Component("issuanceValidator")
public class IssuanceValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    // The number's format is the form's own pattern, checked with the whole submission (FormSubmission).
    input.requireText("documentNumber", "Số, ký hiệu văn bản", 1);
    input.requirePastDate("issuedOn", "Ngày ban hành");
    input.requireText("signer", "Người ký", 3);
    input.requireText("documentLink", "Đường dẫn hoặc tham chiếu tệp văn bản đã ký", 3);
  }
}
