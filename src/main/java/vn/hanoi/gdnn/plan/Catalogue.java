package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated plan: its date, areas and deliverables in the catalogue's order. */
public record Catalogue(String reference, LocalDate planStart, List<Area> areas, List<Deliverable> deliverables) {

  public Optional<Deliverable> find(String code) {
    return deliverables.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public Map<String, Deliverable> byCode() {
    Map<String, Deliverable> map = new LinkedHashMap<>();
    deliverables.forEach(d -> map.put(d.code(), d));
    return map;
  }

  public Optional<Area> area(int number) {
    return areas.stream().filter(a -> a.number() == number).findFirst();
  }

  /** Every occurrence of every deliverable: what must have exactly one process instance. */
  public List<Occurrence> occurrences() {
    return deliverables.stream().flatMap(d -> d.occurrences(planStart).stream()).toList();
  }
}
