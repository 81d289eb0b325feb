package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End listener of "Thẩm tra tờ trình" (Ban Văn hóa – Xã hội): the review's content is required. */
@Component("committeeReviewValidator")
public class CommitteeReviewValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput.of(execution).requireText("committeeReview", "Ý kiến thẩm tra", 10);
  }
}
