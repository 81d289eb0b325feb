package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * The health rules on a fixed clock: Wednesday 18/11/2026 10:00 in Hanoi; thresholds at-risk 5, stuck 10
 * working days (the defaults). No holiday falls in November 2026.
 */
class HealthRulesTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Instant NOW = at("2026-11-18T10:00");
  private static final HealthRules RULES = new HealthRules(WorkingDayCalendar.shipped(),
      MonitoringProperties.defaults());

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(HANOI).toInstant();
  }

  static Stream<Arguments> cases() {
    Instant started = at("2026-11-16T09:00");
    Instant recent = at("2026-11-17T15:00");
    return Stream.of(
        Arguments.of("deadline far, work moving", at("2026-12-31T17:00"), started, recent, 0, 0, false, false,
            Health.ON_TRACK, null),
        Arguments.of("deadline in 5 working days (25/11)", at("2026-11-25T17:00"), started, recent, 0, 0, false,
            false, Health.AT_RISK, "Còn 5 ngày làm việc"),
        Arguments.of("deadline in 6 working days (26/11)", at("2026-11-26T17:00"), started, recent, 0, 0, false,
            false, Health.ON_TRACK, null),
        Arguments.of("deadline close but issuing", at("2026-11-20T17:00"), started, recent, 0, 0, true, false,
            Health.ON_TRACK, "Đang ở bước cuối"),
        Arguments.of("deadline passed yesterday", at("2026-11-17T17:00"), started, recent, 0, 0, false, false,
            Health.OVERDUE, "Quá hạn 1 ngày làm việc"),
        Arguments.of("deadline passed this morning", at("2026-11-18T08:00"), started, recent, 0, 0, true, false,
            Health.OVERDUE, "Quá hạn từ 18/11/2026"),
        Arguments.of("open incident", at("2026-12-31T17:00"), started, recent, 1, 0, false, false,
            Health.STUCK, "sự cố kỹ thuật"),
        Arguments.of("job out of retries", at("2026-12-31T17:00"), started, recent, 0, 2, false, false,
            Health.STUCK, "hết số lần thử lại"),
        Arguments.of("nothing completed for 10 working days", at("2026-12-31T17:00"), at("2026-10-01T09:00"),
            at("2026-11-03T09:00"), 0, 0, false, false, Health.STUCK, "Không có bước nào hoàn thành"),
        Arguments.of("started 9 working days ago, nothing completed", at("2026-12-31T17:00"),
            at("2026-11-05T11:00"), null, 0, 0, false, false, Health.ON_TRACK, null),
        Arguments.of("started 11 working days ago, nothing completed", at("2026-12-31T17:00"),
            at("2026-11-03T11:00"), null, 0, 0, false, false, Health.STUCK, "Không có bước nào hoàn thành"),
        Arguments.of("overdue and stuck: overdue wins", at("2026-11-10T17:00"), started, recent, 1, 0, false, false,
            Health.OVERDUE, "sự cố kỹ thuật"),
        Arguments.of("stuck and near deadline: stuck wins", at("2026-11-20T17:00"), started, recent, 1, 0, false,
            false, Health.STUCK, "sự cố"),
        Arguments.of("no deadline", null, started, recent, 0, 0, false, false, Health.ON_TRACK, null),
        Arguments.of("completed after its deadline", at("2026-11-10T17:00"), started, recent, 0, 0, false, true,
            Health.COMPLETED, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assess(String name, Instant deadline, Instant started, Instant lastCompleted, int incidents, int failedJobs,
      boolean nearEnd, boolean completed, Health expected, String note) {
    Assessment a = RULES.assess(new DeliverableFacts(deadline, started, lastCompleted, incidents, failedJobs,
        nearEnd, completed), NOW);
    assertThat(a.health()).isEqualTo(expected);
    if (note != null) {
      assertThat(String.join("; ", a.notes())).contains(note);
    }
  }
}
