package vn.hanoi.gdnn.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Gửi thư thông báo" of {@code notificationDelivery}, run by the job executor. Sends the outbox row and records
 * it as sent in the job's transaction. A row already recorded as sent is not sent again. A failure (server down,
 * refused) throws: the job executor retries on the model's back-off, and after the last try the job becomes an
 * incident in Cockpit, where an administrator retries it once the server is back.
 */
@Component("notificationSender")
public class DeliverNotification implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DeliverNotification.class);

  private final Outbox outbox;
  private final Mailer mailer;

  public DeliverNotification(Outbox outbox, Mailer mailer) {
    this.outbox = outbox;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable(Outbox.NOTIFICATION_ID);
    OutboxRow row = outbox.find(id).orElseThrow(() -> new IllegalStateException("No notification " + id));
    if (row.sentAt() != null) {
      LOG.info("Notification {} was already sent at {}: not sent again", id, row.sentAt());
      return;
    }
    mailer.send(row);
    if (!outbox.markSent(id, ClockUtil.getCurrentTime().toInstant())) {
      // another node recorded it meanwhile; this transaction's work is void
      throw new IllegalStateException("Notification " + id + " recorded as sent by another node");
    }
    LOG.info("Notification {} ({}) sent to {} recipient(s)", id, row.kind(), row.recipients().size());
  }
}
