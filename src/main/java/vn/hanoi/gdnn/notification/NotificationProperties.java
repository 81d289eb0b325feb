package vn.hanoi.gdnn.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications ({@code gdnn.notifications.*}, docs/notifications.md). The SMTP server comes from the
 * environment ({@code GDNN_SMTP_*}); without a host, mails are off and the start-up log says so.
 *
 * @param smtpHost SMTP server; blank = notifications off
 * @param smtpPort SMTP port
 * @param smtpUser login, blank for a server that takes mail without one
 * @param smtpPassword password of {@code smtpUser}
 * @param smtpStarttls require STARTTLS (a server on the city network may not offer it)
 * @param smtpTimeoutMillis connect/read/write timeout: a hung server fails the attempt, which is retried later
 * @param from sender address of every mail
 * @param publicUrl the address people open the application at, for the links to Tasklist
 * @param digestHour hour of the day (Hanoi time) the daily digest is sent on working days
 */
@ConfigurationProperties("gdnn.notifications")
public record NotificationProperties(
    @DefaultValue("") String smtpHost,
    @DefaultValue("25") int smtpPort,
    @DefaultValue("") String smtpUser,
    @DefaultValue("") String smtpPassword,
    @DefaultValue("false") boolean smtpStarttls,
    @DefaultValue("20000") int smtpTimeoutMillis,
    @DefaultValue("no-reply@gdnn.example") String from,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("7") int digestHour) {

  public boolean mailOn() {
    return smtpHost != null && !smtpHost.isBlank();
  }

  /** The Tasklist page of one task. */
  public String taskLink(String taskId) {
    return stripSlash(publicUrl) + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Tasklist itself. */
  public String tasklistLink() {
    return stripSlash(publicUrl) + "/camunda/app/tasklist/default/";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
