package vn.hanoi.gdnn.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only working-day calculations for people who plan. Input dates are ISO {@code yyyy-MM-dd} (also
 * {@code dd/MM/yyyy}); output dates are {@code dd/MM/yyyy} with an ISO twin ({@code ...Iso}) for programs.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DMY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2100;
  static final int MAX_DAYS = 2000;

  private final WorkingDayCalendar workingDays;

  public CalendarController(WorkingDayCalendar workingDays) {
    this.workingDays = workingDays;
  }

  /** Working days after {@code from} up to and including {@code to} (the day of {@code from} is not counted). */
  @GetMapping("/working-days")
  public Map<String, Object> workingDaysBetween(@RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", start.format(DMY));
    body.put("to", end.format(DMY));
    body.put("workingDays", workingDays.workingDaysBetween(start, end));
    body.put("provisional", workingDays.holidays(start.getYear()).status().isProvisional()
        || workingDays.holidays(end.getYear()).status().isProvisional());
    return body;
  }

  /** The deadline {@code days} working days after an event on {@code date}: end of office hours of that day. */
  @GetMapping("/deadline")
  public Map<String, Object> deadline(@RequestParam(required = false) String date,
                                      @RequestParam(required = false) String days) {
    LocalDate start = date("date", date);
    int n = days("days", days);
    ZonedDateTime deadline = workingDays.plusWorkingDays(start.atStartOfDay(workingDays.zone()), n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", start.format(DMY));
    body.put("days", n);
    body.put("deadline", deadline.format(DMY));
    body.put("deadlineTime", deadline.format(DMY_TIME));
    body.put("deadlineIso", deadline.toOffsetDateTime().toString());
    body.put("provisional", workingDays.holidays(deadline.getYear()).status().isProvisional());
    return body;
  }

  /** The year's days off and swapped working days, with the schedule's status and source. */
  @GetMapping("/years/{year}")
  public Map<String, Object> year(@PathVariable String year) {
    int y = year("year", year);
    YearSchedule schedule = workingDays.holidays(y);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", y);
    body.put("status", schedule.status().name().toLowerCase());
    body.put("provisional", schedule.status().isProvisional());
    body.put("verified", schedule.verified());
    body.put("source", schedule.source());
    body.put("daysOff", days(schedule.daysOff()));
    body.put("swappedWorkingDays", days(schedule.swappedWorkDays()));
    return body;
  }

  private static List<Map<String, String>> days(Map<LocalDate, String> days) {
    return days.entrySet().stream()
        .map(e -> Map.of("date", e.getKey().format(DMY), "dateIso", e.getKey().toString(),
            "weekday", weekday(e.getKey()), "name", e.getValue()))
        .toList();
  }

  private static String weekday(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case MONDAY -> "Thứ Hai";
      case TUESDAY -> "Thứ Ba";
      case WEDNESDAY -> "Thứ Tư";
      case THURSDAY -> "Thứ Năm";
      case FRIDAY -> "Thứ Sáu";
      case SATURDAY -> "Thứ Bảy";
      case SUNDAY -> "Chủ nhật";
    };
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CalendarInputException(field, "Thiếu tham số \"" + field + "\": cần một ngày theo định dạng yyyy-MM-dd "
          + "hoặc dd/MM/yyyy.");
    }
    String v = value.trim();
    LocalDate date;
    try {
      date = v.contains("/") ? LocalDate.parse(v, DMY) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new CalendarInputException(field, "Tham số \"" + field + "\" không phải là ngày hợp lệ: \"" + v
          + "\" (định dạng yyyy-MM-dd hoặc dd/MM/yyyy).");
    }
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw new CalendarInputException(field, "Tham số \"" + field + "\" phải là ngày trong khoảng năm " + MIN_YEAR
          + "–" + MAX_YEAR + ".");
    }
    return date;
  }

  static int days(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CalendarInputException(field, "Thiếu tham số \"" + field + "\": số ngày làm việc (số nguyên từ 0).");
    }
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new CalendarInputException(field, "Tham số \"" + field + "\" phải là số nguyên không âm: \"" + value
          + "\".");
    }
    if (n < 0) {
      throw new CalendarInputException(field, "Tham số \"" + field + "\" không được là số âm.");
    }
    if (n > MAX_DAYS) {
      throw new CalendarInputException(field, "Tham số \"" + field + "\" không được lớn hơn " + MAX_DAYS + ".");
    }
    return n;
  }

  static int year(String field, String value) {
    try {
      int y = Integer.parseInt(value.trim());
      if (y >= MIN_YEAR && y <= MAX_YEAR) {
        return y;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CalendarInputException(field, "Tham số \"" + field + "\" phải là năm từ " + MIN_YEAR + " đến "
        + MAX_YEAR + ".");
  }
}
