package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as people read them (dd/MM/yyyy) and as the engine stores them, in Hanoi's time zone. */
public final class Dates {

  public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private Dates() {
  }

  public static String format(LocalDate date) {
    return date == null ? null : DAY.format(date);
  }

  /** dd/MM/yyyy HH:mm in Hanoi time. */
  public static String formatTime(Date date) {
    return date == null ? null : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(date.toInstant().atZone(HANOI));
  }

  public static String format(Date date) {
    return date == null ? null : DAY.format(date.toInstant().atZone(HANOI));
  }

  /** The last second of {@code date} in Hanoi: a deadline "by 31/12/2025" passes at that moment. */
  public static Date endOfDay(LocalDate date) {
    return Date.from(LocalDateTime.of(date, LocalTime.of(23, 59, 59)).atZone(HANOI).toInstant());
  }

  /** The start of {@code date} (00:00 Hanoi). */
  public static Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(HANOI).toInstant());
  }

  public static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(HANOI).toLocalDate();
  }
}
