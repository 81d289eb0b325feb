package vn.hanoi.gdnn.monitoring;

import java.util.List;

/** The health of a deliverable and the reasons, in Vietnamese, as the report's "Ghi chú" shows them. */
public record Assessment(Health health, List<String> notes) {

  public Assessment {
    notes = List.copyOf(notes);
  }
}
