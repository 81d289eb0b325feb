package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Lãnh đạo Sở Tư pháp ký báo cáo thẩm định": the appraisal report is Sở Tư pháp's formal view,
 * signed by its leader with a document number (e.g. {@code 111/BC-STP}), or returned to the drafting staff.
 * A signed report counts an appraisal round. The number's format is the form's own pattern (FormSubmission).
 */
@Component("appraisalSignOffValidator")
public class AppraisalSignOffValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String number = TaskInput.of(execution).requireSignedOrReturned("appraisalSignOff",
        "Ý kiến của lãnh đạo Sở Tư pháp", "appraisalReportNumber", "Số, ký hiệu báo cáo thẩm định",
        "appraisalSignOffReasons");
    if (number != null) {
      Counters.increment(execution, "appraisalRounds");
    }
  }
}
