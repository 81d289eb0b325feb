package vn.hanoi.gdnn.procedure;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Applies one {@link ProcedureContract} at a call activity ({@code camunda:variableMappingDelegateExpression}).
 * The engine first applies the call activity's own {@code camunda:in} (the business key and the call-site
 * inputs), then this mapping: a call-site input the activity forgot fails the call as an incident instead of
 * starting a procedure without, say, its issuer.
 */
public class ProcedureCall implements DelegateVariableMapping {

  private final ProcedureContract contract;
  private final Periods periods;

  public ProcedureCall(ProcedureContract contract, Periods periods) {
    this.contract = contract;
    this.periods = periods;
  }

  public ProcedureContract contract() {
    return contract;
  }

  @Override
  public void mapInputVariables(DelegateExecution caller, VariableMap procedure) {
    for (String name : contract.callSite()) {
      Object value = procedure.get(name);
      if (value == null || value.toString().isBlank()) {
        throw new ProcessEngineException("Bước " + caller.getCurrentActivityId() + " gọi thủ tục "
            + contract.processKey() + " mà không truyền " + name + " (camunda:in tại bước gọi).");
      }
    }
    for (String name : contract.passed()) {
      copy(caller, name, procedure, name);
    }
    contract.renamed().forEach((target, source) -> copy(caller, source, procedure, target));
    contract.periods().forEach((target, period) -> procedure.put(target, periods.of(caller, period)));
  }

  /** Typed, so a Json list stays Json; an absent variable arrives as null, as with {@code camunda:in source}. */
  private static void copy(VariableScope from, String source, VariableMap to, String target) {
    TypedValue value = from.getVariableTyped(source);
    if (value == null) {
      to.put(target, null);
    } else {
      to.putValueTyped(target, value);
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution caller, VariableScope procedure) {
    // sorted so the history lists the outputs in the same order on every run
    Map<String, String> outputs = new TreeMap<>(contract.outputs());
    outputs.forEach((source, target) -> caller.setVariable(target, procedure.getVariableTyped(source)));
  }
}
