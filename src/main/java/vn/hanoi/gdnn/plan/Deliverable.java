package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A deliverable of the plan as the catalogue describes it (after validation). */
public record Deliverable(String code, Area area, String title, String product, String signer, String leadUnit,
    List<String> coUnits, DeadlineRule deadline, String lifecycle, Map<String, Integer> periods, String seedText,
    String note, DecisionRoute decision, List<String> after) {

  public Deliverable {
    decision = decision == null ? DecisionRoute.NONE : decision;
    after = after == null ? List.of() : List.copyOf(after);
  }

  public List<Occurrence> occurrences(LocalDate planStart) {
    return deadline.occurrences(code, planStart);
  }

  public boolean recurring() {
    return deadline.recurring();
  }

  /** The title people read for one occurrence: a yearly deliverable's title names its year, "… (năm 2026)". */
  public String titleFor(Integer year) {
    return year == null ? title : title + " (năm " + year + ")";
  }
}
