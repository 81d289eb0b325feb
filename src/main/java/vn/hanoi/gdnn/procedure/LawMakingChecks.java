package vn.hanoi.gdnn.procedure;

import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * End listener of the law-making steps the lifecycles hold themselves (docs/procedures.md, "Law-making"), the
 * rule chosen by the task's form: a policy impact assessment for a pilot policy, Sở Tài chính's price appraisal
 * drafted by staff, a formal view signed by the unit's leader with a number (or returned), the decider's
 * signature. Document numbers are checked against the form's own pattern with the whole submission.
 */
@Component("lawMakingChecks")
public class LawMakingChecks implements ExecutionListener {

  private static final Map<String, Consumer<TaskInput>> RULES = Map.of(
      "policy-impact-assessment", in -> {
        in.requireText("impactAssessmentReference", "Báo cáo đánh giá tác động của chính sách", 3);
        in.requireText("impactSummary", "Tóm tắt tác động của chính sách thí điểm", 10);
      },
      "price-appraisal", in -> {
        in.requireText("priceAppraisalOpinion", "Ý kiến thẩm định giá", 10);
        in.requireChoice("priceAppraisalResult", "Kết luận thẩm định giá", "agree", "adjust");
      },
      "formal-view-sign-off", in -> in.requireSignedOrReturned("viewSignOff", "Ý kiến của lãnh đạo đơn vị",
          "viewNumber", "Số, ký hiệu văn bản", "viewReturnReasons"),
      "decision-signature", in -> in.requirePastDate("decisionSignedOn", "Ngày ký quyết định"));

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element instanceof UserTask task && RULES.containsKey(task.getCamundaFormRef())) {
      RULES.get(task.getCamundaFormRef()).accept(TaskInput.of(execution));
    }
  }
}
