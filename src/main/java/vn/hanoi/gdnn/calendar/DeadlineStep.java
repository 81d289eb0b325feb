package vn.hanoi.gdnn.calendar;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the deadline policy, each a timeout task listener of the user task (its id is the listener id in
 * the timer job's configuration, {@code <activityId>$taskListener~<id>}, so Cockpit's job list says which step
 * is waiting).
 */
public enum DeadlineStep {

  /** "Nhắc việc": the reminder some working days before the due date. */
  REMIND_BEFORE_DUE("deadlineReminder"),
  /** "Đánh dấu quá hạn, báo lãnh đạo đơn vị": at the due date. */
  MARK_OVERDUE("deadlineOverdue"),
  /** "Nhắc việc quá hạn": every few working days after the due date until the office is asked to act. */
  REMIND_OVERDUE("deadlineOverdueReminder");

  /** Prefix shared by the listener ids: tells the deadline's timers from any other timeout listener's. */
  public static final String LISTENER_PREFIX = "deadline";

  private final String listenerId;

  DeadlineStep(String listenerId) {
    this.listenerId = listenerId;
  }

  public String listenerId() {
    return listenerId;
  }

  public static Optional<DeadlineStep> ofListener(String listenerId) {
    return Arrays.stream(values()).filter(s -> s.listenerId.equals(listenerId)).findFirst();
  }
}
