package vn.hanoi.gdnn.notification;

import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How each person wants to hear of their work: immediate mails, the daily digest, or both (the default, also for
 * a person who never chose). Stored in {@code notification_preference} (created by {@link Outbox}).
 */
@Component
public class Preferences {

  /** A person's choice. */
  public record Choice(boolean immediate, boolean digest) {
    public static final Choice DEFAULT = new Choice(true, true);

    public String mode() {
      return immediate && digest ? "both" : immediate ? "immediate" : digest ? "digest" : "none";
    }

    public static Choice ofMode(String mode) {
      return switch (mode) {
        case "both" -> new Choice(true, true);
        case "immediate" -> new Choice(true, false);
        case "digest" -> new Choice(false, true);
        case "none" -> new Choice(false, false);
        default -> throw new IllegalArgumentException(mode);
      };
    }
  }

  private final JdbcTemplate jdbc;

  public Preferences(DataSource dataSource, Outbox schemaOwner) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Choice of(String userId) {
    return jdbc.query("SELECT immediate, digest FROM notification_preference WHERE user_id = ?",
        (rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2)), userId).stream().findFirst()
        .orElse(Choice.DEFAULT);
  }

  public void save(String userId, Choice choice) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE notification_preference SET immediate = ?, digest = ?, updated_at = ? WHERE user_id = ?",
        choice.immediate(), choice.digest(), now, userId) == 0) {
      jdbc.update("INSERT INTO notification_preference (user_id, immediate, digest, updated_at) VALUES (?, ?, ?, ?)",
          userId, choice.immediate(), choice.digest(), now);
    }
  }
}
