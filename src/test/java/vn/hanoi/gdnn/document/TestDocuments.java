package vn.hanoi.gdnn.document;

import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.BeanFactory;

/**
 * For tests that drive processes through their steps as people: attaches what a step declares it needs (a DOCX,
 * or a PDF signed by the tests' CA where a signed one is required), as the person who completes it.
 */
public final class TestDocuments {

  private TestDocuments() {
  }

  public static void attachRequired(BeanFactory app, Task task, String user) {
    app.getBean(StepDocuments.class).of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
        .ifPresent(required -> {
          try {
            DocumentService.Upload upload = required.signed()
                ? new DocumentService.Upload("van-ban-da-ky.pdf", "application/pdf",
                    TestPki.get().signedPdf(task.getName()))
                : new DocumentService.Upload("tai-lieu.docx", FileInspection.DOCX,
                    DocumentApiTest.docx(task.getName()));
            app.getBean(DocumentService.class).attach(task.getId(), upload, null, user);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
