package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks the outcome of an HĐND session before the procedure routes on it, whether the HĐND clerk entered it
 * (end listener of "Cập nhật kết quả kỳ họp HĐND") or another system sent it as the message
 * {@code HdndSessionOutcome} ({@link #checkMessage}). Passed needs the resolution's number and date; deferred
 * counts in {@code hdndDeferrals} and waits for the next session.
 */
@Component("sessionOutcomeValidator")
public class SessionOutcomeValidator implements ExecutionListener {

  public static final String PASSED = "passed";
  public static final String NOT_PASSED = "not_passed";
  public static final String DEFERRED = "deferred";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    check(execution);
    if (PASSED.equals(execution.getVariable("hdndOutcome"))) {
      // the clerk names the session; a message from another system may leave it out
      TaskInput.of(execution).requireChoice("sessionKind", "Kỳ họp thông qua nghị quyết", SESSION_KINDS);
    }
  }

  /** Regular sessions mid-year and at year end, or a thematic session (domain: Hanoi's People's Council). */
  public static final String[] SESSION_KINDS = {"regular-mid-year", "regular-year-end", "thematic"};

  /**
   * The message path: same checks; a resolution date left out of the message is the day the outcome arrived.
   * A message with a bad outcome is refused (the sender's correlation fails and nothing changes).
   */
  public void checkMessage(DelegateExecution execution) {
    Object date = execution.getVariable("resolutionDate");
    if (PASSED.equals(execution.getVariable("hdndOutcome")) && (date == null || date.toString().isBlank())) {
      execution.setVariable("resolutionDate", OfficialDates.format(OfficialDates.today()));
    }
    try {
      check(execution);
    } catch (FormFieldValidationException e) {
      throw new ProcessEngineException("Thông điệp HdndSessionOutcome không hợp lệ: " + e.getMessage(), e);
    }
  }

  private static void check(DelegateExecution execution) {
    TaskInput input = TaskInput.of(execution);
    String outcome = input.requireChoice("hdndOutcome", "Kết quả kỳ họp", PASSED, NOT_PASSED, DEFERRED);
    if (PASSED.equals(outcome)) {
      // The number's format is the form's own pattern, checked with the whole submission (FormSubmission).
      input.requireText("resolutionNumber", "Số, ký hiệu nghị quyết", 1);
      input.requirePastDate("resolutionDate", "Ngày thông qua nghị quyết");
    } else if (DEFERRED.equals(outcome)) {
      Counters.increment(execution, "hdndDeferrals");
    }
  }
}
