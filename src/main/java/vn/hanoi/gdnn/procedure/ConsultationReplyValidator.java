package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of a consulted unit's task: the opinion must be agree, agree with comments or disagree, with
 * comments unless the unit simply agrees; the reply is then added to the consultation record. Nothing is
 * recorded when the task ends because its deadline passed (that path records the silence).
 */
@Component("consultationReplyValidator")
public class ConsultationReplyValidator implements ExecutionListener {

  private final Consultation consultation;

  public ConsultationReplyValidator(Consultation consultation) {
    this.consultation = consultation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    String opinion = input.requireChoice("opinion", "Ý kiến của đơn vị", Consultation.AGREE,
        Consultation.AGREE_WITH_COMMENTS, Consultation.DISAGREE);
    String comments = Consultation.AGREE.equals(opinion)
        ? input.optionalText("comments")
        : input.requireText("comments", "Nội dung góp ý", 10);
    consultation.recordReply(execution, String.valueOf(execution.getVariable("consultedUnit")), opinion, comments);
  }
}
