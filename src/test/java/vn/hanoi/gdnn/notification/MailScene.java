package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * A deliverable's UBND approval for the notification tests, worked through the REST API as the people would, with
 * the delivery jobs run by the test (the job executor is off) and the mails read from GreenMail.
 */
final class MailScene {

  final String businessKey;
  final ProcessInstance instance;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final TestRestTemplate rest;
  private final GreenMail mail;

  MailScene(String businessKey, RuntimeService runtime, TaskService tasks, ManagementService management,
      TestRestTemplate rest, GreenMail mail) {
    this.businessKey = businessKey;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.rest = rest;
    this.mail = mail;
    purge(mail);
    this.instance = runtime.startProcessInstanceByKey("ubndApproval", businessKey, Map.of(
        "deliverableCode", "9.9", "deliverableTitle", "Thí điểm thông báo thư điện tử",
        "leadUnit", "so-gddt", "draftReference", "Tờ trình số 99/TTr-SGDĐT"));
  }

  Task task() {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Submits the current task's form as a user, through the REST API. */
  void submit(String user, Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, user);
    var reply = rest.exchange("/engine-rest/task/" + task().getId() + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
    assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(204);
  }

  /** The delivery jobs of this case's notifications that are due. */
  List<Job> deliveryJobs() {
    List<Job> jobs = new ArrayList<>();
    for (ProcessInstance delivery : runtime.createProcessInstanceQuery().processDefinitionKey(Outbox.DELIVERY_PROCESS)
        .processInstanceBusinessKey(Outbox.deliveryKey(businessKey)).list()) {
      jobs.addAll(management.createJobQuery().processInstanceId(delivery.getId()).list());
    }
    return jobs;
  }

  /** Runs every pending delivery and returns the mails that arrived, per recipient. */
  List<MimeMessage> deliver() {
    purge(mail);
    deliveryJobs().forEach(job -> management.executeJob(job.getId()));
    return List.of(mail.getReceivedMessages());
  }

  static void purge(GreenMail mail) {
    try {
      mail.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  static String to(MimeMessage message) {
    try {
      return String.join(",", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      return GreenMailUtil.getBody(message);
    }
  }

  /** Ends the case and its pending notifications, so no other test sees them. */
  void close() {
    if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      runtime.deleteProcessInstance(instance.getId(), "test ended");
    }
    runtime.createProcessInstanceQuery().processDefinitionKey(Outbox.DELIVERY_PROCESS)
        .processInstanceBusinessKey(Outbox.deliveryKey(businessKey)).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
    purge(mail);
  }
}
