package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * The health rules, as a pure function of the facts and the time (tested on a table of cases).
 *
 * <ul>
 *   <li>Completed: the deliverable's process has ended.</li>
 *   <li>Overdue: now is after the deadline.</li>
 *   <li>Stuck: it has an open incident, a job with no retries left, or no task was completed in it during the
 *       last {@code stuckWorkingDays} working days (counted from its start when no task was ever completed).</li>
 *   <li>At risk: the deadline is at most {@code atRiskWorkingDays} working days away and the deliverable is not
 *       near the end (its closing procedure, issuance, is not running).</li>
 *   <li>On track: none of these.</li>
 * </ul>
 * When several apply the worst wins (overdue, then stuck, then at risk); the notes list every reason.
 */
public class HealthRules {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final WorkingDayCalendar calendar;
  private final MonitoringProperties properties;

  public HealthRules(WorkingDayCalendar calendar, MonitoringProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  /** The moment before which the last completed task makes a deliverable stuck. */
  public Instant idleThreshold(Instant now) {
    return calendar.minusWorkingDays(now, properties.stuckWorkingDays());
  }

  public Assessment assess(DeliverableFacts facts, Instant now) {
    if (facts.completed()) {
      return new Assessment(Health.COMPLETED, List.of());
    }
    List<String> notes = new ArrayList<>();
    Health health = Health.ON_TRACK;
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();

    if (facts.deadline() != null && now.isAfter(facts.deadline())) {
      LocalDate deadlineDay = facts.deadline().atZone(calendar.zone()).toLocalDate();
      int late = calendar.workingDaysBetween(deadlineDay, today);
      notes.add(late > 0 ? "Quá hạn " + late + " ngày làm việc (hạn " + DATE.format(deadlineDay) + ")"
          : "Quá hạn từ " + DATE.format(deadlineDay));
      health = Health.OVERDUE;
    }

    boolean stuck = false;
    if (facts.openIncidents() > 0) {
      notes.add("Có " + facts.openIncidents() + " sự cố kỹ thuật chưa xử lý");
      stuck = true;
    }
    if (facts.failedJobs() > 0) {
      notes.add("Có " + facts.failedJobs() + " công việc tự động đã hết số lần thử lại");
      stuck = true;
    }
    Instant lastProgress = facts.lastCompletedAt() != null && facts.lastCompletedAt().isAfter(facts.startedAt())
        ? facts.lastCompletedAt() : facts.startedAt();
    if (lastProgress.isBefore(idleThreshold(now))) {
      notes.add("Không có bước nào hoàn thành trong " + properties.stuckWorkingDays() + " ngày làm việc");
      stuck = true;
    }
    if (stuck && health != Health.OVERDUE) {
      health = Health.STUCK;
    }

    if (health == Health.ON_TRACK && facts.deadline() != null && !facts.nearEnd()) {
      LocalDate deadlineDay = facts.deadline().atZone(calendar.zone()).toLocalDate();
      int left = calendar.workingDaysBetween(today, deadlineDay);
      if (left <= properties.atRiskWorkingDays()) {
        notes.add("Còn " + left + " ngày làm việc đến hạn " + DATE.format(deadlineDay));
        health = Health.AT_RISK;
      }
    }
    if (facts.nearEnd()) {
      notes.add("Đang ở bước cuối");
    }
    return new Assessment(health, notes);
  }
}
