package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Nhắc việc": counts the reminder and leaves it as a comment on the watched task, where the assignee and the
 * unit see it in Tasklist and history keeps it. Also decides when reminders have run out and the UBND office
 * must step in (the watch's gateway "Đã nhắc đủ số lần?").
 */
public class DeadlineReminderDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;

  public DeadlineReminderDelegate(WorkingDayCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int count = reminderCount(execution) + 1;
    execution.setVariable(REMINDER_COUNT, count);
    WatchedTask.of(execution, calendar).ifPresent(watched -> {
      String text = "Nhắc việc lần " + count + ": hạn xử lý " + watched.dueDateText()
          + (watched.isOverdue(ClockUtil.getCurrentTime()) ? " (đã quá hạn)" : "");
      watched.tasks().createComment(watched.task().getId(), watched.task().getProcessInstanceId(), text);
    });
  }

  /** Whether as many reminders as the policy allows have been sent: the office is asked to act. */
  public boolean escalationDue(DelegateExecution execution) {
    return reminderCount(execution) >= properties.escalateAfterReminders();
  }

  private static int reminderCount(DelegateExecution execution) {
    return execution.getVariable(REMINDER_COUNT) instanceof Number n ? n.intValue() : 0;
  }
}
