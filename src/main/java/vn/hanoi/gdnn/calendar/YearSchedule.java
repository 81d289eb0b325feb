package vn.hanoi.gdnn.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The days off and swapped working days of one solar year.
 *
 * @param year            the solar year
 * @param status          whether the schedule is published, provisional or computed by the statutory fallback
 * @param verified        whether the source text itself was checked (not only secondary reports)
 * @param source          where the figures come from (shown to planners)
 * @param daysOff         holiday days off by date, with their Vietnamese name (weekends inside a holiday range
 *                        included as listed in the source)
 * @param swappedWorkDays weekend days worked to bridge a holiday, with their Vietnamese name
 */
public record YearSchedule(int year, Status status, boolean verified, String source,
                           NavigableMap<LocalDate, String> daysOff,
                           NavigableMap<LocalDate, String> swappedWorkDays) {

  /** Origin of a year's schedule. */
  public enum Status {
    /** Published by the Government. */
    OFFICIAL,
    /** Shipped in the data file but not yet published. */
    PROVISIONAL,
    /** No data for the year: computed from the Labour Code and the lunar calendar. */
    COMPUTED;

    public boolean isProvisional() {
      return this != OFFICIAL;
    }
  }

  public YearSchedule {
    Objects.requireNonNull(status, "status");
    daysOff = Collections.unmodifiableNavigableMap(new TreeMap<>(daysOff));
    swappedWorkDays = Collections.unmodifiableNavigableMap(new TreeMap<>(swappedWorkDays));
    for (LocalDate d : daysOff.keySet()) {
      requireInYear(year, d, "daysOff");
    }
    for (LocalDate d : swappedWorkDays.keySet()) {
      requireInYear(year, d, "workingDays");
      if (daysOff.containsKey(d)) {
        throw new IllegalArgumentException("Year " + year + ": " + d + " is both a day off and a working day");
      }
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw new IllegalArgumentException("Year " + year + ": swapped working day " + d + " is not a weekend day");
      }
    }
  }

  private static void requireInYear(int year, LocalDate d, String field) {
    if (d.getYear() != year) {
      throw new IllegalArgumentException("Year " + year + ": " + field + " date " + d + " lies outside the year");
    }
  }

  /** Whether {@code date} (which must lie in this year) is a working day under this schedule. */
  public boolean isWorkingDay(LocalDate date) {
    if (swappedWorkDays.containsKey(date)) {
      return true;
    }
    if (daysOff.containsKey(date)) {
      return false;
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }
}
