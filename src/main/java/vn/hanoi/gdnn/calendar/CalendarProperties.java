package vn.hanoi.gdnn.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gdnn.calendar.*}: where the holiday schedule lives and the office hours that define a deadline.
 *
 * @param scheduleLocation Spring resource location of the holiday schedule; an administrator can point it at a
 *                         file outside the application ({@code file:/etc/gdnn/holidays.yaml}) to add a year
 * @param zone             zone of the offices (deadlines are counted in its local days)
 * @param officeStart      start of office hours (reminders are sent then)
 * @param officeEnd        end of office hours: a deadline is the end of a working day
 */
@ConfigurationProperties(prefix = "gdnn.calendar")
public record CalendarProperties(String scheduleLocation, ZoneId zone, LocalTime officeStart, LocalTime officeEnd) {

  public static final String DEFAULT_LOCATION = "classpath:" + HolidayScheduleLoader.SHIPPED_SCHEDULE;
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final LocalTime DEFAULT_OFFICE_START = LocalTime.of(8, 0);
  public static final LocalTime DEFAULT_OFFICE_END = LocalTime.of(17, 0);

  public CalendarProperties {
    scheduleLocation = scheduleLocation == null || scheduleLocation.isBlank() ? DEFAULT_LOCATION : scheduleLocation;
    zone = zone == null ? DEFAULT_ZONE : zone;
    officeStart = officeStart == null ? DEFAULT_OFFICE_START : officeStart;
    officeEnd = officeEnd == null ? DEFAULT_OFFICE_END : officeEnd;
    if (!officeStart.isBefore(officeEnd)) {
      throw new IllegalArgumentException("gdnn.calendar.office-start must be before gdnn.calendar.office-end");
    }
  }

  /** The defaults: shipped schedule, Asia/Ho_Chi_Minh, 08:00–17:00. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null);
  }
}
