package vn.hanoi.gdnn.procedure;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of "Chủ tịch HĐND Thành phố ký chứng thực nghị quyết": the signing date is a past date, not before
 * the session adopted the resolution. The gazette's 3 days run from it (issuance).
 */
@Component("resolutionSignatureValidator")
public class ResolutionSignatureValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    LocalDate signed = TaskInput.of(execution).requirePastDate("resolutionSignedOn", "Ngày ký chứng thực");
    Object adopted = execution.getVariable("resolutionDate");
    OfficialDates.parse(adopted == null ? null : adopted.toString()).ifPresent(date -> {
      if (signed.isBefore(date)) {
        throw new FormFieldValidationException("resolutionSignedOn", "Trường \"Ngày ký chứng thực\""
            + " (resolutionSignedOn) không được trước ngày HĐND thông qua nghị quyết (" + OfficialDates.format(date)
            + ").");
      }
    });
  }
}
