package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code GET /api/monitoring/progress} and of the Cockpit dashboard's data: plain maps, lists
 * and strings, so that any JSON writer (Spring MVC's, Cockpit's JAX-RS) renders it the same. Health is given by
 * its code with its Vietnamese label and colour; dates as dd/MM/yyyy.
 */
public final class ProgressView {

  private ProgressView() {
  }

  public static Map<String, Object> of(ProgressSummary summary, String unit, Instant asOf) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("asOf", ReportFormat.date(asOf));
    view.put("unit", unit);
    view.put("healths", healths());
    view.put("total", counts(summary.total()));
    view.put("byArea", summary.byArea().stream().map(ProgressView::group).toList());
    view.put("byLeadUnit", summary.byLeadUnit().stream().map(ProgressView::group).toList());
    return view;
  }

  private static List<Map<String, Object>> healths() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Health h : Health.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", h.name());
      m.put("label", h.label());
      m.put("colour", h.colour());
      list.add(m);
    }
    return list;
  }

  private static Map<String, Integer> counts(Map<Health, Integer> counts) {
    Map<String, Integer> m = new LinkedHashMap<>();
    counts.forEach((h, n) -> m.put(h.name(), n));
    return m;
  }

  private static Map<String, Object> group(ProgressSummary.Group group) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", group.key());
    m.put("name", group.name());
    m.put("counts", counts(group.counts()));
    m.put("worst", group.worst().name());
    m.put("colour", group.worst().colour());
    m.put("deliverables", group.deliverables().stream().map(ProgressView::deliverable).toList());
    return m;
  }

  private static Map<String, Object> deliverable(DeliverableProgress d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("title", d.title());
    m.put("processInstanceId", d.processInstanceId());
    m.put("running", d.running());
    m.put("leadUnit", d.leadUnit());
    m.put("leadUnitName", d.leadUnitName());
    m.put("coUnits", d.coUnits());
    m.put("deadline", ReportFormat.date(d.deadline()));
    m.put("health", d.health().name());
    m.put("healthLabel", d.health().label());
    m.put("colour", d.health().colour());
    m.put("currentSteps", d.currentSteps());
    m.put("notes", d.notes());
    return m;
  }
}
