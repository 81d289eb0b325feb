package vn.hanoi.gdnn.delegation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The absences (Flyway migration V5, system.SchemaMigrations), through Spring JDBC on the engine's data source and transaction. */
@Component
public class Absences {

  private final JdbcTemplate jdbc;

  public Absences(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void insert(Absence a) {
    jdbc.update("INSERT INTO absence_delegation (id, leader_id, deputy_id, unit, starts_on, ends_on, scope, reason, "
            + "state, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(), a.leaderId(), a.deputyId(), a.unit(), Date.valueOf(a.startsOn()), Date.valueOf(a.endsOn()),
        String.join(",", a.scope()), a.reason(), a.state().name(), a.recordedBy(), Timestamp.from(a.recordedAt()));
  }

  void setState(String id, Absence.State state) {
    jdbc.update("UPDATE absence_delegation SET state = ? WHERE id = ?", state.name(), id);
  }

  /** The leader came back early: the absence's last day becomes {@code lastDay}. */
  void shortenTo(String id, java.time.LocalDate lastDay) {
    jdbc.update("UPDATE absence_delegation SET ends_on = ? WHERE id = ?", Date.valueOf(lastDay), id);
  }

  public Optional<Absence> find(String id) {
    return jdbc.query("SELECT * FROM absence_delegation WHERE id = ?", Absences::row, id).stream().findFirst();
  }

  /** A leader's absences not yet ended (planned or active). */
  public List<Absence> openOf(String leaderId) {
    return jdbc.query("SELECT * FROM absence_delegation WHERE leader_id = ? AND state <> 'ENDED' ORDER BY starts_on",
        Absences::row, leaderId);
  }

  /** Active absences of a unit's leaders. */
  public List<Absence> activeInUnit(String unit) {
    return jdbc.query("SELECT * FROM absence_delegation WHERE unit = ? AND state = 'ACTIVE' ORDER BY starts_on",
        Absences::row, unit);
  }

  public List<Absence> all() {
    return jdbc.query("SELECT * FROM absence_delegation ORDER BY starts_on DESC", Absences::row);
  }

  public List<Absence> ofUnit(String unit) {
    return jdbc.query("SELECT * FROM absence_delegation WHERE unit = ? ORDER BY starts_on DESC", Absences::row, unit);
  }

  private static Absence row(ResultSet rs, int n) throws SQLException {
    return new Absence(rs.getString("id"), rs.getString("leader_id"), rs.getString("deputy_id"), rs.getString("unit"),
        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
        Arrays.asList(rs.getString("scope").split(",")), rs.getString("reason"),
        Absence.State.valueOf(rs.getString("state")), rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant());
  }
}
