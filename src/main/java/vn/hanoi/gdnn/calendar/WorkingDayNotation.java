package vn.hanoi.gdnn.calendar;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadline notation understood by the engine's business calendars, besides plain ISO 8601:
 * <ul>
 *   <li>{@code P<n>WD}: n working days (e.g. {@code P5WD}); the deadline is the end of office hours of the
 *       n-th working day after the event's day;</li>
 *   <li>{@code P<n>CD}: n calendar days as a legal period ("trong 30 ngày"): end of office hours of the n-th
 *       day, moved to the end of the next working day when that is a day off.</li>
 * </ul>
 */
public final class WorkingDayNotation {

  private static final Pattern PERIOD = Pattern.compile("P(\\d{1,4})(WD|CD)");

  private final WorkingDayCalendar calendar;

  public WorkingDayNotation(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Whether {@code text} is in the working-day notation (and not plain ISO 8601). */
  public static boolean matches(String text) {
    return text != null && PERIOD.matcher(text.trim().toUpperCase(Locale.ROOT)).matches();
  }

  /** The deadline for {@code text} counted from {@code start}, or empty if {@code text} is not in the notation. */
  public Optional<Date> resolve(String text, Date start) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PERIOD.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(Date.from(resolve(Integer.parseInt(m.group(1)), m.group(2), start).toInstant()));
  }

  ZonedDateTime resolve(int n, String unit, Date start) {
    ZonedDateTime from = start.toInstant().atZone(calendar.zone());
    return "WD".equals(unit) ? calendar.plusWorkingDays(from, n) : calendar.plusCalendarDays(from, n);
  }

  /** Resolves {@code text} (which must match) counting from {@code start}. */
  ZonedDateTime resolveZoned(String text, Date start) {
    Matcher m = PERIOD.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a working-day period: " + text);
    }
    return resolve(Integer.parseInt(m.group(1)), m.group(2), start);
  }
}
