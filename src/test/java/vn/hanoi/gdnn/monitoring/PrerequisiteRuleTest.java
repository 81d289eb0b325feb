package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A deliverable whose prerequisite (catalogue "after") is overdue is at risk; the note names the late one. */
class PrerequisiteRuleTest {

  private static final Prerequisites CATALOGUE = code -> Map.of("7.3", List.of("7.1"), "4.3", List.of("7.1", "7.2"),
      "1.2", List.of("1.1")).getOrDefault(code, List.of());

  private static DeliverableProgress d(String code, Health health, boolean running, String... notes) {
    return new DeliverableProgress("pi-" + code, code, "Nhiệm vụ " + code, "7", "Mô hình", "so-gddt",
        "Sở Giáo dục và Đào tạo", List.of(), List.of(), Instant.parse("2027-12-31T10:00:00Z"), "Đề án", "Đề án",
        List.of(), health, List.of(notes), running, List.of());
  }

  private static DeliverableProgress find(List<DeliverableProgress> list, String code) {
    return list.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aLatePrerequisitePutsItsDependentsAtRiskAndSaysWhich() {
    List<DeliverableProgress> out = PrerequisiteRule.apply(List.of(
        d("7.1", Health.OVERDUE, true, "Quá hạn 3 ngày làm việc"), d("7.2", Health.ON_TRACK, true),
        d("7.3", Health.ON_TRACK, true), d("4.3", Health.ON_TRACK, true)), CATALOGUE);

    assertThat(find(out, "7.3").health()).isEqualTo(Health.AT_RISK);
    assertThat(find(out, "7.3").notes()).containsExactly("Nhiệm vụ tiền đề 7.1 đang quá hạn");
    assertThat(find(out, "7.3").after()).containsExactly("7.1");
    assertThat(find(out, "4.3").notes()).containsExactly("Nhiệm vụ tiền đề 7.1 đang quá hạn");
    assertThat(find(out, "7.1").health()).as("the late one itself is unchanged").isEqualTo(Health.OVERDUE);
    assertThat(find(out, "7.2").health()).isEqualTo(Health.ON_TRACK);
  }

  @Test
  void prerequisitesOnTimeChangeNothingAndWorseStatesStay() {
    List<DeliverableProgress> onTime = PrerequisiteRule.apply(List.of(d("7.1", Health.ON_TRACK, true),
        d("7.3", Health.ON_TRACK, true)), CATALOGUE);
    assertThat(find(onTime, "7.3").health()).isEqualTo(Health.ON_TRACK);
    assertThat(find(onTime, "7.3").notes()).isEmpty();
    assertThat(find(onTime, "7.3").after()).as("the dependency is shown even when nothing is late")
        .containsExactly("7.1");

    List<DeliverableProgress> worse = PrerequisiteRule.apply(List.of(d("7.1", Health.OVERDUE, true),
        d("7.3", Health.STUCK, true, "Có 1 sự cố kỹ thuật chưa xử lý"), d("4.3", Health.COMPLETED, false)), CATALOGUE);
    assertThat(find(worse, "7.3").health()).isEqualTo(Health.STUCK);
    assertThat(find(worse, "7.3").notes()).containsExactly("Có 1 sự cố kỹ thuật chưa xử lý",
        "Nhiệm vụ tiền đề 7.1 đang quá hạn");
    assertThat(find(worse, "4.3").health()).as("a finished deliverable is not at risk").isEqualTo(Health.COMPLETED);
    assertThat(find(worse, "4.3").notes()).isEmpty();
  }

  @Test
  void aYearlyOccurrenceIsMatchedByItsDeliverableCode() {
    List<DeliverableProgress> out = PrerequisiteRule.apply(List.of(d("1.1-2026", Health.OVERDUE, true),
        d("1.2", Health.ON_TRACK, true)), CATALOGUE);
    assertThat(find(out, "1.2").health()).isEqualTo(Health.AT_RISK);
  }
}
