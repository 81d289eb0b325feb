package vn.hanoi.gdnn.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as units are evaluated: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year
 * ({@code 2026}). Days are Hanoi calendar days; the period runs from its first day (inclusive) to the day after its
 * last day (exclusive).
 */
public record ReportPeriod(String code, LocalDate first, LocalDate end, String label) {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  /** Parses the {@code period} parameter; a wrong value is the caller's mistake, answered 400 naming the field. */
  public static ReportPeriod parse(String text) {
    if (text == null || text.isBlank()) {
      throw new MonitoringInputException("period", "Trường \"period\" (kỳ báo cáo) là bắt buộc, ví dụ 2026-11"
          + " (tháng), 2026-Q4 (quý) hoặc 2026 (năm).");
    }
    String value = text.trim();
    Matcher m = MONTH.matcher(value);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return month(YearMonth.of(year(m.group(1), text), month));
      }
    }
    m = QUARTER.matcher(value);
    if (m.matches()) {
      int quarter = Integer.parseInt(m.group(2));
      LocalDate first = LocalDate.of(year(m.group(1), text), (quarter - 1) * 3 + 1, 1);
      return new ReportPeriod(value, first, first.plusMonths(3),
          "Quý " + ROMAN[quarter - 1] + " năm " + first.getYear());
    }
    m = YEAR.matcher(value);
    if (m.matches()) {
      LocalDate first = LocalDate.of(year(m.group(1), text), 1, 1);
      return new ReportPeriod(value, first, first.plusYears(1), "Năm " + first.getYear());
    }
    throw invalid(text);
  }

  public static ReportPeriod month(YearMonth month) {
    return new ReportPeriod(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1),
        "Tháng " + String.format("%02d", month.getMonthValue()) + "/" + month.getYear());
  }

  /** The twelve months that end with the last month of this period, oldest first (the trend chart's axis). */
  public List<ReportPeriod> twelveMonthsToEnd() {
    YearMonth last = YearMonth.from(end.minusDays(1));
    List<ReportPeriod> months = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      months.add(month(last.minusMonths(i)));
    }
    return months;
  }

  /** The last day of the period, as the report prints it. */
  public LocalDate last() {
    return end.minusDays(1);
  }

  private static int year(String digits, String text) {
    int year = Integer.parseInt(digits);
    // The plan runs 2025–2035; the engine's history cannot hold earlier work of this system.
    if (year < 2000 || year > 2100) {
      throw invalid(text);
    }
    return year;
  }

  private static MonitoringInputException invalid(String text) {
    return new MonitoringInputException("period", "Trường \"period\" (kỳ báo cáo) không hợp lệ: \"" + text
        + "\". Nhập tháng dạng 2026-11, quý dạng 2026-Q4 hoặc năm dạng 2026.");
  }
}
