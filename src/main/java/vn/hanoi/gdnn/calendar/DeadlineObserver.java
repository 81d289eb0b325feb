package vn.hanoi.gdnn.calendar;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told of each step of the deadline policy, in the step's transaction (the notification package mails the people
 * concerned). The calendar package does not know who reads these events.
 */
public interface DeadlineObserver {

  /** A reminder was recorded on the task ("Nhắc việc lần {@code count}"). */
  void reminded(DelegateTask task, int count);

  /** The task was marked overdue and its unit's leaders were made candidates. */
  void markedOverdue(DelegateTask task);
}
