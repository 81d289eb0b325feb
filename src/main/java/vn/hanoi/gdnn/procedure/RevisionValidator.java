package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the drafting unit's revision tasks (after an appraisal or a return): the revised draft or
 * submission must be identified and what was changed (tiếp thu, giải trình) must be stated.
 */
@Component("revisionValidator")
public class RevisionValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    input.requireText("draftReference", "Văn bản đã chỉnh sửa", 3);
    input.requireText("revisionNote", "Nội dung đã tiếp thu, chỉnh sửa", 10);
  }
}
