package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Who takes a UBND decision: the decision table processes/ubnd-decider.dmn (field → the vice-chairman's post, or
 * the chairman where the catalogue says so), evaluated when the lifecycle calls the approval, so a changed
 * division of work reaches deliverables already running. Lifecycles pass it as the approval's call-site input:
 * {@code <camunda:in sourceExpression="${ubndDeciders.of(execution)}" target="approverGroup"/>}.
 */
@Component("ubndDeciders")
public class UbndDeciders {

  public static final String DECISION_KEY = "ubndDecider";
  /** Deliverables started before the catalogue named a field are Sở GD&ĐT's: education. */
  static final String DEFAULT_FIELD = "giao-duc";

  /** The post group (e.g. {@code ubnd-pct-vhxh}) that decides for this lifecycle. */
  public String of(DelegateExecution execution) {
    Object field = execution.getVariable("decisionField");
    Object decidedBy = execution.getVariable("decidedBy");
    var result = execution.getProcessEngineServices().getDecisionService().evaluateDecisionTableByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("decisionField", field == null ? DEFAULT_FIELD : field.toString())
            .putValue("decidedBy", decidedBy == null ? "field" : decidedBy.toString()))
        .evaluate();
    if (result.isEmpty() || result.getSingleResult().getSingleEntry() == null) {
      throw new ProcessEngineException("Bảng phân công lãnh đạo UBND (" + DECISION_KEY
          + ") không chỉ ra người quyết định cho lĩnh vực " + field);
    }
    return result.getSingleResult().getSingleEntry().toString();
  }
}
