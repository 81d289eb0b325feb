package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a deliverable is due: once ("2026" = by 31/12/2026, "2025-Q4" = by the end of that quarter), or every
 * year of a range, by the end of a quarter of that year ({@code due}), the first year possibly differing.
 */
public record DeadlineRule(String once, Integer fromYear, Integer toYear, String due, String first) {

  private static final Pattern YEAR_OR_QUARTER = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");
  private static final Pattern DAY = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
  private static final Pattern QUARTER = Pattern.compile("Q([1-4])");
  private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*[-–]\\s*(\\d{4})");

  public static DeadlineRule once(String period) {
    return new DeadlineRule(period, null, null, null, null);
  }

  public static DeadlineRule yearly(String years, String due, String first) {
    Matcher m = years == null ? null : YEARS.matcher(years.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("khoảng năm phải có dạng 2025-2030, nhận được: " + years);
    }
    return new DeadlineRule(null, Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)),
        due == null ? "Q4" : due, first);
  }

  public boolean recurring() {
    return once == null;
  }

  /** Every occurrence with its due date; throws IllegalArgumentException (Vietnamese) on a malformed rule. */
  public List<Occurrence> occurrences(String code, LocalDate planStart) {
    if (!recurring()) {
      return List.of(new Occurrence(code, null, planStart, endOf(once)));
    }
    if (fromYear > toYear) {
      throw new IllegalArgumentException("năm bắt đầu " + fromYear + " sau năm kết thúc " + toYear);
    }
    Matcher q = QUARTER.matcher(due);
    if (!q.matches()) {
      throw new IllegalArgumentException("kỳ hạn trong năm phải là Q1..Q4, nhận được: " + due);
    }
    List<Occurrence> list = new ArrayList<>();
    for (int year = fromYear; year <= toYear; year++) {
      LocalDate dueDate = year == fromYear && first != null ? endOf(first) : endOfQuarter(year, Integer.parseInt(q.group(1)));
      LocalDate yearStart = LocalDate.of(year, 1, 1);
      list.add(new Occurrence(code, year, yearStart.isBefore(planStart) ? planStart : yearStart, dueDate));
    }
    return list;
  }

  /** Vietnamese text for people: "Quý IV/2025", "Năm 2026", "Hằng năm 2025–2030 (Quý I)". */
  public String label() {
    if (!recurring()) {
      return periodLabel(once);
    }
    return "Hằng năm " + fromYear + "–" + toYear + " (hạn " + quarterLabel(due) + " mỗi năm"
        + (first == null ? "" : "; năm " + fromYear + ": " + periodLabel(first)) + ")";
  }

  static LocalDate endOf(String period) {
    if (period != null && DAY.matcher(period.strip()).matches()) {
      try {
        return LocalDate.parse(period.strip(), Dates.DAY);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("ngày không hợp lệ: " + period);
      }
    }
    Matcher m = period == null ? null : YEAR_OR_QUARTER.matcher(period.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("thời hạn phải có dạng 2026, 2025-Q4 hoặc dd/MM/yyyy, nhận được: " + period);
    }
    int year = Integer.parseInt(m.group(1));
    return m.group(2) == null ? LocalDate.of(year, 12, 31) : endOfQuarter(year, Integer.parseInt(m.group(2)));
  }

  private static LocalDate endOfQuarter(int year, int quarter) {
    return YearMonth.of(year, quarter * 3).atEndOfMonth();
  }

  private static String periodLabel(String period) {
    if (DAY.matcher(period.strip()).matches()) {
      return period.strip();
    }
    Matcher m = YEAR_OR_QUARTER.matcher(period.strip());
    if (!m.matches()) {
      return period;
    }
    return m.group(2) == null ? "Năm " + m.group(1) : quarterLabel("Q" + m.group(2)) + "/" + m.group(1);
  }

  private static String quarterLabel(String quarter) {
    return switch (quarter) {
      case "Q1" -> "Quý I";
      case "Q2" -> "Quý II";
      case "Q3" -> "Quý III";
      case "Q4" -> "Quý IV";
      default -> quarter;
    };
  }
}
