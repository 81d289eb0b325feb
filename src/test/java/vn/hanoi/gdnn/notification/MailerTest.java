package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without an SMTP server the mails are off, and the start-up log says so and how to switch them on. */
@ExtendWith(OutputCaptureExtension.class)
class MailerTest {

  static NotificationProperties withHost(String host) {
    return new NotificationProperties(host, 2525, "", "", false, 1000, "no-reply@gdnn.example",
        "https://gdnn.example/", 7);
  }

  @Test
  void noSmtpHostMeansMailsOffAndALogLineNamingTheVariable(CapturedOutput output) {
    Mailer mailer = new Mailer(withHost(""));

    assertThat(mailer.isOn()).isFalse();
    assertThat(output).contains("E-mail notifications are OFF", "GDNN_SMTP_HOST");
  }

  @Test
  void aHostSwitchesThemOnAndTheLogNamesTheServer(CapturedOutput output) {
    Mailer mailer = new Mailer(withHost("smtp.gdnn.example"));

    assertThat(mailer.isOn()).isTrue();
    assertThat(output).contains("E-mail notifications are ON: SMTP smtp.gdnn.example:2525");
  }

  @Test
  void linksOpenTheTaskInTasklistWhateverTheTrailingSlash() {
    assertThat(withHost("").taskLink("abc")).isEqualTo("https://gdnn.example/camunda/app/tasklist/default/#/?task=abc");
  }
}
