package vn.hanoi.gdnn.monitoring;

/** Where a unit's task stands for a reporting period. */
public enum TaskOutcome {
  /** Completed in the period by its due date. */
  ON_TIME,
  /** Completed in the period after its due date. */
  LATE,
  /** Open at the period's end (or now), its due date passed. */
  OPEN_OVERDUE,
  /** Open at the period's end (or now), not yet due. */
  OPEN_NOT_DUE
}
