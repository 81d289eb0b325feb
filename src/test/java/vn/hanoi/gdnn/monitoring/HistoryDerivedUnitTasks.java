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

import vn.hanoi.gdnn.monitoring.UnitTaskHistory.Bucket;
import vn.hanoi.gdnn.monitoring.UnitTaskHistory.Deliverable;
import vn.hanoi.gdnn.monitoring.UnitTaskHistory.Involvement;

/**
 * The units' task figures computed straight from Camunda's history tables, as the application computed them before
 * the summary table {@code gdnn_unit_task} (Flyway V7): the reference {@link UnitTaskSummaryTest} holds the
 * summary's figures against after creates, re-routings, completions and deletions. Returns the same records as
 * {@link UnitTaskHistory}.
 *
 * <p>Which tasks count for a period [from, end) looked at the moment {@code cut}: user tasks with a due date,
 * routed to a unit's group or its leaders' group (candidate link never taken away before the task ended), which
 * either were completed in [from, cut) or were open at {@code cut}; "lead" when the unit is the {@code leadUnit}
 * of the task's root process instance.
 */
public class HistoryDerivedUnitTasks {

  private static final String UNIT_OF_GROUP = "REPLACE(l.GROUP_ID_, '-lanh-dao', '')";

  private final NamedParameterJdbcTemplate jdbc;

  public HistoryDerivedUnitTasks(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  public List<Bucket> buckets(LocalDate from, Instant cut, String unit) {
    String finished = "b.END_ IS NOT NULL AND b.END_ < :cut";
    // Classified in a derived table and grouped by its columns: H2 cannot match GROUP BY expressions that hold
    // bind parameters.
    String sql = "SELECT x.unit, x.lead_role, x.outcome, x.due_day, x.end_day, COUNT(*) AS tasks FROM ("
        + "SELECT b.UNIT_ AS unit, " + leadRole() + " AS lead_role,"
        + " CASE WHEN " + finished + " THEN (CASE WHEN b.END_ <= b.DUE_ THEN 'ON_TIME' ELSE 'LATE' END)"
        + "  WHEN b.DUE_ < :cut THEN 'OPEN_OVERDUE' ELSE 'OPEN_NOT_DUE' END AS outcome,"
        + " CASE WHEN " + finished + " AND b.END_ > b.DUE_ THEN CAST(b.DUE_ AS DATE) END AS due_day,"
        + " CASE WHEN " + finished + " AND b.END_ > b.DUE_ THEN CAST(b.END_ AS DATE) END AS end_day"
        + " FROM (" + counted(unit) + ") b" + leadJoin() + ") x"
        + " GROUP BY x.unit, x.lead_role, x.outcome, x.due_day, x.end_day";
    return jdbc.query(sql, parameters(from, cut, unit), (rs, i) -> new Bucket(rs.getString("unit"),
        rs.getInt("lead_role") == 1, TaskOutcome.valueOf(rs.getString("outcome")), day(rs.getDate("due_day")),
        day(rs.getDate("end_day")), rs.getInt("tasks")));
  }

  public List<Involvement> involvement(LocalDate from, Instant cut, String unit) {
    String sql = "SELECT x.unit, x.lead_role, COUNT(DISTINCT x.root) AS roots FROM (SELECT b.UNIT_ AS unit, "
        + leadRole() + " AS lead_role, b.ROOT_ AS root FROM (" + counted(unit) + ") b" + leadJoin() + ") x"
        + " GROUP BY x.unit, x.lead_role";
    return jdbc.query(sql, parameters(from, cut, unit),
        (rs, i) -> new Involvement(rs.getString("unit"), rs.getInt("lead_role") == 1, rs.getInt("roots")));
  }

  /** The deliverables of one unit (a unit has at most a few thousand; the whole city's list is never read). */
  public List<Deliverable> deliverables(LocalDate from, Instant cut, String unit) {
    String sql = "SELECT DISTINCT b.UNIT_ AS unit, " + leadRole() + " AS lead_role, p.BUSINESS_KEY_ AS code"
        + " FROM (" + counted(unit) + ") b" + leadJoin() + " JOIN ACT_HI_PROCINST p ON p.ID_ = b.ROOT_"
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

  /** (task, unit) pairs counted for the period; a task routed to a unit and to its leaders counts once. */
  private static String counted(String unit) {
    return "SELECT DISTINCT t.ID_ AS TASK_, " + UNIT_OF_GROUP + " AS UNIT_, t.ROOT_PROC_INST_ID_ AS ROOT_,"
        + " t.DUE_DATE_ AS DUE_, t.END_TIME_ AS END_"
        + " FROM ACT_HI_TASKINST t JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
        + " WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL AND l.OPERATION_TYPE_ = 'add'"
        // a group taken off the task before it ended (a deliverable moved to another unit) does not answer for it
        + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_IDENTITYLINK d WHERE d.TASK_ID_ = l.TASK_ID_"
        + "  AND d.GROUP_ID_ = l.GROUP_ID_ AND d.TYPE_ = 'candidate' AND d.OPERATION_TYPE_ = 'delete'"
        + "  AND d.TIMESTAMP_ >= l.TIMESTAMP_ AND (t.END_TIME_ IS NULL OR d.TIMESTAMP_ < t.END_TIME_))"
        + " AND t.DUE_DATE_ IS NOT NULL AND t.START_TIME_ < :cut"
        + " AND (t.END_TIME_ IS NULL OR t.END_TIME_ >= :from)"
        // ended before the cut counts only when completed (a cancelled step is nobody's delay)
        + " AND (t.END_TIME_ IS NULL OR t.END_TIME_ >= :cut OR t.DELETE_REASON_ = 'completed')"
        + (unit == null ? "" : " AND l.GROUP_ID_ IN (:unit, :leaders)");
  }

  private static String leadRole() {
    return "CASE WHEN lv.TEXT_ = b.UNIT_ THEN 1 ELSE 0 END";
  }

  private static String leadJoin() {
    return " LEFT JOIN ACT_HI_VARINST lv ON lv.PROC_INST_ID_ = b.ROOT_ AND lv.NAME_ = 'leadUnit'"
        + " AND lv.EXECUTION_ID_ = lv.PROC_INST_ID_";
  }

  private static MapSqlParameterSource parameters(LocalDate from, Instant cut, String unit) {
    // Camunda writes timestamps in the JVM's zone, which is Hanoi's (the server always runs in it).
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("from", Timestamp.from(from.atStartOfDay(ReportFormat.ZONE).toInstant()))
        .addValue("cut", Timestamp.from(cut));
    if (unit != null) {
      p.addValue("unit", unit).addValue("leaders", unit + "-lanh-dao");
    }
    return p;
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
