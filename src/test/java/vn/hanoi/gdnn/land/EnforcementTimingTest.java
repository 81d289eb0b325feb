package vn.hanoi.gdnn.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/** Land Law 2024, Art 89: no enforcement at night, on days off and holidays, or within 15 days around Tết. */
class EnforcementTimingTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private final EnforcementTiming timing = EnforcementTiming.withDefaults(WorkingDayCalendar.shipped());

  private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(HANOI);
  }

  @Test
  void anOrdinaryWorkingMorningIsAllowed() {
    assertThat(timing.refusal(at(2026, 4, 15, 8, 0))).isEmpty();
    assertThat(timing.refusal(at(2026, 4, 15, 6, 0))).as("from 06:00").isEmpty();
    assertThat(timing.refusal(at(2026, 4, 15, 21, 59))).as("until 22:00").isEmpty();
  }

  @Test
  void nightHoursAreRefusedWhateverTheZoneTheTimeWasSentIn() {
    assertThat(timing.refusal(at(2026, 4, 15, 22, 0))).get().asString().contains("ban đêm");
    assertThat(timing.refusal(at(2026, 4, 15, 5, 59))).get().asString().contains("ban đêm");
    // 23:30 UTC is 06:30 next morning in Hà Nội: allowed
    assertThat(timing.refusal(ZonedDateTime.of(2026, 4, 14, 23, 30, 0, 0, ZoneId.of("UTC")))).isEmpty();
    // 16:00 UTC is 23:00 in Hà Nội: night
    assertThat(timing.refusal(ZonedDateTime.of(2026, 4, 15, 16, 0, 0, 0, ZoneId.of("UTC")))).isPresent();
  }

  @Test
  void daysOffAndHolidaysAreRefusedButASwappedWorkingSaturdayIsNot() {
    assertThat(timing.refusal(at(2026, 4, 30, 9, 0))).get().asString().contains("ngày nghỉ, ngày lễ")
        .contains("30/04/2026");
    assertThat(timing.refusal(at(2026, 5, 16, 9, 0))).as("a Saturday").get().asString().contains("ngày nghỉ");
    assertThat(timing.refusal(at(2026, 9, 2, 9, 0))).as("Quốc khánh").isPresent();
    assertThat(timing.refusal(at(2026, 8, 22, 9, 0))).as("Saturday worked for 31/8/2026").isEmpty();
  }

  @Test
  void fifteenDaysBeforeAndAfterTheTetHolidayAreRefused() {
    // Tết Bính Ngọ 2026: days off 14/02–22/02/2026 in the shipped schedule
    assertThat(timing.tetHoliday(2026)).containsExactly(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 22));
    assertThat(timing.refusal(at(2026, 1, 29, 9, 0))).as("16 days before").isEmpty();
    assertThat(timing.refusal(at(2026, 1, 30, 9, 0))).as("15 days before").get().asString()
        .contains("Tết Nguyên đán").contains("14/02/2026").contains("30/01/2026").contains("09/03/2026");
    assertThat(timing.refusal(at(2026, 3, 9, 9, 0))).as("15 days after").isPresent();
    assertThat(timing.refusal(at(2026, 3, 10, 9, 0))).as("16 days after").isEmpty();
  }

  @Test
  void theTetWindowFollowsEachYearsOwnHoliday() {
    // 2027: Tết Đinh Mùi, days off 05/02–11/02/2027 (provisional schedule)
    assertThat(timing.tetHoliday(2027)).containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 11));
    assertThat(timing.refusal(at(2027, 1, 21, 9, 0))).isPresent();
    assertThat(timing.refusal(at(2027, 1, 20, 9, 0))).isEmpty();
    assertThat(timing.refusal(at(2027, 2, 26, 9, 0))).isPresent();
    assertThat(timing.refusal(at(2027, 3, 1, 9, 0))).isEmpty();
  }

  @Test
  void submittedTimesAreReadInTheFormsTheFormsSendAndNothingElse() {
    assertThat(timing.parse("2026-04-15T08:30")).contains(at(2026, 4, 15, 8, 30));
    assertThat(timing.parse("2026-04-15T01:30Z")).map(z -> z.toLocalDateTime())
        .contains(LocalDateTime.of(2026, 4, 15, 8, 30));
    assertThat(timing.parse("08:30 15/04/2026")).contains(at(2026, 4, 15, 8, 30));
    assertThat(timing.parse("mai")).isEmpty();
    assertThat(timing.parse(null)).isEmpty();
    assertThat(timing.format(at(2026, 4, 15, 8, 30))).isEqualTo("08:30 15/04/2026");
  }
}
