package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Lãnh đạo đơn vị ký văn bản góp ý": a consulted unit's reply is a formal view of that unit,
 * signed by its leader and numbered (Decree 30/2020), or returned to its staff with reasons. The number's format
 * is the form's own pattern, checked with the whole submission (FormSubmission).
 */
@Component("consultationSignOffValidator")
public class ConsultationSignOffValidator implements ExecutionListener {

  private final Consultation consultation;

  public ConsultationSignOffValidator(Consultation consultation) {
    this.consultation = consultation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String number = TaskInput.of(execution).requireSignedOrReturned("signOffDecision", "Ý kiến của lãnh đạo đơn vị",
        "replyNumber", "Số, ký hiệu văn bản góp ý", "signOffReasons");
    if (number != null) {
      consultation.recordSignature(execution, String.valueOf(execution.getVariable("consultedUnit")), number);
    }
  }
}
