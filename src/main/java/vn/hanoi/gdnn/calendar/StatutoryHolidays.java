package vn.hanoi.gdnn.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fallback schedule for a year without published data, from the Labour Code 2019 (Điều 111, 112).
 *
 * <ul>
 *   <li>Tết Dương lịch: 01/01.</li>
 *   <li>Tết Nguyên đán: five days, taken as the last day of the old lunar year (giao thừa) and the first four
 *       days of the new one, computed with the Vietnamese lunar calendar (UTC+7).</li>
 *   <li>Giỗ Tổ Hùng Vương: 10/3 lunar.</li>
 *   <li>30/4 and 01/5.</li>
 *   <li>Quốc khánh: 02/9 and one adjacent day: 03/9 when 02/9 is a Monday or a Thursday (to join the weekend
 *       or make a four-day break), otherwise 01/9.</li>
 *   <li>Every statutory day that falls on a Saturday or Sunday gives a compensatory day off on the next
 *       working day(s) (Điều 111 khoản 3).</li>
 * </ul>
 * The Government usually swaps days to make longer breaks; such swaps cannot be predicted and are not invented.
 */
public final class StatutoryHolidays {

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final VietnameseLunarCalendar lunar;

  public StatutoryHolidays(VietnameseLunarCalendar lunar) {
    this.lunar = lunar;
  }

  /** The computed schedule of {@code year}. */
  public YearSchedule compute(int year) {
    List<Map.Entry<LocalDate, String>> statutory = new ArrayList<>();
    statutory.add(Map.entry(LocalDate.of(year, 1, 1), "Tết Dương lịch"));
    LocalDate tet = lunar.lunarNewYear(year);
    for (int i = -1; i <= 3; i++) {
      statutory.add(Map.entry(tet.plusDays(i), "Tết Nguyên đán (tính theo âm lịch)"));
    }
    statutory.add(Map.entry(lunar.hungKingsCommemoration(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
    statutory.add(Map.entry(LocalDate.of(year, 4, 30), "Ngày Chiến thắng 30/4"));
    statutory.add(Map.entry(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động 1/5"));
    LocalDate nationalDay = LocalDate.of(year, 9, 2);
    DayOfWeek dow = nationalDay.getDayOfWeek();
    LocalDate adjacent = dow == DayOfWeek.MONDAY || dow == DayOfWeek.THURSDAY
        ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
    statutory.add(Map.entry(adjacent, "Quốc khánh 2/9 (ngày liền kề)"));
    statutory.add(Map.entry(nationalDay, "Quốc khánh 2/9"));
    statutory.sort(Map.Entry.comparingByKey());

    TreeMap<LocalDate, String> off = new TreeMap<>();
    for (Map.Entry<LocalDate, String> e : statutory) {
      off.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<LocalDate, String> e : statutory) {
      if (isWeekend(e.getKey())) {
        LocalDate comp = e.getKey().plusDays(1);
        while (isWeekend(comp) || off.containsKey(comp)) {
          comp = comp.plusDays(1);
        }
        if (comp.getYear() == year) {
          off.put(comp, "Nghỉ bù cho ngày " + e.getKey().format(DMY) + " (" + e.getValue() + ")");
        }
      }
    }
    String source = "Tính theo Bộ luật Lao động 2019 (Điều 111, 112) và âm lịch Việt Nam (UTC+7): Tết Nguyên đán "
        + tet.format(DMY) + ". Chưa có lịch nghỉ chính thức của năm " + year + "; lịch tạm tính.";
    return new YearSchedule(year, YearSchedule.Status.COMPUTED, false, source, off, new TreeMap<>());
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
