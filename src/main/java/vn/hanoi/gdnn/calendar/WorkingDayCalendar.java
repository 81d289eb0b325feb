package vn.hanoi.gdnn.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vietnamese working days (Monday–Friday, minus holidays, plus swapped Saturdays) and the deadline rules of
 * administrative procedures:
 * <ul>
 *   <li>the day of the triggering event is not counted: n working days from an event are the n working days
 *       that follow the event's day;</li>
 *   <li>a deadline is the end of office hours of its day;</li>
 *   <li>a deadline that lands on a day off moves to the end of the next working day.</li>
 * </ul>
 * Years in the schedule file use it; other years use {@link StatutoryHolidays} and log a warning once.
 */
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final int MAX_SCAN_DAYS = 400;

  private final Map<Integer, YearSchedule> published;
  private final Map<Integer, YearSchedule> computed = new ConcurrentHashMap<>();
  private final StatutoryHolidays fallback = new StatutoryHolidays(new VietnameseLunarCalendar());
  private final ZoneId zone;
  private final LocalTime officeStart;
  private final LocalTime officeEnd;

  public WorkingDayCalendar(Map<Integer, YearSchedule> schedules, CalendarProperties properties) {
    this.published = Map.copyOf(schedules);
    this.zone = properties.zone();
    this.officeStart = properties.officeStart();
    this.officeEnd = properties.officeEnd();
    published.values().stream()
        .filter(s -> s.status().isProvisional())
        .forEach(s -> LOG.warn("Holiday schedule for {} is provisional (not yet published): {}", s.year(), s.source()));
  }

  /** The calendar with the schedule shipped on the classpath and default office hours. */
  public static WorkingDayCalendar shipped() {
    return new WorkingDayCalendar(HolidayScheduleLoader.loadShipped(), CalendarProperties.defaults());
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime officeStart() {
    return officeStart;
  }

  public LocalTime officeEnd() {
    return officeEnd;
  }

  /** The schedule of {@code year}: published data if any, otherwise the computed statutory fallback. */
  public YearSchedule holidays(int year) {
    YearSchedule schedule = published.get(year);
    if (schedule != null) {
      return schedule;
    }
    return computed.computeIfAbsent(year, y -> {
      YearSchedule s = fallback.compute(y);
      LOG.warn("No published holiday schedule for {}: the schedule is provisional, computed from the Labour Code "
          + "and the lunar calendar ({}). Add the year to the schedule file when it is announced.", y, s.source());
      return s;
    });
  }

  public boolean isWorkingDay(LocalDate date) {
    return holidays(date.getYear()).isWorkingDay(date);
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SCAN_DAYS; i++) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException("No working day within " + MAX_SCAN_DAYS + " days after " + date);
  }

  /** The last working day strictly before {@code date}. */
  public LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SCAN_DAYS; i++) {
      d = d.minusDays(1);
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException("No working day within " + MAX_SCAN_DAYS + " days before " + date);
  }

  /** {@code date} itself if it is a working day, otherwise the next working day. */
  public LocalDate onOrAfterWorkingDay(LocalDate date) {
    return isWorkingDay(date) ? date : nextWorkingDay(date);
  }

  /**
   * The working day that ends a period of {@code n} working days starting with an event on {@code date}: the
   * event's day is not counted; {@code n = 0} means the event's day itself (or the next working day if that is
   * a day off).
   */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    requireNonNegative(n);
    LocalDate d = n == 0 ? onOrAfterWorkingDay(date) : date;
    for (int i = 0; i < n; i++) {
      d = nextWorkingDay(d);
    }
    return d;
  }

  /** Deadline of {@code n} working days after an event at {@code start}: end of office hours of that day. */
  public ZonedDateTime plusWorkingDays(ZonedDateTime start, int n) {
    LocalDate day = plusWorkingDays(start.withZoneSameInstant(zone).toLocalDate(), n);
    return endOfDay(day);
  }

  public Instant plusWorkingDays(Instant start, int n) {
    return plusWorkingDays(start.atZone(zone), n).toInstant();
  }

  /**
   * Deadline of {@code n} calendar days after an event at {@code start} (periods the law states in days): end
   * of office hours of the n-th day, moved to the end of the next working day if that day is a day off.
   */
  public ZonedDateTime plusCalendarDays(ZonedDateTime start, int n) {
    requireNonNegative(n);
    LocalDate day = start.withZoneSameInstant(zone).toLocalDate().plusDays(n);
    return endOfDay(onOrAfterWorkingDay(day));
  }

  /**
   * The moment {@code n} working days before {@code deadline} at the same time of day (used for reminders);
   * when the deadline's own day is a day off it counts back from that day all the same.
   */
  public ZonedDateTime minusWorkingDays(ZonedDateTime deadline, int n) {
    requireNonNegative(n);
    ZonedDateTime local = deadline.withZoneSameInstant(zone);
    LocalDate d = local.toLocalDate();
    for (int i = 0; i < n; i++) {
      d = previousWorkingDay(d);
    }
    return ZonedDateTime.of(d, local.toLocalTime(), zone);
  }

  public Instant minusWorkingDays(Instant deadline, int n) {
    return minusWorkingDays(deadline.atZone(zone), n).toInstant();
  }

  /**
   * Number of working days after {@code from} up to and including {@code to} (the event's day is not counted),
   * so that {@code plusWorkingDays(from, workingDaysBetween(from, to)) == to} when {@code to} is a working day.
   * Negative when {@code to} is before {@code from}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** End of office hours on {@code day}. */
  public ZonedDateTime endOfDay(LocalDate day) {
    return ZonedDateTime.of(day, officeEnd, zone);
  }

  /** Start of office hours on {@code day}. */
  public ZonedDateTime startOfDay(LocalDate day) {
    return ZonedDateTime.of(day, officeStart, zone);
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Number of days must not be negative: " + n);
    }
  }
}
