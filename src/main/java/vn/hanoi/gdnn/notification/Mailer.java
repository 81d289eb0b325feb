package vn.hanoi.gdnn.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Spring Mail's sender, configured from {@link NotificationProperties}, or nothing when no SMTP server is set:
 * then no notification is written at all (nothing would ever send it) and the start-up log says so once.
 */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  private final NotificationProperties properties;
  private final JavaMailSenderImpl sender;

  public Mailer(NotificationProperties properties) {
    this.properties = properties;
    if (!properties.mailOn()) {
      this.sender = null;
      LOG.warn("E-mail notifications are OFF: no SMTP server configured (set GDNN_SMTP_HOST, see "
          + "docs/notifications.md). Tasks, reminders and decisions are visible in Tasklist only.");
      return;
    }
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost(properties.smtpHost());
    mail.setPort(properties.smtpPort());
    mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
    if (!properties.smtpUser().isBlank()) {
      mail.setUsername(properties.smtpUser());
      mail.setPassword(properties.smtpPassword());
    }
    Properties javaMail = mail.getJavaMailProperties();
    javaMail.put("mail.smtp.auth", String.valueOf(!properties.smtpUser().isBlank()));
    javaMail.put("mail.smtp.starttls.required", String.valueOf(properties.smtpStarttls()));
    javaMail.put("mail.smtp.starttls.enable", String.valueOf(properties.smtpStarttls()));
    String timeout = String.valueOf(properties.smtpTimeoutMillis());
    javaMail.put("mail.smtp.connectiontimeout", timeout);
    javaMail.put("mail.smtp.timeout", timeout);
    javaMail.put("mail.smtp.writetimeout", timeout);
    this.sender = mail;
    LOG.info("E-mail notifications are ON: SMTP {}:{}{}, sender {}", properties.smtpHost(), properties.smtpPort(),
        properties.smtpStarttls() ? " (STARTTLS)" : "", properties.from());
  }

  public boolean isOn() {
    return sender != null;
  }

  /**
   * Sends one outbox row. The Message-ID is the row's id, so a mail that is ever sent twice (the node died after
   * the server took it and before the row was marked) carries the same id and mail systems that de-duplicate by
   * Message-ID show it once.
   */
  void send(OutboxRow row) {
    if (sender == null) {
      throw new IllegalStateException("No SMTP server configured: notification " + row.id() + " cannot be sent");
    }
    try {
      MimeMessage message = new MimeMessage(sender.getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + row.id() + "@gdnn-workflow>");
        }
      };
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      if (row.recipients().size() == 1) {
        helper.setTo(row.recipients().get(0));
      } else {
        // a unit's members get one mail together, without seeing each other's addresses
        helper.setBcc(row.recipients().toArray(String[]::new));
      }
      helper.setSubject(row.subject());
      helper.setText(row.body(), false);
      sender.send(message);
    } catch (MessagingException e) {
      throw new MailSendException("Cannot build notification " + row.id(), e);
    }
  }
}
