package vn.hanoi.gdnn;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) for the integration tests' application, on a free port, so that e-mail
 * notifications are on in the shared context exactly as in production with {@code GDNN_SMTP_HOST} set. Nothing
 * is sent unless a test runs the delivery jobs (the job executor is off in tests).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return server;
  }

  @Bean
  DynamicPropertyRegistrar smtpServer(GreenMail greenMail) {
    return registry -> {
      registry.add("gdnn.notifications.smtp-host", () -> "127.0.0.1");
      registry.add("gdnn.notifications.smtp-port", () -> greenMail.getSmtp().getPort());
      registry.add("gdnn.notifications.public-url", () -> "https://gdnn.example");
    };
  }
}
