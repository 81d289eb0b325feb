package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseLunarCalendarTest {

  private final VietnameseLunarCalendar vietnam = new VietnameseLunarCalendar();
  private final VietnameseLunarCalendar china = new VietnameseLunarCalendar(8.0);

  @ParameterizedTest(name = "Tết {0}: Việt Nam {1}, Trung Quốc {2}")
  @CsvSource({
      // year, Vietnam (UTC+7), China (UTC+8)
      "1968, 1968-01-29, 1968-01-30",
      "1985, 1985-01-21, 1985-02-20",
      "2007, 2007-02-17, 2007-02-18",
      "2020, 2020-01-25, 2020-01-25",
      "2024, 2024-02-10, 2024-02-10",
      "2025, 2025-01-29, 2025-01-29",
      "2026, 2026-02-17, 2026-02-17",
      "2027, 2027-02-06, 2027-02-06",
      // new moon 02/02/2030 16:07 UTC: 23:07 in Hanoi, already 03/02 in Beijing
      "2030, 2030-02-02, 2030-02-03",
  })
  void lunarNewYearIsComputedForHanoiNotBeijing(int year, LocalDate vietnamese, LocalDate chinese) {
    assertThat(vietnam.lunarNewYear(year)).isEqualTo(vietnamese);
    assertThat(china.lunarNewYear(year)).isEqualTo(chinese);
  }

  @ParameterizedTest(name = "Giỗ Tổ Hùng Vương {0}: {1}")
  @CsvSource({
      "2023, 2023-04-29",
      "2024, 2024-04-18",
      "2025, 2025-04-07",
      "2026, 2026-04-26",
      "2027, 2027-04-16",
  })
  void hungKingsCommemorationIsTheTenthDayOfTheThirdMonth(int year, LocalDate expected) {
    assertThat(vietnam.hungKingsCommemoration(year)).isEqualTo(expected);
  }

  @Test
  void leapMonthOfAtTyIsTheSixth() {
    List<VietnameseLunarCalendar.LunarMonth> months = vietnam.monthsOf(2025);
    assertThat(months).hasSize(13);
    assertThat(months).filteredOn(VietnameseLunarCalendar.LunarMonth::leap)
        .singleElement()
        .satisfies(m -> {
          assertThat(m.number()).isEqualTo(6);
          assertThat(m.firstDay()).isEqualTo(LocalDate.of(2025, 7, 25));
        });
  }
}
