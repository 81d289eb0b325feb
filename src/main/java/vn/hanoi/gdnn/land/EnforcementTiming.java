package vn.hanoi.gdnn.land;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.calendar.VietnameseLunarCalendar;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * When a compulsory land recovery (cưỡng chế thu hồi đất) may be carried out. The Land Law 2024 (Art 89) forbids
 * enforcement at night, on days off and holidays, and within 15 days before or after the Tết holiday. Days off
 * and the Tết holiday come from the working-day calendar (the published schedule of the year, or its statutory
 * fallback), so a swapped working Saturday counts as a working day and a bridged Monday as a day off.
 * Night hours and the Tết margin are configuration ({@code gdnn.land.enforcement.*}).
 */
@Component
public class EnforcementTiming {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private final WorkingDayCalendar calendar;
  private final VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
  private final LocalTime dayStart;
  private final LocalTime nightStart;
  private final int tetMarginDays;

  @Autowired
  public EnforcementTiming(WorkingDayCalendar calendar,
      @Value("${gdnn.land.enforcement.day-start:06:00}") LocalTime dayStart,
      @Value("${gdnn.land.enforcement.night-start:22:00}") LocalTime nightStart,
      @Value("${gdnn.land.enforcement.tet-margin-days:15}") int tetMarginDays) {
    if (!dayStart.isBefore(nightStart) || tetMarginDays < 0) {
      throw new IllegalStateException("gdnn.land.enforcement: day-start must be before night-start and "
          + "tet-margin-days must not be negative");
    }
    this.calendar = calendar;
    this.dayStart = dayStart;
    this.nightStart = nightStart;
    this.tetMarginDays = tetMarginDays;
  }

  /** With the statutory defaults: 06:00–22:00, 15 days around Tết. */
  public static EnforcementTiming withDefaults(WorkingDayCalendar calendar) {
    return new EnforcementTiming(calendar, LocalTime.of(6, 0), LocalTime.of(22, 0), 15);
  }

  /** Why enforcement may not start at {@code at} (a Vietnamese sentence), or empty when it may. */
  public Optional<String> refusal(ZonedDateTime at) {
    LocalDateTime local = at.withZoneSameInstant(calendar.zone()).toLocalDateTime();
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (time.isBefore(dayStart) || !time.isBefore(nightStart)) {
      return Optional.of("Không được cưỡng chế vào ban đêm (từ " + nightStart + " đến " + dayStart
          + " sáng hôm sau); thời điểm đã chọn: " + DAY_TIME.format(local) + ".");
    }
    LocalDate[] tet = tetHoliday(day.getYear());
    LocalDate from = tet[0].minusDays(tetMarginDays);
    LocalDate to = tet[1].plusDays(tetMarginDays);
    if (!day.isBefore(from) && !day.isAfter(to)) {
      return Optional.of("Không được cưỡng chế trong thời gian " + tetMarginDays + " ngày trước và sau kỳ nghỉ Tết "
          + "Nguyên đán (nghỉ Tết từ " + DAY.format(tet[0]) + " đến " + DAY.format(tet[1]) + ", không cưỡng chế từ "
          + DAY.format(from) + " đến " + DAY.format(to) + "); ngày đã chọn: " + DAY.format(day) + ".");
    }
    if (!calendar.isWorkingDay(day)) {
      return Optional.of("Không được cưỡng chế vào ngày nghỉ, ngày lễ; ngày đã chọn (" + DAY.format(day)
          + ") không phải ngày làm việc.");
    }
    return Optional.empty();
  }

  /**
   * The Tết holiday of {@code year}: the run of days off (weekends included) around the lunar new year, as the
   * working-day calendar has them.
   */
  public LocalDate[] tetHoliday(int year) {
    LocalDate newYear = lunar.lunarNewYear(year);
    LocalDate first = newYear;
    while (!calendar.isWorkingDay(first.minusDays(1))) {
      first = first.minusDays(1);
    }
    LocalDate last = newYear;
    while (!calendar.isWorkingDay(last.plusDays(1))) {
      last = last.plusDays(1);
    }
    return new LocalDate[] {first, last};
  }

  /**
   * A submitted date and time: ISO local ({@code 2027-03-10T08:00}, read in the calendar's zone), ISO with an
   * offset, {@code HH:mm dd/MM/yyyy}, or a {@link Date}; empty when it is none of these.
   */
  public Optional<ZonedDateTime> parse(Object value) {
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atZone(calendar.zone()));
    }
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    String text = value.toString().strip();
    try {
      return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(calendar.zone()));
    } catch (DateTimeParseException e) {
      // not with an offset: try the local forms below
    }
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(calendar.zone()));
    } catch (DateTimeParseException e) {
      // not ISO local: try the Vietnamese form below
    }
    try {
      return Optional.of(LocalDateTime.parse(text, DAY_TIME).atZone(calendar.zone()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code at} written as users read it ({@code HH:mm dd/MM/yyyy}). */
  public String format(ZonedDateTime at) {
    return DAY_TIME.format(at.withZoneSameInstant(calendar.zone()));
  }
}
