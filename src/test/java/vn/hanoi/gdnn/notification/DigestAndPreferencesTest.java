package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * Each person chooses immediate mails, the daily digest or both (API); the digest leaves at the configured hour of
 * a working day only, with what is new, due and overdue.
 */
@IntegrationTest
class DigestAndPreferencesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  GreenMail greenMail;
  @Autowired
  Preferences preferences;
  @Autowired
  WorkingDayCalendar workingDays;

  MailScene scene;
  LocalDate digestDay;

  @AfterEach
  void end() {
    ClockUtil.reset();
    preferences.save("so-gddt-ld", Preferences.Choice.DEFAULT);
    preferences.save("so-gddt-cv", Preferences.Choice.DEFAULT);
    if (digestDay != null) {
      runtime.createProcessInstanceQuery().processDefinitionKey(Outbox.DELIVERY_PROCESS)
          .processInstanceBusinessKey(Outbox.deliveryKey(DailyDigest.businessKey(digestDay))).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
    }
    if (scene != null) {
      scene.close();
    }
  }

  @Test
  void everyoneReadsAndChangesTheirOwnPreferenceAndABadModeIsRefusedNamingTheField() throws Exception {
    JsonNode mine = JSON.readTree(call("so-gddt-cv", HttpMethod.GET, null).getBody());
    assertThat(mine.get("user").asText()).isEqualTo("so-gddt-cv");
    assertThat(mine.get("email").asText()).isEqualTo("so-gddt-cv@gdnn.example");
    assertThat(mine.get("mode").asText()).as("default").isEqualTo("both");
    assertThat(mine.get("modeLabel").asText()).isEqualTo("Nhận cả thư ngay và thư tổng hợp hằng ngày");

    ResponseEntity<String> bad = call("so-gddt-cv", HttpMethod.PUT, Map.of("mode", "sometimes"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(bad.getBody()).get("field").asText()).isEqualTo("mode");
    assertThat(JSON.readTree(bad.getBody()).get("message").asText()).startsWith("Trường \"mode\"");
    assertThat(preferences.of("so-gddt-cv")).as("nothing changed").isEqualTo(Preferences.Choice.DEFAULT);

    ResponseEntity<String> changed = call("so-gddt-cv", HttpMethod.PUT, Map.of("mode", "digest"));
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(JSON.readTree(call("so-gddt-cv", HttpMethod.GET, null).getBody()).get("mode").asText())
        .isEqualTo("digest");
    assertThat(preferences.of("so-gddt-ld")).as("another person's is untouched").isEqualTo(Preferences.Choice.DEFAULT);
  }

  @Test
  void aPersonWhoChoseTheDigestGetsNoImmediateMailAndTheDigestAtTheHourOfAWorkingDayOnly() throws Exception {
    preferences.save("so-gddt-ld", Preferences.Choice.ofMode("digest"));
    scene = new MailScene("DIGEST-" + UUID.randomUUID(), runtime, tasks, management, rest, greenMail);
    Task signature = scene.task();
    assertThat(scene.deliveryJobs()).as("no immediate mail for a digest reader").isEmpty();

    digestDay = workingDays.nextWorkingDay(LocalDate.now(HANOI));
    LocalDate holiday = LocalDate.of(2027, 1, 1);
    assertThat(workingDays.isWorkingDay(holiday)).isFalse();

    assertThat(runDigestAt(holiday.atTime(7, 0))).as("New Year's Day: no digest").isEqualTo("End_NotDue");
    assertThat(runDigestAt(digestDay.atTime(6, 0))).as("another hour: no digest").isEqualTo("End_NotDue");
    assertThat(runDigestAt(digestDay.atTime(7, 0))).isEqualTo("End_DigestSent");

    List<Job> deliveries = runtime.createProcessInstanceQuery().processDefinitionKey(Outbox.DELIVERY_PROCESS)
        .processInstanceBusinessKey(Outbox.deliveryKey(DailyDigest.businessKey(digestDay))).list().stream()
        .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).list().stream()).toList();
    MailScene.purge(greenMail);
    deliveries.forEach(job -> management.executeJob(job.getId()));
    MimeMessage digest = List.of(greenMail.getReceivedMessages()).stream()
        .filter(m -> MailScene.to(m).equals("so-gddt-ld@gdnn.example")).findFirst().orElseThrow();
    String day = TaskFacts.date(Date.from(digestDay.atTime(7, 0).atZone(HANOI).toInstant()));
    assertThat(MailScene.subject(digest)).startsWith("Tổng hợp công việc ngày " + day + ":");
    assertThat(MailScene.body(digest)).contains("CÔNG VIỆC MỚI TỪ LẦN TỔNG HỢP TRƯỚC",
        signature.getName() + " — hạn " + TaskFacts.date(signature.getDueDate()),
        "https://gdnn.example/camunda/app/tasklist/default/#/?task=" + signature.getId());
  }

  /** Runs the hourly timer at a moment and returns the end event the digest instance reached. */
  private String runDigestAt(LocalDateTime moment) {
    ClockUtil.setCurrentTime(Date.from(moment.atZone(HANOI).toInstant()));
    Job timer = management.createJobQuery().processDefinitionKey("notificationDigest").timers().singleResult();
    Date before = ClockUtil.getCurrentTime();
    management.executeJob(timer.getId());
    return history.createHistoricActivityInstanceQuery().activityType("noneEndEvent").startedAfter(
        new Date(before.getTime() - 1)).list().stream()
        .filter(a -> a.getProcessDefinitionKey().equals("notificationDigest")).map(a -> a.getActivityId())
        .findFirst().orElseThrow();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, user);
    return rest.exchange("/api/notifications/preferences", method, new HttpEntity<>(body, headers), String.class);
  }
}
