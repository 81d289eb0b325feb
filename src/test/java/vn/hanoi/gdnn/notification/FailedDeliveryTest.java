package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * A mail that cannot be delivered is retried by the job executor on the model's back-off and, once every try
 * failed, is an incident an administrator sees in Cockpit — and nothing is recorded as sent.
 */
@IntegrationTest
class FailedDeliveryTest {

  static final String USER = "nguoi-nhan-loi-thu";

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  GreenMail greenMail;
  @Autowired
  Outbox outbox;

  MailScene scene;

  @AfterEach
  void end() {
    ClockUtil.reset();
    scene.close();
    identity.deleteUser(USER);
  }

  @Test
  void anUndeliverableMailIsRetriedWithBackOffThenBecomesAnIncidentInCockpit() {
    // an address the SMTP client refuses: every attempt fails as a down server would
    User user = identity.newUser(USER);
    user.setFirstName("Người nhận");
    user.setLastName("địa chỉ sai");
    user.setEmail("dia chi sai@@gdnn.example");
    identity.saveUser(user);
    scene = new MailScene("FAILED-MAIL-" + UUID.randomUUID(), runtime, tasks, management, rest, greenMail);
    scene.deliver();
    tasks.setAssignee(scene.task().getId(), USER);
    Job job = scene.deliveryJobs().get(0);
    String notification = (String) runtime.getVariable(job.getProcessInstanceId(), Outbox.NOTIFICATION_ID);

    List<Duration> waits = new ArrayList<>();
    while (job != null && job.getRetries() > 0) {
      Date now = job.getDuedate() == null ? ClockUtil.getCurrentTime() : job.getDuedate();
      ClockUtil.setCurrentTime(now);
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).isNotNull();
      job = management.createJobQuery().jobId(id).singleResult();
      if (job.getRetries() > 0) {
        waits.add(Duration.between(now.toInstant(), job.getDuedate().toInstant()));
      }
    }

    assertThat(waits).as("back-off between tries").containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));
    Incident incident = runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_SendMail");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult()
        .getBusinessKey()).as("Cockpit finds it by the case").isEqualTo("thu-" + scene.businessKey);
    assertThat(outbox.find(notification).orElseThrow().sentAt()).as("not recorded as sent").isNull();
  }
}
