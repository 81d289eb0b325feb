package vn.hanoi.gdnn.plan;

import java.time.LocalDate;

/**
 * One piece of work a deliverable asks for: the deliverable itself, or one year of a yearly deliverable. It is
 * carried by exactly one process instance whose business key is {@link #businessKey()}.
 *
 * @param year the year of a yearly deliverable, null for a one-off deliverable
 * @param periodStart the day work may start (the plan's date, or 1 January of the year)
 * @param due the last day of the period the deliverable is due in
 */
public record Occurrence(String code, Integer year, LocalDate periodStart, LocalDate due) {

  public String businessKey() {
    return year == null ? code : code + "-" + year;
  }
}
