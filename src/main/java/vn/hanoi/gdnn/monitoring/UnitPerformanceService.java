package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;

/**
 * How each unit carries its tasks in a period (issue 20): finished on time, finished late with the working days
 * late, open and overdue, open and not yet due, the on-time rate and the deliverables concerned, as lead and as
 * co-operating unit. Counted by {@link UnitTaskHistory} from the engine's history; working days late by the
 * {@code workingDays} calendar (Vietnamese holidays and swapped Saturdays), once per distinct pair of days.
 */
public class UnitPerformanceService {

  private final UnitTaskHistory history;
  private final WorkingDayCalendar workingDays;
  private final OrganisationDirectory directory;

  public UnitPerformanceService(UnitTaskHistory history, WorkingDayCalendar workingDays,
      OrganisationDirectory directory) {
    this.history = history;
    this.workingDays = workingDays;
    this.directory = directory;
  }

  /** A unit code the figures can be asked for: a unit of the organisation whose people work in the system. */
  public Optional<Unit> unit(String code) {
    return directory.find(code).filter(u -> directory.kindOf(u).groups());
  }

  /** Checks the {@code unit} parameter (absent = every unit); unknown → 400 naming the field. */
  public Optional<String> checkUnit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    if (unit(code).isEmpty()) {
      throw new MonitoringInputException("unit", "Trường \"unit\" (đơn vị): " + ProgressService.unknownUnit(code));
    }
    return Optional.of(code);
  }

  public UnitPerformance figures(ReportPeriod period, Optional<String> unit) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant start = period.first().atStartOfDay(workingDays.zone()).toInstant();
    if (!now.isAfter(start)) {
      throw new MonitoringInputException("period", "Trường \"period\" (kỳ báo cáo): kỳ " + period.label()
          + " chưa bắt đầu, chưa có số liệu.");
    }
    Instant end = period.end().atStartOfDay(workingDays.zone()).toInstant();
    Instant cut = now.isBefore(end) ? now : end;
    String only = unit.orElse(null);

    Map<String, Tally[]> tallies = new LinkedHashMap<>();
    List<Unit> units = unit.map(code -> List.of(unit(code).orElseThrow())).orElseGet(this::unitsWithGroups);
    units.forEach(u -> tallies.put(u.code(), new Tally[] {new Tally(), new Tally()}));
    Map<String, Integer> daysLate = new HashMap<>();
    for (UnitTaskHistory.Bucket b : history.buckets(period.first(), cut, only)) {
      Tally[] t = tallies.get(b.unit());
      if (t != null) {
        t[b.lead() ? 0 : 1].add(b, b.outcome() == TaskOutcome.LATE ? daysLate.computeIfAbsent(
            b.dueDay() + "/" + b.endDay(), k -> lateWorkingDays(b.dueDay(), b.endDay())) : 0);
      }
    }
    for (UnitTaskHistory.Involvement i : history.involvement(period.first(), cut, only)) {
      Tally[] t = tallies.get(i.unit());
      if (t != null) {
        t[i.lead() ? 0 : 1].deliverables = i.deliverables();
      }
    }
    if (only != null) {
      Tally[] t = tallies.get(only);
      t[0].codes = new ArrayList<>();
      t[1].codes = new ArrayList<>();
      history.deliverables(period.first(), cut, only).forEach(d -> t[d.lead() ? 0 : 1].codes.add(d.code()));
    }
    List<UnitFigures> rows = new ArrayList<>();
    for (Unit u : units) {
      Tally[] t = tallies.get(u.code());
      rows.add(figures(u, t[0].role(), t[1].role()));
    }
    return new UnitPerformance(period, cut, ranked(rows));
  }

  /** On-time rates of the twelve months that end with the period's last month, for every unit asked for. */
  public List<UnitPerformance> trend(ReportPeriod period, Optional<String> unit) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return period.twelveMonthsToEnd().stream()
        .filter(m -> now.isAfter(m.first().atStartOfDay(workingDays.zone()).toInstant()))
        .map(m -> figures(m, unit)).toList();
  }

  /**
   * Working days late: those after the due day up to and including the day it was finished; a task finished
   * after office hours on its due day is one day late (the unit used the next day's time).
   */
  int lateWorkingDays(LocalDate dueDay, LocalDate endDay) {
    return Math.max(1, workingDays.workingDaysBetween(dueDay, endDay));
  }

  private List<Unit> unitsWithGroups() {
    return directory.unitsWithGroups();
  }

  private static UnitFigures figures(Unit unit, UnitFigures.Role lead, UnitFigures.Role co) {
    int onTime = lead.onTime() + co.onTime();
    int late = lead.late() + co.late();
    int overdue = lead.openOverdue() + co.openOverdue();
    return new UnitFigures(unit.code(), unit.name(), onTime, late, lead.lateWorkingDays() + co.lateWorkingDays(),
        overdue, lead.openNotDue() + co.openNotDue(), UnitFigures.Role.rate(onTime, late, overdue),
        lead.deliverables() + co.deliverables(), null, lead, co);
  }

  /**
   * Ranks by on-time rate (higher first); equal rates share a place ("1, 2, 2, 4"); units without a rate are not
   * ranked. The rows keep the organisation's order.
   */
  static List<UnitFigures> ranked(List<UnitFigures> rows) {
    List<UnitFigures> rated = rows.stream().filter(r -> r.onTimeRate() != null)
        .sorted(Comparator.comparing(UnitFigures::onTimeRate).reversed()).toList();
    Map<String, Integer> places = new HashMap<>();
    for (int i = 0; i < rated.size(); i++) {
      UnitFigures r = rated.get(i);
      boolean tie = i > 0 && r.onTimeRate().equals(rated.get(i - 1).onTimeRate());
      places.put(r.unit(), tie ? places.get(rated.get(i - 1).unit()) : i + 1);
    }
    return rows.stream().map(r -> r.withRank(places.get(r.unit()))).toList();
  }

  /** Counts of one unit in one role, summed over buckets. */
  private static final class Tally {
    int onTime;
    int late;
    int lateDays;
    int overdue;
    int notDue;
    int deliverables;
    List<String> codes;

    void add(UnitTaskHistory.Bucket b, int workingDaysLatePerTask) {
      switch (b.outcome()) {
        case ON_TIME -> onTime += b.tasks();
        case LATE -> {
          late += b.tasks();
          lateDays += b.tasks() * workingDaysLatePerTask;
        }
        case OPEN_OVERDUE -> overdue += b.tasks();
        case OPEN_NOT_DUE -> notDue += b.tasks();
      }
    }

    UnitFigures.Role role() {
      return new UnitFigures.Role(onTime, late, lateDays, overdue, notDue,
          UnitFigures.Role.rate(onTime, late, overdue), deliverables, codes == null ? null : List.copyOf(codes));
    }
  }
}
