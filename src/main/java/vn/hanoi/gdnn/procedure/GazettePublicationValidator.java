package vn.hanoi.gdnn.procedure;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of "Đăng Công báo điện tử Thành phố": the publication date is a past date not before signing, and
 * the gazette's address is given. Lateness is the task's due date (gazetteDays after the step opens), which the
 * deadline watch reminds and escalates; a late publication is still recorded.
 */
@Component("gazettePublicationValidator")
public class GazettePublicationValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    LocalDate published = input.requirePastDate("gazettePublishedOn", "Ngày đăng Công báo điện tử");
    Object issued = execution.getVariable("issuedOn");
    OfficialDates.parse(issued == null ? null : issued.toString()).ifPresent(signed -> {
      if (published.isBefore(signed)) {
        throw new FormFieldValidationException("gazettePublishedOn", "Trường \"Ngày đăng Công báo điện tử\""
            + " (gazettePublishedOn) không được trước ngày ký ban hành (" + OfficialDates.format(signed) + ").");
      }
    });
    input.requireText("gazetteLink", "Đường dẫn văn bản trên Công báo điện tử", 3);
  }
}
