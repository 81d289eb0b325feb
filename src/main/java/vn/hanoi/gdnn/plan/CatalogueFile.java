package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.util.List;

/** The shape of catalogue.yaml. */
record CatalogueFile(PlanHeader plan, List<Area> areas, List<DeliverableEntry> deliverables) {

  record PlanHeader(String reference, LocalDate issuedOn, String title) {
  }
}
