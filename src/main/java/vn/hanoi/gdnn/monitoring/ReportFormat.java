package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese documents write them: dd/MM/yyyy in Hanoi's time zone. */
final class ReportFormat {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

  private ReportFormat() {
  }

  static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }
}
