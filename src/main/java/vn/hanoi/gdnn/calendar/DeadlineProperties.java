package vn.hanoi.gdnn.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gdnn.deadlines.*}: the deadline policy applied to every user task with a due date. A process overrides
 * the lead and interval with its own variables {@code reminderLeadDays} and {@code reminderIntervalDays}.
 *
 * @param enabled                whether user tasks are watched at all
 * @param reminderLeadDays       working days before the due date when the first reminder is sent
 * @param reminderIntervalDays   working days between reminders once the task is overdue
 * @param escalateAfterReminders reminders after which the UBND office's monitoring group is asked to act
 * @param overduePriority        priority an overdue task is raised to
 */
@ConfigurationProperties(prefix = "gdnn.deadlines")
public record DeadlineProperties(Boolean enabled, Integer reminderLeadDays, Integer reminderIntervalDays,
                                 Integer escalateAfterReminders, Integer overduePriority) {

  public DeadlineProperties {
    enabled = enabled == null || enabled;
    reminderLeadDays = reminderLeadDays == null ? 2 : reminderLeadDays;
    reminderIntervalDays = reminderIntervalDays == null ? 1 : reminderIntervalDays;
    escalateAfterReminders = escalateAfterReminders == null ? 3 : escalateAfterReminders;
    overduePriority = overduePriority == null ? 80 : overduePriority;
    if (reminderLeadDays < 0 || reminderIntervalDays < 1 || escalateAfterReminders < 1) {
      throw new IllegalArgumentException("gdnn.deadlines: lead >= 0, interval >= 1 and escalate-after >= 1 required");
    }
  }

  public static DeadlineProperties defaults() {
    return new DeadlineProperties(null, null, null, null, null);
  }
}
