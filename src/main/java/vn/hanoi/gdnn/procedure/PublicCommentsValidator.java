package vn.hanoi.gdnn.procedure;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of "Tổng hợp ý kiến góp ý của Nhân dân": each comment received on the portal (who, what) joins the
 * consultation's record, so the drafting unit takes it up or explains it like a unit's comment. No comment is
 * recorded as such ({@code publicCommentCount} 0).
 */
@Component("publicCommentsValidator")
public class PublicCommentsValidator implements ExecutionListener {

  private final Consultation consultation;

  public PublicCommentsValidator(Consultation consultation) {
    this.consultation = consultation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String[]> comments = new ArrayList<>();
    int row = 0;
    for (JsonNode entry : JsonVariables.read(execution, "publicComments")) {
      row++;
      String author = entry.path("author").asText("").strip();
      String comment = entry.path("comment").asText("").strip();
      if (author.length() < 2 || comment.length() < 10) {
        throw new FormFieldValidationException("publicComments", "Trường \"Ý kiến góp ý của Nhân dân\""
            + " (publicComments), dòng " + row + ": ghi người góp ý và nội dung góp ý (tối thiểu 10 ký tự).");
      }
      comments.add(new String[] {author, comment});
    }
    consultation.recordPublicComments(execution, comments);
    execution.setVariable("publicCommentCount", comments.size());
  }
}
