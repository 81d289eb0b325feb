package vn.hanoi.gdnn.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox: a notification is a row written in the transaction of the engine command that causes it (Spring JDBC
 * on the engine's data source joins that transaction), together with a {@code notificationDelivery} process
 * instance whose asynchronous step sends it through the job executor — with retries, back-off and an incident when
 * they run out. If the causing command rolls back, neither the row nor the job exists; if it commits, both do.
 */
@Component
public class Outbox {

  public static final String DELIVERY_PROCESS = "notificationDelivery";
  public static final String NOTIFICATION_ID = "notificationId";

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final JdbcTemplate jdbc;
  private final Mailer mailer;

  public Outbox(DataSource dataSource, Mailer mailer) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.mailer = mailer;
  }

  /** Whether notifications are written at all: not while mails are off (no SMTP server configured). */
  public boolean isOn() {
    return mailer.isOn();
  }

  /**
   * Writes a notification and its delivery, inside the current engine command. Nothing when mails are off or
   * nobody is to be told. Returns the row's id.
   */
  public Optional<String> write(Kind kind, List<Person> to, Mail mail, String taskId, String businessKey) {
    List<Person> reachable = to.stream().filter(p -> p.email() != null).distinct().toList();
    if (!mailer.isOn() || reachable.isEmpty()) {
      return Optional.empty();
    }
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      throw new IllegalStateException("A notification is written inside the engine command that causes it");
    }
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO notification_outbox (id, kind, recipients, user_ids, subject, body, task_id, "
            + "business_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, kind.name(), join(reachable.stream().map(Person::email).toList()),
        join(reachable.stream().map(Person::id).toList()), cut(mail.subject(), 400), mail.body(), taskId,
        businessKey, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    command.getProcessEngineConfiguration().getRuntimeService()
        .startProcessInstanceByKey(DELIVERY_PROCESS, deliveryKey(businessKey), Map.of(NOTIFICATION_ID, id));
    LOG.debug("Notification {} ({}) to {} written", id, kind, reachable.size());
    return Optional.of(id);
  }

  /**
   * The business key of a case's deliveries: "thu-" + the case's key. Cockpit finds them by it; a key of their own
   * keeps them out of everything that reads a case's processes by its key (the plan's read model, reassignment).
   */
  public static String deliveryKey(String businessKey) {
    return businessKey == null ? null : "thu-" + businessKey;
  }

  public Optional<OutboxRow> find(String id) {
    return jdbc.query("SELECT * FROM notification_outbox WHERE id = ?", (rs, n) -> new OutboxRow(
        rs.getString("id"), Kind.valueOf(rs.getString("kind")), split(rs.getString("recipients")),
        split(rs.getString("user_ids")), rs.getString("subject"), rs.getString("body"), rs.getString("task_id"),
        rs.getString("business_key"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()), id)
        .stream().findFirst();
  }

  /** Marks a row sent, only if it was not yet: true when this call recorded it. */
  boolean markSent(String id, Instant at) {
    return jdbc.update("UPDATE notification_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
        Timestamp.from(at), id) == 1;
  }

  /** Rows of one kind for one person created since a moment (the digest's "new" part and the tests). */
  public List<OutboxRow> forUser(String userId, Instant since) {
    return jdbc.queryForList("SELECT id FROM notification_outbox WHERE created_at >= ? AND user_ids LIKE ?",
        String.class, Timestamp.from(since), "%" + userId + "%").stream()
        .map(this::find).flatMap(Optional::stream)
        .filter(row -> row.userIds().contains(userId)).toList();
  }

  private static String join(List<String> values) {
    return String.join(",", values);
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
