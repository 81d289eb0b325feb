package vn.hanoi.gdnn.calendar;

import static vn.hanoi.gdnn.calendar.DeadlineWatch.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Start listener of the office's escalation task "Đôn đốc xử lý việc quá hạn": puts on the watch what the office
 * reads on its form — the late task's name, its due date and the unit responsible — as they are now. Only the
 * few watches that reach escalation carry these variables.
 */
public class DeadlineEscalationFacts implements ExecutionListener {

  private final WorkingDayCalendar calendar;

  public DeadlineEscalationFacts(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    WatchedTask.of(execution, calendar).ifPresentOrElse(watched -> {
      execution.setVariable(TASK_NAME, watched.task().getName());
      execution.setVariable(DUE_DATE_TEXT, watched.dueDateText());
      String unit = watched.unit();
      execution.setVariable(UNIT_NAME, unit == null ? null : watched.unitName(unit));
    }, () -> execution.setVariable(TASK_NAME, execution.getVariable(TASK_ID)));
  }
}
