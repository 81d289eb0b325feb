package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Integer counters kept as process variables (rounds of return, follow-ups). */
final class Counters {

  private Counters() {
  }

  /** Adds one to {@code name} (absent counts as 0) and returns the new value. */
  static int increment(VariableScope scope, String name) {
    Object current = scope.getVariable(name);
    int next = (current instanceof Number number ? number.intValue() : 0) + 1;
    scope.setVariable(name, next);
    return next;
  }
}
