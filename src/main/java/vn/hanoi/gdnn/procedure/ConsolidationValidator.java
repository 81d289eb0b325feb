package vn.hanoi.gdnn.procedure;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of the consolidation task: every comment and every disagreement must have been taken up (tiếp
 * thu) or explained (giải trình), with a note. Only the response columns of the submitted list are read; the
 * replies themselves stay as the units gave them. The responses are merged into {@code consultationReplies}.
 */
@Component("consolidationValidator")
public class ConsolidationValidator implements ExecutionListener {

  private static final String FIELD = Consultation.RESPONSES;
  static final int MIN_NOTE = 10;

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Map<String, JsonNode> responses = new HashMap<>();
    try {
      for (JsonNode response : JsonVariables.read(execution, FIELD)) {
        responses.put(response.path("unit").asText(), response);
      }
    } catch (IllegalArgumentException e) {
      throw new FormFieldValidationException(FIELD, "Danh sách tiếp thu, giải trình (" + FIELD
          + ") không đúng định dạng.");
    }
    ArrayNode replies = (ArrayNode) JsonVariables.read(execution, Consultation.REPLIES).deepCopy();
    for (JsonNode node : replies) {
      if (!Consultation.needsResponse(node)) {
        continue;
      }
      ObjectNode reply = (ObjectNode) node;
      JsonNode response = responses.get(reply.path("unit").asText());
      String handling = response == null ? "" : response.path("handling").asText("");
      String note = response == null ? "" : response.path("handlingNote").asText("").strip();
      if (!Consultation.HANDLING_LABELS.containsKey(handling)) {
        throw new FormFieldValidationException(FIELD, "Chưa chọn tiếp thu hoặc giải trình đối với ý kiến của "
            + reply.path("unitName").asText() + " (" + FIELD + ").");
      }
      if (note.length() < MIN_NOTE) {
        throw new FormFieldValidationException(FIELD, "Chưa ghi nội dung tiếp thu, giải trình (tối thiểu " + MIN_NOTE
            + " ký tự) đối với ý kiến của " + reply.path("unitName").asText() + " (" + FIELD + ").");
      }
      reply.put("handling", handling);
      reply.put("handlingLabel", Consultation.HANDLING_LABELS.get(handling));
      reply.put("handlingNote", note);
    }
    execution.setVariable(Consultation.REPLIES, JsonVariables.json(replies));
  }
}
