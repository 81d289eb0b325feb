package vn.hanoi.gdnn.plan;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Stand-in of the procedures' period bean for process tests: the variable {@code <name>Days}, else 5. */
public final class TestPeriods {

  static final TestPeriods INSTANCE = new TestPeriods();

  public int of(VariableScope scope, String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    Object value = scope.getVariable(camel + "Days");
    return value instanceof Number n ? n.intValue() : 5;
  }
}
