package vn.hanoi.gdnn.monitoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plan progress as the dashboard shows it: counts per health for the whole plan, by content area and by lead
 * unit, each group with its deliverables.
 */
public record ProgressSummary(Map<Health, Integer> total, List<Group> byArea, List<Group> byLeadUnit) {

  /** One content area or one lead unit: its key (area number or unit code), its name and its deliverables. */
  public record Group(String key, String name, Map<Health, Integer> counts, Health worst,
      List<DeliverableProgress> deliverables) {
  }

  static Group group(String key, String name, List<DeliverableProgress> deliverables) {
    Health worst = deliverables.stream().map(DeliverableProgress::health).max(Enum::compareTo)
        .orElse(Health.ON_TRACK);
    return new Group(key, name, counts(deliverables), worst, List.copyOf(deliverables));
  }

  static Map<Health, Integer> counts(List<DeliverableProgress> deliverables) {
    Map<Health, Integer> counts = new EnumMap<>(Health.class);
    for (Health h : Health.values()) {
      counts.put(h, 0);
    }
    deliverables.forEach(d -> counts.merge(d.health(), 1, Integer::sum));
    return counts;
  }
}
