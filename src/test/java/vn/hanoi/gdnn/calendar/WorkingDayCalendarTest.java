package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WorkingDayCalendarTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.shipped();

  @ParameterizedTest(name = "{0} làm việc: {1} ({2})")
  @CsvSource({
      "2025-12-31, true,  last day of 2025",
      "2026-01-01, false, New Year",
      "2026-01-02, false, New Year bridge (swapped)",
      "2026-01-05, true,  first Monday of 2026",
      "2026-01-10, true,  Saturday worked for 02/01",
      "2026-01-11, false, Sunday",
      "2026-02-13, true,  Friday before Tết 2026",
      "2026-02-14, false, Tết 2026 starts",
      "2026-02-17, false, Tết day 2026",
      "2026-02-20, false, Tết 2026",
      "2026-02-23, true,  back after Tết 2026",
      "2026-04-27, false, Giỗ Tổ 2026 compensation (26/4 is a Sunday)",
      "2026-04-29, true,  Wednesday before 30/4",
      "2026-04-30, false, 30/4",
      "2026-05-01, false, 1/5",
      "2026-05-04, true,  Monday after 1/5",
      "2026-08-22, true,  Saturday worked for 31/8",
      "2026-08-31, false, National Day bridge",
      "2026-09-01, false, National Day adjacent day",
      "2026-09-02, false, National Day",
      "2026-09-03, true,  after National Day",
      "2025-01-24, true,  Friday before Tết 2025",
      "2025-01-31, false, Tết 2025",
      "2025-02-03, true,  back after Tết 2025",
      "2025-04-26, true,  Saturday worked for 2/5/2025",
      "2025-05-02, false, 2/5/2025 swapped",
      "2025-09-01, false, National Day 2025 adjacent day",
      "2027-02-04, true,  before Tết 2027 (provisional)",
      "2027-02-05, false, Tết 2027 eve (provisional)",
      "2027-02-11, false, Tết 2027 compensation (provisional)",
      "2027-02-12, true,  after Tết 2027 (provisional)",
      "2027-05-03, false, compensation for 1/5/2027 (a Saturday)",
      "2027-09-03, false, National Day 2027 adjacent day",
      "2030-02-01, false, computed Tết 2030 eve",
      "2030-02-06, false, computed compensation for Tết 2/2/2030 (Saturday)",
      "2030-02-07, false, computed compensation for 3/2/2030 (Sunday)",
      "2030-02-08, true,  after computed Tết 2030",
      "2030-04-12, false, computed Giỗ Tổ 2030",
      "2030-09-03, false, computed adjacent day (2/9/2030 is a Monday)",
      "2030-09-04, true,  after computed National Day 2030",
  })
  void knowsWhichDaysAreWorked(LocalDate date, boolean working, String why) {
    assertThat(CALENDAR.isWorkingDay(date)).as(why).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} ngày làm việc = {2} ({3})")
  @CsvSource({
      "2026-02-12, 5, 2026-02-26, across Tết 2026",
      "2026-02-13, 1, 2026-02-23, Friday before Tết 2026",
      "2026-02-14, 1, 2026-02-23, event during Tết",
      "2026-02-14, 0, 2026-02-23, zero days from a day off moves to the next working day",
      "2026-03-02, 0, 2026-03-02, zero days on a working day",
      "2026-01-09, 1, 2026-01-10, lands on the swapped Saturday",
      "2025-12-30, 3, 2026-01-06, across the year boundary and the New Year bridge",
      "2026-12-31, 1, 2027-01-04, into 2027",
      "2026-04-29, 1, 2026-05-04, across 30/4 and 1/5",
      "2026-08-21, 1, 2026-08-22, Saturday worked before National Day",
      "2026-08-28, 2, 2026-09-04, across National Day 2026",
      "2025-04-25, 1, 2025-04-26, Saturday worked in 2025",
      "2025-04-29, 1, 2025-05-05, across 30/4–4/5/2025",
      "2027-02-04, 1, 2027-02-12, across provisional Tết 2027",
      "2027-02-01, 10, 2027-02-22, ten days across Tết 2027",
      "2030-01-31, 1, 2030-02-08, across computed Tết 2030",
  })
  void countsWorkingDaysFromTheDayAfterTheEvent(LocalDate from, int days, LocalDate expected, String why) {
    assertThat(CALENDAR.plusWorkingDays(from, days)).as(why).isEqualTo(expected);
    if (days > 0) {
      assertThat(CALENDAR.workingDaysBetween(from, expected)).as("inverse: " + why).isEqualTo(days);
    }
  }

  @ParameterizedTest(name = "{0} → {1}: {2} ngày làm việc")
  @CsvSource({
      "2026-01-01, 2026-01-31, 21",
      "2026-02-01, 2026-02-28, 15",
      "2026-02-26, 2026-02-12, -5",
      "2026-03-02, 2026-03-02, 0",
      "2025-12-01, 2026-01-10, 28",
  })
  void countsWorkingDaysBetweenDates(LocalDate from, LocalDate to, int expected) {
    assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void deadlineIsTheEndOfOfficeHoursInHanoi() {
    ZonedDateTime assigned = ZonedDateTime.of(2026, 2, 12, 9, 30, 0, 0, HANOI);
    assertThat(CALENDAR.plusWorkingDays(assigned, 5))
        .isEqualTo(ZonedDateTime.of(2026, 2, 26, 17, 0, 0, 0, HANOI));
    // 23:30 UTC on 12/02 is already 13/02 in Hanoi: the counting starts from the Hanoi day
    ZonedDateTime lateUtc = ZonedDateTime.of(2026, 2, 12, 23, 30, 0, 0, ZoneId.of("UTC"));
    assertThat(CALENDAR.plusWorkingDays(lateUtc.toInstant(), 1))
        .isEqualTo(ZonedDateTime.of(2026, 2, 23, 17, 0, 0, 0, HANOI).toInstant());
  }

  @Test
  void remindersCountBackInWorkingDays() {
    ZonedDateTime due = ZonedDateTime.of(2026, 2, 26, 17, 0, 0, 0, HANOI);
    assertThat(CALENDAR.minusWorkingDays(due, 5)).isEqualTo(ZonedDateTime.of(2026, 2, 12, 17, 0, 0, 0, HANOI));
    assertThat(CALENDAR.minusWorkingDays(due, 2)).isEqualTo(ZonedDateTime.of(2026, 2, 24, 17, 0, 0, 0, HANOI));
  }

  @Test
  void periodInCalendarDaysEndingOnADayOffMovesToTheNextWorkingDay() {
    ZonedDateTime received = ZonedDateTime.of(2026, 2, 10, 10, 0, 0, 0, HANOI);
    assertThat(CALENDAR.plusCalendarDays(received, 5))
        .isEqualTo(ZonedDateTime.of(2026, 2, 23, 17, 0, 0, 0, HANOI));
    assertThat(CALENDAR.plusCalendarDays(received, 2))
        .isEqualTo(ZonedDateTime.of(2026, 2, 12, 17, 0, 0, 0, HANOI));
  }

  @Test
  void officeHoursAreConfigurable() {
    WorkingDayCalendar early = new WorkingDayCalendar(HolidayScheduleLoader.loadShipped(),
        new CalendarProperties(null, HANOI, java.time.LocalTime.of(7, 30), java.time.LocalTime.of(16, 30)));
    assertThat(early.plusWorkingDays(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, HANOI), 1))
        .isEqualTo(ZonedDateTime.of(2026, 3, 3, 16, 30, 0, 0, HANOI));
  }

  @Test
  void shippedScheduleMarksWhatIsProvisional() {
    assertThat(CALENDAR.holidays(2026).status()).isEqualTo(YearSchedule.Status.OFFICIAL);
    assertThat(CALENDAR.holidays(2026).swappedWorkDays())
        .containsOnlyKeys(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 8, 22));
    assertThat(CALENDAR.holidays(2027).status()).isEqualTo(YearSchedule.Status.PROVISIONAL);
    assertThat(CALENDAR.holidays(2027).source()).contains("Chưa có phương án chính thức");
  }

  @Test
  void yearWithoutDataIsComputedAndLoggedAsProvisional(CapturedOutput output) {
    WorkingDayCalendar calendar = WorkingDayCalendar.shipped();
    YearSchedule y2031 = calendar.holidays(2031);
    assertThat(y2031.status()).isEqualTo(YearSchedule.Status.COMPUTED);
    // Tết Tân Hợi 23/01/2031 (Thursday): eve 22/01 to 26/01, the Saturday and Sunday compensated on 27–28/01
    assertThat(y2031.daysOff()).containsKeys(LocalDate.of(2031, 1, 22), LocalDate.of(2031, 1, 23),
        LocalDate.of(2031, 1, 27), LocalDate.of(2031, 1, 28));
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 29))).isTrue();
    assertThat(output).contains("No published holiday schedule for 2031").contains("provisional");
  }

  @Test
  void administratorCanAddAYearWithoutCodeChange() {
    String yaml = """
        years:
          - year: 2028
            status: official
            verified: true
            source: "Thông báo thử nghiệm"
            daysOff:
              - { from: 2028-01-24, to: 2028-01-30, name: "Tết Nguyên đán Mậu Thân" }
            workingDays:
              - { date: 2028-01-22, name: "Làm bù" }
        """;
    WorkingDayCalendar calendar = new WorkingDayCalendar(
        HolidayScheduleLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"),
        CalendarProperties.defaults());
    assertThat(calendar.holidays(2028).status()).isEqualTo(YearSchedule.Status.OFFICIAL);
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 22))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 24))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 31))).isTrue();
  }

  @Test
  void scheduleWithADateOutsideItsYearIsRejectedWhole() {
    String yaml = """
        years:
          - year: 2028
            status: official
            source: "x"
            daysOff:
              - { from: 2027-12-31, to: 2028-01-01, name: "Tết Dương lịch" }
        """;
    assertThatThrownBy(() -> HolidayScheduleLoader.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"))
        .hasMessageContaining("bad.yaml").hasMessageContaining("outside the year");
  }

  @Test
  void negativePeriodsAreRejected() {
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 3, 2), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
