package vn.hanoi.gdnn.procedure;

import java.util.List;
import java.util.Map;

/**
 * What a lifecycle hands a shared procedure and what it gets back: one definition per procedure, read by
 * {@link ProcedureCall} at every call activity that names it (docs/procedures.md, "Contracts"). Inputs are copied
 * under the same name ({@code passed}) or computed as periods ({@code periods}: sub-process variable → period name
 * of {@link Periods}); {@code renamed} copies a caller's variable under another name; {@code callSite} names the
 * inputs each call activity must give itself with a {@code camunda:in} (they differ between callers, e.g. who
 * issues); {@code outputs} maps the procedure's variables to the caller's.
 */
public record ProcedureContract(String processKey, List<String> passed, Map<String, String> renamed,
    Map<String, String> periods, List<String> callSite, Map<String, String> outputs) {

  /** Every procedure gets the deliverable it works for and the draft it works on. */
  public static final List<String> DELIVERABLE = List.of("deliverableCode", "deliverableTitle", "leadUnit",
      "draftReference");

  public ProcedureContract {
    passed = List.copyOf(passed);
    renamed = Map.copyOf(renamed);
    periods = Map.copyOf(periods);
    callSite = List.copyOf(callSite);
    outputs = Map.copyOf(outputs);
  }
}
