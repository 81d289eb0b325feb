package vn.hanoi.gdnn.procedure;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Server-side checks of what a task form submitted. Forms validate in the browser only; anything a process
 * routes on is checked again here, and a failure rolls the completion back so the task stays open. Checks run
 * in the user task's {@code end} execution listener: the engine wraps exceptions of task listeners into a
 * generic error, while this one reaches the REST API, which answers 400 with the message naming the field.
 */
public final class TaskInput {

  private final VariableScope scope;

  private TaskInput(VariableScope scope) {
    this.scope = scope;
  }

  public static TaskInput of(VariableScope scope) {
    return new TaskInput(scope);
  }

  /** The value of {@code key} must be one of {@code allowed}; returns it. */
  public String requireChoice(String key, String label, String... allowed) {
    Object value = scope.getVariable(key);
    if (value == null || !Set.of(allowed).contains(value.toString())) {
      throw new FormFieldValidationException(key, "Trường \"" + label + "\" (" + key
          + ") phải là một trong các giá trị " + Arrays.toString(allowed) + ", nhận được: " + value);
    }
    return value.toString();
  }

  /** The value of {@code key} must be text of at least {@code minLength} non-blank characters. */
  public String requireText(String key, String label, int minLength) {
    Object value = scope.getVariable(key);
    String text = value == null ? "" : value.toString().strip();
    if (text.length() < minLength) {
      throw new FormFieldValidationException(key, "Trường \"" + label + "\" (" + key
          + ") là bắt buộc, tối thiểu " + minLength + " ký tự.");
    }
    return text;
  }

  /**
   * A leader's sign-off of a formal document: {@code decisionKey} is "approve" (signed, with the document's number
   * and symbol in {@code numberKey}) or "return" (with at least ten characters of reasons in {@code reasonsKey}).
   * Returns the number when signed, {@code null} when returned.
   */
  public String requireSignedOrReturned(String decisionKey, String decisionLabel, String numberKey,
      String numberLabel, String reasonsKey) {
    if ("approve".equals(requireChoice(decisionKey, decisionLabel, "approve", "return"))) {
      return requireText(numberKey, numberLabel, 1);
    }
    requireText(reasonsKey, "Lý do trả lại", 10);
    return null;
  }

  /** Where the submitted values are, for checks that set derived variables. */
  public VariableScope scope() {
    return scope;
  }

  /** The raw submitted value of {@code key}, for checks of their own (e.g. a date and time). */
  public Object value(String key) {
    return scope.getVariable(key);
  }

  /** Rewrites {@code key} in the form users read it, after a check accepted it. */
  public void set(String key, Object value) {
    scope.setVariable(key, value);
  }

  /** The value of {@code key} must be a whole number from {@code min} to {@code max}; stored as an Integer. */
  public int requireCount(String key, String label, int min, int max) {
    Object value = scope.getVariable(key);
    Integer number = null;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.intValue();
    } else if (value != null) {
      try {
        number = Integer.valueOf(value.toString().strip());
      } catch (NumberFormatException e) {
        number = null; // reported below with the value received
      }
    }
    if (number == null || number < min || number > max) {
      throw new FormFieldValidationException(key, "Trường \"" + label + "\" (" + key + ") phải là số nguyên từ "
          + min + " đến " + max + ", nhận được: " + value);
    }
    scope.setVariable(key, number);
    return number;
  }

  /** The value of {@code key} as stripped text, empty when absent. */
  public String optionalText(String key) {
    Object value = scope.getVariable(key);
    return value == null ? "" : value.toString().strip();
  }

  /**
   * The value of {@code key} must be a date written {@code dd/MM/yyyy} (or ISO {@code yyyy-MM-dd}) that is not
   * later than today; the variable is rewritten as {@code dd/MM/yyyy} text.
   */
  public LocalDate requirePastDate(String key, String label) {
    Object value = scope.getVariable(key);
    LocalDate date;
    if (value instanceof java.util.Date legacy) {
      date = legacy.toInstant().atZone(OfficialDates.ZONE).toLocalDate();
    } else {
      date = OfficialDates.parse(value == null ? null : value.toString()).orElseThrow(() ->
          new FormFieldValidationException(key, "Trường \"" + label + "\" (" + key
              + ") phải là ngày hợp lệ theo định dạng dd/MM/yyyy, nhận được: " + value));
    }
    if (date.isAfter(OfficialDates.today())) {
      throw new FormFieldValidationException(key, "Trường \"" + label + "\" (" + key
          + ") không được sau ngày hôm nay (" + OfficialDates.format(OfficialDates.today()) + "), nhận được: "
          + OfficialDates.format(date));
    }
    scope.setVariable(key, OfficialDates.format(date));
    return date;
  }
}
