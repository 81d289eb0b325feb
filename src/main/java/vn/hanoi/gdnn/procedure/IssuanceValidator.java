package vn.hanoi.gdnn.procedure;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule;
import vn.hanoi.gdnn.document.DocumentNumberRule.Expected;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * End listener of "Cập nhật thông tin văn bản ban hành": document number (số, ký hiệu), date of issue
 * (dd/MM/yyyy, not in the future), signer and a link or reference to the signed file.
 */
@Component("issuanceValidator")
public class IssuanceValidator implements ExecutionListener {

  private final DocumentNumberRule numbers;

  public IssuanceValidator(DocumentNumberRule numbers) {
    this.numbers = numbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    // The step knows who issues: the unit that records the issuance, or the body it belongs to (the UBND office
    // records the UBND's decisions, the HĐND's standing committee the HĐND's resolutions).
    Object group = execution.getVariable("issuerGroup");
    Set<String> issuers = group == null ? Set.of() : numbers.issuersFor(Groups.unitCodeOf(group.toString()));
    numbers.check("documentNumber", "Số, ký hiệu văn bản", execution.getVariable("documentNumber"),
        new Expected(false, Set.of(), issuers));
    input.requirePastDate("issuedOn", "Ngày ban hành");
    input.requireText("signer", "Người ký", 3);
    input.requireText("documentLink", "Đường dẫn hoặc tham chiếu tệp văn bản đã ký", 3);
  }
}
