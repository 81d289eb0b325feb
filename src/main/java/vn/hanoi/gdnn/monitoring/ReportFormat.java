package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

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

  /** A cell style of the official reports: Times New Roman, centred vertically, thin borders where asked. */
  static CellStyle cellStyle(Workbook workbook, boolean bold, boolean italic, boolean border, boolean wrap,
      HorizontalAlignment alignment, short points) {
    CellStyle style = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setFontName("Times New Roman");
    font.setFontHeightInPoints(points);
    font.setBold(bold);
    font.setItalic(italic);
    style.setFont(font);
    style.setAlignment(alignment);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    style.setWrapText(wrap);
    if (border) {
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
    }
    return style;
  }
}
