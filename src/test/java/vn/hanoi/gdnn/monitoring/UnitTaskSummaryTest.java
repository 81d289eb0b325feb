package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.at;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * The units' task summary kept by {@link UnitTaskSummaryHandler} selects exactly the tasks the history does, after
 * creates, escalations, re-routings, a new lead unit, a moved due date, completions and deletions
 * ({@link UnitTaskScenario}), and the figures it gives are the ones a manager expects.
 */
@IntegrationTest
class UnitTaskSummaryTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void theSummaryGivesTheHistorysFiguresAfterEveryKindOfChange() {
    UnitTaskScenario scenario = new UnitTaskScenario(engine);
    List<String> open = scenario.first();
    UnitTaskScenario.assertSummaryEqualsHistory(dataSource);

    // what the summary says for April 2023, looked at on 01/05: the task handed to another commune is that
    // commune's, the one whose deliverable changed lead is a lead task of the new lead unit, the cancelled one is
    // still open (it was cancelled in May), the due date moved earlier made a task overdue
    UnitTaskHistory summary = new UnitTaskHistory(dataSource);
    List<UnitTaskHistory.Bucket> april = summary.buckets(LocalDate.of(2023, 4, 1), at(2023, 5, 1, 0).toInstant(),
        null);
    assertThat(april).contains(
        new UnitTaskHistory.Bucket(UnitTaskScenario.UNIT, true, TaskOutcome.ON_TIME, null, null, 1),
        new UnitTaskHistory.Bucket(UnitTaskScenario.OTHER, false, TaskOutcome.OPEN_NOT_DUE, null, null, 1),
        new UnitTaskHistory.Bucket(UnitTaskScenario.THIRD, true, TaskOutcome.OPEN_OVERDUE, null, null, 2));
    assertThat(april).filteredOn(b -> b.unit().equals(UnitTaskScenario.UNIT) && b.outcome() == TaskOutcome.LATE)
        .extracting(UnitTaskHistory.Bucket::tasks).containsExactly(1);
    assertThat(april).filteredOn(b -> b.unit().equals(UnitTaskScenario.OTHER) && b.lead())
        .extracting(UnitTaskHistory.Bucket::outcome).containsExactly(TaskOutcome.OPEN_OVERDUE);

    // finished in May and June, one after its deliverable went back to its first lead unit
    scenario.second(open);
    UnitTaskScenario.assertSummaryEqualsHistory(dataSource);
    assertThat(summary.buckets(LocalDate.of(2023, 4, 1), at(2023, 5, 1, 0).toInstant(), UnitTaskScenario.OTHER))
        .noneMatch(UnitTaskHistory.Bucket::lead);
  }
}
