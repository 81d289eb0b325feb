package vn.hanoi.gdnn.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The plan's own tables, through Spring JDBC on the engine's data source and transaction. The tables and the
 * lock row are Flyway migrations (db/migration/common, run by system.SchemaMigrations when the engine starts).
 */
@Component
public class PlanStore {

  public static final String ACTIVE = "active";
  public static final String CANCELLED = "cancelled";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  public PlanStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Serialises catalogue synchronisations across nodes until the current transaction ends. */
  public void lockCatalogue() {
    jdbc.queryForList("SELECT id FROM plan_sync_lock WHERE id = 'catalogue' FOR UPDATE");
  }

  public record StoredDeliverable(String code, DeliverableEntry definition, DeliverableEntry catalogueDefinition,
      String status) {
    public boolean active() {
      return ACTIVE.equals(status);
    }
  }

  public List<StoredDeliverable> deliverables() {
    return jdbc.query("SELECT code, definition, catalogue_definition, status FROM plan_deliverable ORDER BY code",
        (rs, i) -> new StoredDeliverable(rs.getString(1), read(rs.getString(2)), read(rs.getString(3)),
            rs.getString(4)));
  }

  public Optional<StoredDeliverable> deliverable(String code) {
    return deliverables().stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public void insertDeliverable(DeliverableEntry definition, DeliverableEntry fromCatalogue) {
    jdbc.update("INSERT INTO plan_deliverable (code, definition, catalogue_definition, status, updated_at) "
        + "VALUES (?, ?, ?, ?, ?)", definition.code(), write(definition), write(fromCatalogue), ACTIVE, now());
  }

  public void updateDefinition(String code, DeliverableEntry definition) {
    jdbc.update("UPDATE plan_deliverable SET definition = ?, updated_at = ? WHERE code = ?",
        write(definition), now(), code);
  }

  public void updateCatalogueDefinition(String code, DeliverableEntry fromCatalogue) {
    jdbc.update("UPDATE plan_deliverable SET catalogue_definition = ?, updated_at = ? WHERE code = ?",
        write(fromCatalogue), now(), code);
  }

  public void setStatus(String code, String status) {
    jdbc.update("UPDATE plan_deliverable SET status = ?, updated_at = ? WHERE code = ?", status, now(), code);
  }

  public boolean launched(String businessKey) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM plan_launch WHERE business_key = ?", Integer.class,
        businessKey) > 0;
  }

  /** Records a launch; the primary key refuses a second row for the same business key. */
  public void recordLaunch(String businessKey, String code, String processInstanceId) {
    jdbc.update("INSERT INTO plan_launch (business_key, code, process_instance_id, launched_at) VALUES (?, ?, ?, ?)",
        businessKey, code, processInstanceId, now());
  }

  public record Launch(String businessKey, String code, String processInstanceId, Instant launchedAt) {
  }

  public List<Launch> launches(String code) {
    return jdbc.query("SELECT business_key, code, process_instance_id, launched_at FROM plan_launch WHERE code = ? "
        + "ORDER BY business_key", (rs, i) -> new Launch(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4).toInstant()), code);
  }

  public List<Launch> launches() {
    return jdbc.query("SELECT business_key, code, process_instance_id, launched_at FROM plan_launch "
        + "ORDER BY business_key", (rs, i) -> new Launch(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4).toInstant()));
  }

  public record Amendment(long id, String code, String kind, String detail, String reason, String author,
      Instant madeAt) {
  }

  public void recordAmendment(String code, String kind, String detail, String reason, String author) {
    jdbc.update("INSERT INTO plan_amendment (code, kind, detail, reason, author, made_at) VALUES (?, ?, ?, ?, ?, ?)",
        code, kind, detail, reason, author, now());
  }

  public List<Amendment> amendments(String code) {
    return jdbc.query("SELECT id, code, kind, detail, reason, author, made_at FROM plan_amendment WHERE code = ? "
        + "ORDER BY id", (rs, i) -> new Amendment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), code);
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private String write(DeliverableEntry entry) {
    if (entry == null) {
      return null;
    }
    try {
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write deliverable " + entry.code(), e);
    }
  }

  private DeliverableEntry read(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, DeliverableEntry.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored deliverable", e);
    }
  }
}
