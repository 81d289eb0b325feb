package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The last return of a submission, shown on the drafting unit's revision form. */
final class Returns {

  private Returns() {
  }

  static void record(VariableScope scope, String returnedBy, String reasons) {
    scope.setVariable("returnedBy", returnedBy);
    scope.setVariable("returnReasons", reasons);
  }
}
