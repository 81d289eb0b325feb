package vn.hanoi.gdnn.procedure;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberRule;
import vn.hanoi.gdnn.document.DocumentNumberRule.Expected;

/**
 * Checks the outcome of an HĐND session before the procedure routes on it, whether the HĐND clerk entered it
 * (end listener of "Cập nhật kết quả kỳ họp HĐND") or another system sent it as the message
 * {@code HdndSessionOutcome} ({@link #checkMessage}). Passed needs the resolution's number and date; deferred
 * counts in {@code hdndDeferrals} and waits for the next session.
 */
@Component("sessionOutcomeValidator")
public class SessionOutcomeValidator implements ExecutionListener {

  /** The People's Council, which adopts the resolution. */
  static final String HDND = "hdnd";

  public static final String PASSED = "passed";
  public static final String NOT_PASSED = "not_passed";
  public static final String DEFERRED = "deferred";

  private final DocumentNumberRule numbers;

  public SessionOutcomeValidator(DocumentNumberRule numbers) {
    this.numbers = numbers;
  }

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

  private void check(DelegateExecution execution) {
    TaskInput input = TaskInput.of(execution);
    String outcome = input.requireChoice("hdndOutcome", "Kết quả kỳ họp", PASSED, NOT_PASSED, DEFERRED);
    if (PASSED.equals(outcome)) {
      // A resolution of the HĐND is a normative document: 75/2025/NQ-HĐND (the rule the form's pattern comes from,
      // which also holds for an outcome that arrives as a message).
      numbers.check("resolutionNumber", "Số, ký hiệu nghị quyết", execution.getVariable("resolutionNumber"),
          new Expected(true, Set.of("NQ"), numbers.issuersFor(HDND)));
      input.requirePastDate("resolutionDate", "Ngày thông qua nghị quyết");
    } else if (DEFERRED.equals(outcome)) {
      Counters.increment(execution, "hdndDeferrals");
    }
  }
}
