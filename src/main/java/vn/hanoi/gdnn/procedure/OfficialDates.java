package vn.hanoi.gdnn.procedure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Dates as administrative documents write them: {@code dd/MM/yyyy}, in Hanoi's time zone. "Today" follows the
 * engine clock, so tests that move the clock see the same day as the engine.
 */
public final class OfficialDates {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private OfficialDates() {
  }

  /** Today in Hanoi according to the engine clock. */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  public static String format(LocalDate date) {
    return FORMAT.format(date);
  }

  /** Parses {@code dd/MM/yyyy} (also {@code d/M/yyyy}) or ISO {@code yyyy-MM-dd} as sent by date pickers. */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(value));
      }
      if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        String[] parts = value.split("/");
        String padded = String.format("%02d/%02d/%s", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]);
        return Optional.of(LocalDate.parse(padded, FORMAT));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
