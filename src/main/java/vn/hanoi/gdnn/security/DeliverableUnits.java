package vn.hanoi.gdnn.security;

import java.util.List;
import java.util.Optional;

/**
 * Which units lead and co-operate on a deliverable of the plan, by its code (implemented by the plan, which owns
 * the catalogue), so that {@link DeliverableAccess} decides who reads it without depending on the plan.
 */
public interface DeliverableUnits {

  /** The units of a deliverable; empty when the plan has no deliverable with this code. */
  Optional<Involved> ofDeliverable(String code);

  /** A deliverable's lead unit and co-operating units (unit codes). */
  record Involved(String leadUnit, List<String> coUnits) {

    public Involved {
      coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }
  }
}
