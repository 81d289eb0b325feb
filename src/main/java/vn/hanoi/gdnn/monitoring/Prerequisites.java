package vn.hanoi.gdnn.monitoring;

import java.util.List;

/**
 * The deliverables a deliverable builds on (the plan catalogue's {@code after}), by deliverable code. Monitoring
 * reads them through this interface so it does not depend on how the plan stores its catalogue.
 */
@FunctionalInterface
public interface Prerequisites {

  /** No deliverable depends on another (monitoring without a plan, e.g. in tests). */
  Prerequisites NONE = code -> List.of();

  /** Codes of the deliverables {@code deliverableCode} comes after; empty when none or unknown. */
  List<String> of(String deliverableCode);
}
