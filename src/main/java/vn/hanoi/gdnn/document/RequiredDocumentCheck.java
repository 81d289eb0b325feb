package vn.hanoi.gdnn.document;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.security.SubmissionCheck;

/**
 * A step that produces a document cannot be completed without it: run by the submission guard when a person
 * completes the task (400, Vietnamese message, field {@code documents}; the task stays open). The document must
 * have been attached at this task, be of the declared kind and, where a signed one is required, carry a valid
 * signature (the upload already refuses the others).
 */
@Component
public class RequiredDocumentCheck implements SubmissionCheck {

  private final StepDocuments steps;
  private final DocumentStore store;

  public RequiredDocumentCheck(StepDocuments steps, DocumentStore store) {
    this.steps = steps;
    this.store = store;
  }

  @Override
  public void check(Task task) {
    steps.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).ifPresent(required -> {
      boolean attached = store.ofTask(task.getId()).stream()
          .filter(d -> d.kind().equals(required.kind().name()))
          .anyMatch(d -> !required.signed() || d.signature() != null && d.signature().valid());
      if (!attached) {
        throw new FormFieldValidationException("documents", "Bước \"" + task.getName() + "\" cần đính kèm "
            + required.kind().label() + (required.signed() ? " đã ký số hợp lệ (tệp PDF)" : "")
            + " trước khi hoàn thành. Mở thẻ \"Tài liệu\" của công việc để đính kèm tệp.");
      }
    });
  }
}
