package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Đăng tải dự thảo trên Cổng thông tin điện tử": where and since when the draft is posted for
 * public comment (Decree 78/2025 Art 2(1) as amended by Decree 187/2025). The posting period then runs
 * ({@code postingDays} calendar days, gdnn.periods.posting).
 */
@Component("draftPostingValidator")
public class DraftPostingValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    input.requireText("postingLink", "Đường dẫn dự thảo trên Cổng thông tin điện tử", 3);
    input.requirePastDate("postedOn", "Ngày đăng tải");
  }
}
