package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How report cells are written: dates as Vietnamese documents write them (dd/MM/yyyy in Hanoi's time zone), and
 * text neutralised so that a spreadsheet program never reads it as a formula.
 */
final class ReportFormat {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

  private ReportFormat() {
  }

  static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /**
   * A text cell as data, never code (OWASP "CSV injection"): titles, reasons and results come from people, and
   * Excel or LibreOffice run a cell beginning with {@code = + - @}, tab or carriage return as a formula
   * ({@code =HYPERLINK(...)}, DDE). Such a cell gets a leading single quote, which both programs show as text.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
