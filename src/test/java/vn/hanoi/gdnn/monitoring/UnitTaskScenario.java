package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.at;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.due;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Every way a task's figures can change, on real engine history in April–June 2023 (a period no other test writes
 * into): completed on time and late, escalated to the unit's leaders, handed from one unit to another, its
 * deliverable given another lead unit, its due date moved, its deliverable cancelled, a group taken off and put
 * back, a task outside any process deleted. Then the summary's selection ({@link UnitTaskHistory}) is held against
 * the one computed from Camunda's history tables ({@link HistoryDerivedUnitTasks}) for closed and running
 * periods, city-wide and for each unit involved.
 */
final class UnitTaskScenario {

  static final String UNIT = "xa-soc-son";
  static final String OTHER = "xa-dong-anh";
  static final String THIRD = "xa-me-linh";

  private final ProcessEngine engine;
  private final UnitTaskHistoryFixture tasks;

  UnitTaskScenario(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = new UnitTaskHistoryFixture(engine, "unitSummaryTestTask");
  }

  /** The part of the scenario that ends in May 2023; returns the task still open for {@link #second}. */
  List<String> first() {
    TaskService taskService = engine.getTaskService();
    List<String> open = new ArrayList<>();
    try {
      // on time, and late after an escalation to the unit's leaders
      tasks.complete(tasks.start("US-1", UNIT, UNIT, at(2023, 4, 3, 9), due(2023, 4, 7)), at(2023, 4, 6, 10));
      String late = tasks.start("US-2", UNIT, UNIT, at(2023, 4, 3, 9), due(2023, 4, 7));
      ClockUtil.setCurrentTime(at(2023, 4, 10, 8));
      taskService.addCandidateGroup(late, UNIT + "-lanh-dao");
      tasks.complete(late, at(2023, 4, 12, 10));
      // handed from UNIT to OTHER while it runs: it is OTHER's task only
      String handed = tasks.start("US-3", UNIT, UNIT, at(2023, 4, 4, 9), due(2023, 5, 12));
      ClockUtil.setCurrentTime(at(2023, 4, 20, 9));
      taskService.deleteCandidateGroup(handed, UNIT);
      taskService.addCandidateGroup(handed, OTHER);
      open.add(handed);
      // the deliverable is given to another lead unit: its task for OTHER becomes a lead task
      String moved = tasks.start("US-4", UNIT, OTHER, at(2023, 4, 5, 9), due(2023, 4, 28));
      ClockUtil.setCurrentTime(at(2023, 4, 21, 9));
      engine.getRuntimeService().setVariable(processOf(moved), "leadUnit", OTHER);
      open.add(moved);
      // its due date moved earlier: overdue at the end of April
      String dueMoved = tasks.start("US-5", THIRD, THIRD, at(2023, 4, 6, 9), due(2023, 5, 31));
      ClockUtil.setCurrentTime(at(2023, 4, 14, 9));
      taskService.setDueDate(dueMoved, due(2023, 4, 19));
      open.add(dueMoved);
      // cancelled in May with its deliverable: open in April, nobody's in May
      String cancelled = tasks.start("US-6", THIRD, THIRD, at(2023, 4, 7, 9), due(2023, 4, 14));
      ClockUtil.setCurrentTime(at(2023, 5, 3, 9));
      engine.getRuntimeService().deleteProcessInstance(processOf(cancelled), "Nhiệm vụ bị hủy");
      // a group taken off and put back: still the unit's; one taken off for good behind the leaders' group
      String back = tasks.start("US-7", UNIT, UNIT, at(2023, 4, 10, 9), due(2023, 4, 21));
      ClockUtil.setCurrentTime(at(2023, 4, 11, 9));
      taskService.deleteCandidateGroup(back, UNIT);
      ClockUtil.setCurrentTime(at(2023, 4, 12, 9));
      taskService.addCandidateGroup(back, UNIT);
      String leadersOnly = tasks.start("US-8", THIRD, THIRD, at(2023, 4, 10, 9), due(2023, 4, 21));
      ClockUtil.setCurrentTime(at(2023, 4, 13, 9));
      taskService.addCandidateGroup(leadersOnly, THIRD + "-lanh-dao");
      ClockUtil.setCurrentTime(at(2023, 4, 14, 9));
      taskService.deleteCandidateGroup(leadersOnly, THIRD);
      tasks.complete(back, at(2023, 5, 2, 10));
      tasks.complete(leadersOnly, at(2023, 4, 20, 10));
      // a task outside any process, with a due date, then deleted
      ClockUtil.setCurrentTime(at(2023, 4, 11, 9));
      Task loose = taskService.newTask();
      loose.setName("Việc ngoài quy trình");
      loose.setDueDate(due(2023, 4, 18));
      taskService.saveTask(loose);
      taskService.addCandidateGroup(loose.getId(), OTHER);
      ClockUtil.setCurrentTime(at(2023, 5, 4, 9));
      taskService.deleteTask(loose.getId(), "Giao nhầm");
      return open;
    } finally {
      ClockUtil.reset();
    }
  }

  /** Finishes the tasks {@link #first} left open, in May and June, one of them after its deliverable moved back. */
  void second(List<String> open) {
    try {
      tasks.complete(open.get(0), at(2023, 5, 15, 10));
      ClockUtil.setCurrentTime(at(2023, 5, 20, 9));
      engine.getRuntimeService().setVariable(processOf(open.get(1)), "leadUnit", UNIT);
      tasks.complete(open.get(1), at(2023, 6, 2, 10));
      tasks.complete(open.get(2), at(2023, 5, 9, 18));
    } finally {
      ClockUtil.reset();
    }
  }

  /** The summary gives exactly the history's figures for the scenario's months, quarter and running cuts. */
  static void assertSummaryEqualsHistory(DataSource dataSource) {
    UnitTaskHistory summary = new UnitTaskHistory(dataSource);
    HistoryDerivedUnitTasks history = new HistoryDerivedUnitTasks(dataSource);
    List<Object[]> periods = List.of(
        new Object[] {LocalDate.of(2023, 4, 1), at(2023, 5, 1, 0).toInstant()},
        new Object[] {LocalDate.of(2023, 4, 1), at(2023, 4, 12, 9).toInstant()},
        new Object[] {LocalDate.of(2023, 5, 1), at(2023, 6, 1, 0).toInstant()},
        new Object[] {LocalDate.of(2023, 6, 1), at(2023, 7, 1, 0).toInstant()},
        new Object[] {LocalDate.of(2023, 4, 1), at(2023, 7, 1, 0).toInstant()},
        new Object[] {LocalDate.of(2023, 5, 1), at(2023, 5, 10, 12).toInstant()},
        new Object[] {LocalDate.of(2023, 5, 1), Instant.now()});
    for (Object[] p : periods) {
      LocalDate from = (LocalDate) p[0];
      Instant cut = (Instant) p[1];
      for (String unit : java.util.Arrays.asList(null, UNIT, OTHER, THIRD)) {
        String what = from + " to " + cut + ", unit " + unit;
        assertThat(sorted(summary.buckets(from, cut, unit))).as(what)
            .isEqualTo(sorted(history.buckets(from, cut, unit)));
        assertThat(sorted(summary.involvement(from, cut, unit))).as(what)
            .isEqualTo(sorted(history.involvement(from, cut, unit)));
        if (unit != null) {
          assertThat(summary.deliverables(from, cut, unit)).as(what)
              .isEqualTo(history.deliverables(from, cut, unit));
        }
      }
    }
  }

  private static <T> List<T> sorted(List<T> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  private String processOf(String taskId) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
        .getProcessInstanceId();
  }
}
