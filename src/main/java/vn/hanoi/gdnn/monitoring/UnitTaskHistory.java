package vn.hanoi.gdnn.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the units' task figures from {@code gdnn_unit_task}, the summary of the engine's task history that
 * {@link UnitTaskSummaryHandler} keeps (one row per task and unit, with the task's start, due date, end, whether
 * it was completed and the unit's role), in a few aggregate statements: the cost follows the rows of the period,
 * one narrow table and no join, not the tasks' candidate links in Camunda's history, which cost seconds with
 * 100,000 open tasks (docs/performance.md). Portable between H2 and PostgreSQL.
 *
 * <p>Which tasks count for a period [from, end) looked at the moment {@code cut} (the period's end, or now while
 * the period runs): user tasks with a due date, routed to a unit's group or its leaders' group (candidate link
 * never taken away before the task ended), which either were completed in [from, cut) or were open at
 * {@code cut}. A task's role for the unit is "lead" when the unit is the {@code leadUnit} of the task's root
 * process instance (the deliverable), otherwise "co-operating" (co-operating units, consulted units, approvers).
 * The same selection computed from Camunda's history tables is held against this one by
 * {@code UnitTaskSummaryTest}.
 */
public class UnitTaskHistory {

  /** One group of counted tasks. {@code dueDay}/{@code endDay} are set only for late completions. */
  public record Bucket(String unit, boolean lead, TaskOutcome outcome, LocalDate dueDay, LocalDate endDay,
      int tasks) {
  }

  /** Deliverables (root process instances) one unit has counted tasks in, by role. */
  public record Involvement(String unit, boolean lead, int deliverables) {
  }

  /** One deliverable of a unit: its business key (the deliverable's code) and the unit's role. */
  public record Deliverable(String unit, boolean lead, String code) {
  }

  private final NamedParameterJdbcTemplate jdbc;

  public UnitTaskHistory(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  public List<Bucket> buckets(LocalDate from, Instant cut, String unit) {
    String finished = "s.end_ IS NOT NULL AND s.end_ < :cut";
    // Classified in a derived table and grouped by its columns: H2 cannot match GROUP BY expressions that hold
    // bind parameters.
    String sql = "SELECT x.unit, x.lead_role, x.outcome, x.due_day, x.end_day, COUNT(*) AS tasks FROM ("
        + "SELECT s.unit_ AS unit, s.lead_ AS lead_role,"
        + " CASE WHEN " + finished + " THEN (CASE WHEN s.end_ <= s.due_ THEN 'ON_TIME' ELSE 'LATE' END)"
        + "  WHEN s.due_ < :cut THEN 'OPEN_OVERDUE' ELSE 'OPEN_NOT_DUE' END AS outcome,"
        + " CASE WHEN " + finished + " AND s.end_ > s.due_ THEN CAST(s.due_ AS DATE) END AS due_day,"
        + " CASE WHEN " + finished + " AND s.end_ > s.due_ THEN CAST(s.end_ AS DATE) END AS end_day"
        + " FROM gdnn_unit_task s WHERE " + counted(unit) + ") x"
        + " GROUP BY x.unit, x.lead_role, x.outcome, x.due_day, x.end_day";
    return jdbc.query(sql, parameters(from, cut, unit), (rs, i) -> new Bucket(rs.getString("unit"),
        rs.getInt("lead_role") == 1, TaskOutcome.valueOf(rs.getString("outcome")), day(rs.getDate("due_day")),
        day(rs.getDate("end_day")), rs.getInt("tasks")));
  }

  public List<Involvement> involvement(LocalDate from, Instant cut, String unit) {
    String sql = "SELECT s.unit_ AS unit, s.lead_ AS lead_role, COUNT(DISTINCT s.root_id_) AS roots"
        + " FROM gdnn_unit_task s WHERE " + counted(unit) + " GROUP BY s.unit_, s.lead_";
    return jdbc.query(sql, parameters(from, cut, unit),
        (rs, i) -> new Involvement(rs.getString("unit"), rs.getInt("lead_role") == 1, rs.getInt("roots")));
  }

  /** The deliverables of one unit (a unit has at most a few thousand; the whole city's list is never read). */
  public List<Deliverable> deliverables(LocalDate from, Instant cut, String unit) {
    String sql = "SELECT DISTINCT s.unit_ AS unit, s.lead_ AS lead_role, p.BUSINESS_KEY_ AS code"
        + " FROM gdnn_unit_task s JOIN ACT_HI_PROCINST p ON p.ID_ = s.root_id_ WHERE " + counted(unit)
        + " ORDER BY code";
    List<Deliverable> result = new ArrayList<>();
    jdbc.query(sql, parameters(from, cut, unit), rs -> {
      String code = rs.getString("code");
      if (code != null) {
        result.add(new Deliverable(rs.getString("unit"), rs.getInt("lead_role") == 1, code));
      }
    });
    return result;
  }

  /** The rows counted for the period: one per (task, unit), so a task routed to a unit and its leaders counts once. */
  private static String counted(String unit) {
    return "(s.via_unit_ = 1 OR s.via_leaders_ = 1)"
        + " AND s.due_ IS NOT NULL AND s.start_ < :cut"
        + " AND (s.end_ IS NULL OR s.end_ >= :from)"
        // ended before the cut counts only when completed (a cancelled step is nobody's delay)
        + " AND (s.end_ IS NULL OR s.end_ >= :cut OR s.completed_ = 1)"
        + (unit == null ? "" : " AND s.unit_ = :unit");
  }

  private static MapSqlParameterSource parameters(LocalDate from, Instant cut, String unit) {
    // Camunda writes timestamps in the JVM's zone, which is Hanoi's (the server always runs in it); the summary
    // copies them as they are.
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("from", Timestamp.from(from.atStartOfDay(ReportFormat.ZONE).toInstant()))
        .addValue("cut", Timestamp.from(cut));
    if (unit != null) {
      p.addValue("unit", unit);
    }
    return p;
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
