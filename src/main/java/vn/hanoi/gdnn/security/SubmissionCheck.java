package vn.hanoi.gdnn.security;

import org.camunda.bpm.engine.task.Task;

/**
 * A rule of a step that other features add to the submission guard ({@link WorkGuard}): run when a person
 * completes the task, after the form's own rules, before the engine stores anything. Throw Camunda's
 * {@code FormFieldValidationException} to refuse with 400 and a Vietnamese message.
 */
public interface SubmissionCheck {

  void check(Task task);
}
