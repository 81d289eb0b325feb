package vn.hanoi.gdnn.procedure;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule;
import vn.hanoi.gdnn.document.DocumentNumberRule.DocumentNumber;
import vn.hanoi.gdnn.document.DocumentNumberRule.Expected;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * End listener of "Cập nhật thông tin văn bản ban hành": document number (số, ký hiệu), date of issue
 * (dd/MM/yyyy, not in the future), signer and a link or reference to the signed file.
 */
@Component("issuanceValidator")
public class IssuanceValidator implements ExecutionListener {

  /** The recorded signature block of a ký thay (process variable of the issuance, in history). */
  public static final String SIGNATURE_BLOCK = "signatureBlock";

  private final DocumentNumberRule numbers;
  private final SignatureBlockLookup signatureBlocks;

  public IssuanceValidator(DocumentNumberRule numbers, SignatureBlockLookup signatureBlocks) {
    this.numbers = numbers;
    this.signatureBlocks = signatureBlocks;
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
    String recordingUnit = group == null ? null : Groups.unitCodeOf(group.toString());
    Set<String> issuers = recordingUnit == null ? Set.of() : numbers.issuersFor(recordingUnit);
    DocumentNumber number = numbers.check("documentNumber", "Số, ký hiệu văn bản",
        execution.getVariable("documentNumber"), new Expected(false, Set.of(), issuers));
    input.requirePastDate("issuedOn", "Ngày ban hành");
    input.requireText("signer", "Người ký", 3);
    input.requireText("documentLink", "Đường dẫn hoặc tham chiếu tệp văn bản đã ký", 3);
    // Signed by a deputy during the head's absence: the signature block as Decree 30 writes it, computed from the
    // delegation data (never typed), recorded with the issued document and shown in the audit trail.
    if (recordingUnit != null) {
      numbers.issuingUnit(recordingUnit, number.issuer())
          .flatMap(unit -> signatureBlocks.blockFor(root(execution), unit))
          .ifPresent(block -> execution.setVariable(SIGNATURE_BLOCK, block));
    }
  }

  private static String root(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity ? entity.getRootProcessInstanceId()
        : execution.getProcessInstanceId();
  }
}
