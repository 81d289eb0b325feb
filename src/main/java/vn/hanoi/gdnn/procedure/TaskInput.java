package vn.hanoi.gdnn.procedure;

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
}
