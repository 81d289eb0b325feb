package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PeriodsTest {

  private final Periods periods = ProcedureBeans.shippedPeriods();

  @Test
  void theShippedDefaultsAreThoseOfTheContract() {
    Map<String, Integer> expected = Map.of("consultation", 5, "appraisal", 10, "revision", 5, "sign", 3,
        "office-check", 2, "leader-decision", 3, "hdnd-review", 10, "hdnd-follow-up", 10, "issuance", 3);
    expected.forEach((name, days) -> assertThat(periods.defaultOf(name)).as(name).isEqualTo(days));
    assertThat(periods.defaultOf("officeCheck")).isEqualTo(2);
  }

  @Test
  void aConfigurationWithoutEveryPeriodDoesNotStart() {
    Map<String, Integer> incomplete = new HashMap<>(Map.of("consultation", 5));

    assertThatThrownBy(() -> new Periods(incomplete)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gdnn.periods.appraisal");
  }
}
