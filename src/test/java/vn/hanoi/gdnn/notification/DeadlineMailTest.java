package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.notification.MailScene.body;
import static vn.hanoi.gdnn.notification.MailScene.subject;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

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

import vn.hanoi.gdnn.IntegrationTest;

/** The deadline policy's reminder, overdue mark and escalation reach people's mailboxes. */
@IntegrationTest
class DeadlineMailTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  GreenMail greenMail;

  MailScene scene;

  @AfterEach
  void end() {
    ClockUtil.reset();
    if (scene != null) {
      runtime.createProcessInstanceQuery().processDefinitionKey("deadlineEscalation")
          .processInstanceBusinessKey(scene.businessKey).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test ended"));
      scene.close();
    }
  }

  @Test
  void aReminderThenOverdueThenTwoMoreRemindersThenTheEscalationEachReachTheRightPeople() {
    scene = new MailScene("DEADLINE-MAIL-" + UUID.randomUUID(), runtime, tasks, management, rest, greenMail);
    Task signature = scene.task();
    String due = TaskFacts.date(signature.getDueDate());
    scene.deliver();

    List<String> subjects = new ArrayList<>();
    List<MimeMessage> all = new ArrayList<>();
    for (int step = 0; step < 4; step++) {
      Job timer = watchTimer(signature);
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
      management.executeJob(timer.getId());
      // one step's mails leave in any order: sorted by recipient
      List<MimeMessage> mails = scene.deliver().stream().sorted(java.util.Comparator.comparing(MailScene::to))
          .toList();
      all.addAll(mails);
      mails.forEach(m -> subjects.add(MailScene.to(m) + " | " + subject(m)));
    }

    assertThat(subjects).containsExactly(
        "so-gddt-ld@gdnn.example | [9.9] Nhắc việc lần 1: Ký tờ trình — hạn xử lý " + due,
        "so-gddt-ld@gdnn.example | [9.9] Quá hạn xử lý: Ký tờ trình — hạn " + due + " đã qua",
        "so-gddt-ld@gdnn.example | [9.9] Nhắc việc lần 2: Ký tờ trình — hạn xử lý " + due,
        "so-gddt-ld@gdnn.example | [9.9] Nhắc việc lần 3: Ký tờ trình — hạn xử lý " + due,
        "so-gddt-ld@gdnn.example | [9.9] Đôn đốc việc quá hạn: Ký tờ trình — hạn " + due + ", đã nhắc 3 lần",
        "vp-ubnd-theodoi@gdnn.example | [9.9] Đôn đốc việc quá hạn: Ký tờ trình — hạn " + due + ", đã nhắc 3 lần");
    assertThat(body(all.get(2))).contains("Hạn xử lý: " + due + " (đã quá hạn)");
    assertThat(body(all.get(1))).contains("Đơn vị chịu trách nhiệm: Sở Giáo dục và Đào tạo");
    Task escalation = tasks.createTaskQuery().processDefinitionKey("deadlineEscalation")
        .processInstanceBusinessKey(scene.businessKey).singleResult();
    assertThat(body(all.get(5))).as("the monitor's link opens the escalation task")
        .contains("#/?task=" + escalation.getId());
    assertThat(body(all.get(4))).as("the leaders' link opens their own task")
        .contains("#/?task=" + signature.getId());
  }

  /** The task's own deadline timer: the one timer on the task's execution. */
  private Job watchTimer(Task watched) {
    return management.createJobQuery().executionId(watched.getExecutionId()).timers().singleResult();
  }
}
