package vn.hanoi.gdnn.procedure;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
    boolean normative = "yes".equals(execution.getVariable("normativeDocument"));
    DocumentNumber number = numbers.check("documentNumber", "Số, ký hiệu văn bản",
        execution.getVariable("documentNumber"), new Expected(normative, Set.of(), issuers));
    LocalDate issued = input.requirePastDate("issuedOn", "Ngày ban hành");
    input.requireText("signer", "Người ký", 3);
    input.requireText("documentLink", "Đường dẫn hoặc tham chiếu tệp văn bản đã ký", 3);
    // Signed by a deputy during the head's absence: the signature block as Decree 30 writes it, computed from the
    // delegation data (never typed), recorded with the issued document and shown in the audit trail.
    if (recordingUnit != null) {
      numbers.issuingUnit(recordingUnit, number.issuer())
          .flatMap(unit -> signatureBlocks.blockFor(root(execution), unit))
          .ifPresent(block -> execution.setVariable(SIGNATURE_BLOCK, block));
    }
    if (normative) {
      checkEffectiveDate(execution, issued);
    }
  }

  /** Days between adoption (or signing) and entry into force (Law 64/2025 Art 53(1)). */
  public static final int MIN_DAYS_TO_EFFECT = 10;

  /**
   * A normative document names its effective date. Earlier than 10 days after adoption — the HĐND session's
   * date for a resolution, the signing date otherwise — without the shortened procedure recorded is a warning
   * ({@code effectiveDateWarning}, shown on the gazette step and in the history), not a refusal: several 2025
   * Hanoi documents take effect from signing.
   */
  static void checkEffectiveDate(DelegateExecution execution, LocalDate issued) {
    Object text = execution.getVariable("effectiveDate");
    LocalDate effective = OfficialDates.parse(text == null ? null : text.toString()).orElseThrow(() ->
        new FormFieldValidationException("effectiveDate", "Trường \"Ngày có hiệu lực\" (effectiveDate) là bắt buộc"
            + " đối với văn bản quy phạm pháp luật, định dạng dd/MM/yyyy, nhận được: " + text));
    execution.setVariable("effectiveDate", OfficialDates.format(effective));
    Object resolution = execution.getVariable("resolutionDate");
    LocalDate adopted = OfficialDates.parse(resolution == null ? null : resolution.toString()).orElse(issued);
    boolean shortened = Boolean.TRUE.equals(execution.getVariable("shortenedProcedure"))
        || "true".equals(String.valueOf(execution.getVariable("shortenedProcedure")));
    String warning = "";
    if (effective.isBefore(adopted)) {
      throw new FormFieldValidationException("effectiveDate", "Trường \"Ngày có hiệu lực\" (effectiveDate) không"
          + " được trước ngày thông qua hoặc ký ban hành (" + OfficialDates.format(adopted) + ").");
    }
    if (!shortened && effective.isBefore(adopted.plusDays(MIN_DAYS_TO_EFFECT))) {
      warning = "Ngày có hiệu lực " + OfficialDates.format(effective) + " sớm hơn " + MIN_DAYS_TO_EFFECT
          + " ngày kể từ ngày thông qua hoặc ký ban hành (" + OfficialDates.format(adopted) + ") mà văn bản không"
          + " ghi nhận trình tự, thủ tục rút gọn (Luật Ban hành văn bản quy phạm pháp luật, Điều 53 khoản 1).";
    }
    execution.setVariable("effectiveDateWarning", warning);
  }

  private static String root(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity ? entity.getRootProcessInstanceId()
        : execution.getProcessInstanceId();
  }
}
