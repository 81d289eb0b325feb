package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.GdnnApplication;
import vn.hanoi.gdnn.SecondApplication;

/**
 * Nothing lost, nothing doubled: node A (its own JVM, on PostgreSQL) picks up a notification and is killed with
 * SIGKILL in the middle of the SMTP conversation — after DATA, before the message is complete. The real SMTP
 * server (GreenMail) has nothing; the outbox row is not marked sent; once node A's lock on the job expires,
 * node B's job executor sends it, exactly once.
 */
class KilledWhileSendingTest {

  static final long LOCK_MILLIS = 8000;

  @Test
  void aNodeKilledWhileSendingLosesNothingAndTheOtherNodeSendsItOnce() throws Exception {
    String url = EmbeddedPostgres.newDatabase();
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    Process nodeA = null;
    ConfigurableApplicationContext nodeB = null;
    try (StallingSmtpProxy proxy = new StallingSmtpProxy(greenMail.getSmtp().getPort())) {
      int port = freePort();
      nodeA = startNodeA(url, port, proxy.port());
      awaitHealthy(nodeA, port);

      String started = post(port, "/engine-rest/process-definition/key/ubndApproval/start", """
          {"businessKey": "KILL-9.9", "variables": {
            "deliverableCode": {"value": "9.9"}, "deliverableTitle": {"value": "Thí điểm thông báo thư điện tử"},
            "leadUnit": {"value": "so-gddt"}, "draftReference": {"value": "Tờ trình số 99/TTr-SGDĐT"}}}""");
      assertThat(started).contains("\"businessKey\":\"KILL-9.9\"");

      assertThat(proxy.awaitStalled(120)).as("node A got into the message's content").isTrue();
      nodeA.destroyForcibly(); // SIGKILL: no shutdown, the job's transaction never commits
      nodeA.waitFor(30, TimeUnit.SECONDS);
      proxy.cut();

      assertThat(greenMail.getReceivedMessages()).as("the half-sent message was not delivered").isEmpty();
      assertThat(unsent(url)).as("the notification is still to send").isEqualTo(1);

      nodeB = SecondApplication.onPostgres("killB", url, Map.of(
          "camunda.bpm.job-execution.enabled", "true",
          "camunda.bpm.job-execution.wait-time-in-millis", "500",
          "camunda.bpm.job-execution.max-wait", "1000",
          "gdnn.notifications.smtp-host", "127.0.0.1",
          "gdnn.notifications.smtp-port", greenMail.getSmtp().getPort()), List.of("demo"));

      assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(90).toMillis(), 1))
          .as("node B sends it once node A's lock has expired").isTrue();
      Thread.sleep(3 * 1000); // anything more would arrive now: node B's executor polls every second
      MimeMessage[] received = greenMail.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).startsWith("[9.9] Công việc mới: Ký tờ trình");
      assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("so-gddt-ld@gdnn.example");
      assertThat(unsent(url)).as("recorded as sent").isZero();
      assertThat(count(url, "SELECT count(*) FROM notification_outbox")).isEqualTo(1);
      assertThat(count(url, "SELECT count(*) FROM act_ru_incident")).isZero();
    } finally {
      if (nodeA != null && nodeA.isAlive()) {
        nodeA.destroyForcibly();
      }
      if (nodeB != null) {
        nodeB.close();
      }
      greenMail.stop();
    }
  }

  private static Process startNodeA(String url, int port, int smtpPort) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Ho_Chi_Minh",
        "-Dfile.encoding=UTF-8", "-cp", classPath(), GdnnApplication.class.getName(),
        "--spring.profiles.active=postgres,demo",
        "--server.port=" + port,
        "--gdnn.plan.launch-on-start=false",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--gdnn.notifications.smtp-host=127.0.0.1",
        "--gdnn.notifications.smtp-port=" + smtpPort,
        "--gdnn.notifications.smtp-timeout-millis=600000"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GDNN_DB_URL", url);
    builder.environment().put("GDNN_DB_USER", "postgres");
    builder.environment().put("GDNN_DB_PASSWORD", "postgres");
    builder.environment().put("GDNN_DB_POOL_SIZE", "5");
    File log = Path.of("target/notification-kill/node-a.log").toFile();
    log.getParentFile().mkdirs();
    return builder.redirectErrorStream(true).redirectOutput(log).start();
  }

  private static void awaitHealthy(Process node, int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("node A is running; see target/notification-kill/node-a.log").isTrue();
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("node A not healthy after 4 minutes");
  }

  private static String post(int port, String path, String json) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + port + path)).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(
            StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static long unsent(String url) throws Exception {
    return count(url, "SELECT count(*) FROM notification_outbox WHERE sent_at IS NULL");
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The test classpath, read through surefire's manifest-only jar when it stands in for it. */
  private static String classPath() throws Exception {
    String cp = System.getProperty("java.class.path");
    if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) {
      try (JarFile jar = new JarFile(cp)) {
        Manifest manifest = jar.getManifest();
        String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (entries != null) {
          List<String> paths = new ArrayList<>();
          for (String entry : entries.trim().split("\\s+")) {
            paths.add(Path.of(URI.create(entry.startsWith("file:") ? entry : "file:" + entry)).toString());
          }
          return String.join(File.pathSeparator, paths);
        }
      }
    }
    return cp;
  }
}
