package vn.hanoi.gdnn.monitoring;

import java.util.List;

/**
 * A unit's figures for one period, as the API, the Cockpit dashboard and the XLSX report give them: the totals,
 * then the same figures for the deliverables the unit leads and for those it co-operates in.
 *
 * @param onTimeRate per cent with one decimal: on time ÷ (on time + late + open overdue); {@code null} when the
 *     unit had no task due or finished in the period
 * @param deliverables deliverables (root process instances) the counted tasks belong to
 * @param rank place in the ranking of the period (1 = best on-time rate), {@code null} without a rate
 */
public record UnitFigures(String unit, String unitName, int onTime, int late, int lateWorkingDays,
    int openOverdue, int openNotDue, Double onTimeRate, int deliverables, Integer rank, Role asLead,
    Role asCoOperating) {

  /**
   * The figures of one role. {@code deliverableCodes} lists the deliverables by code when one unit was asked
   * for, {@code null} otherwise (a city-wide answer stays small).
   */
  public record Role(int onTime, int late, int lateWorkingDays, int openOverdue, int openNotDue,
      Double onTimeRate, int deliverables, List<String> deliverableCodes) {

    static Double rate(int onTime, int late, int openOverdue) {
      int due = onTime + late + openOverdue;
      return due == 0 ? null : Math.round(1000.0 * onTime / due) / 10.0;
    }
  }

  UnitFigures withRank(Integer place) {
    return new UnitFigures(unit, unitName, onTime, late, lateWorkingDays, openOverdue, openNotDue, onTimeRate,
        deliverables, place, asLead, asCoOperating);
  }
}
