package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.notification.MailScene.body;
import static vn.hanoi.gdnn.notification.MailScene.subject;
import static vn.hanoi.gdnn.notification.MailScene.to;

import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import vn.hanoi.gdnn.IntegrationTest;

/** What people find in their mailboxes while a tờ trình goes through UBND approval. */
@IntegrationTest
class NotificationMailTest {

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
  @Autowired
  Outbox outbox;

  MailScene scene;

  @BeforeEach
  void start() {
    scene = new MailScene("MAIL-" + UUID.randomUUID(), runtime, tasks, management, rest, greenMail);
  }

  @AfterEach
  void end() {
    scene.close();
  }

  @Test
  void aTaskForTheUnitsLeaderIsAMailWithCodeTitleStepDueDateAndTheLinkToTheTask() throws Exception {
    Task signature = scene.task();
    assertThat(greenMail.getReceivedMessages()).as("nothing leaves before the job executor sends it").isEmpty();

    List<MimeMessage> mails = scene.deliver();

    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(to(mail)).isEqualTo("so-gddt-ld@gdnn.example");
    String due = TaskFacts.date(signature.getDueDate());
    assertThat(due).matches("\\d{2}/\\d{2}/\\d{4}");
    assertThat(subject(mail)).isEqualTo("[9.9] Công việc mới: Ký tờ trình — hạn xử lý " + due);
    assertThat(body(mail)).contains("Kính gửi: Lãnh đạo Sở Giáo dục và Đào tạo",
        "Nhiệm vụ: 9.9 — Thí điểm thông báo thư điện tử", "Bước xử lý: Ký tờ trình", "Hạn xử lý: " + due,
        "https://gdnn.example/camunda/app/tasklist/default/#/?task=" + signature.getId());
    assertThat(mail.getMessageID()).endsWith("@gdnn-workflow>");
    assertThat(scene.deliver()).as("sent once: running the deliveries again sends nothing").isEmpty();
  }

  @Test
  void aTaskForAUnitOfSeveralPeopleIsOneMailToAllOfThemAndNotOnePerMember() throws Exception {
    scene.deliver();
    scene.submit("so-gddt-ld", "signOffDecision", "approve");

    List<MimeMessage> mails = scene.deliver();

    // Văn phòng UBND (vp-ubnd): the clerk vp-ubnd-cv and the monitor vp-ubnd-theodoi
    assertThat(mails).as("one SMTP message, delivered to each member's mailbox").hasSize(2);
    assertThat(mails.stream().map(m -> {
      try {
        return m.getMessageID();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).distinct()).hasSize(1);
    assertThat(inbox("vp-ubnd-cv@gdnn.example")).isEqualTo(1);
    assertThat(inbox("vp-ubnd-theodoi@gdnn.example")).isEqualTo(1);
    assertThat(mails.get(0).getHeader("To")).as("members do not see each other's addresses").isNull();
    assertThat(subject(mails.get(0))).startsWith("[9.9] Công việc mới của Văn phòng Ủy ban nhân dân Thành phố:"
        + " Kiểm tra hồ sơ tờ trình — hạn xử lý ");
    assertThat(body(mails.get(0))).contains("Kính gửi: Lãnh đạo, cán bộ Văn phòng Ủy ban nhân dân Thành phố");
    assertThat(outbox.forUser("vp-ubnd-cv", scene.task().getCreateTime().toInstant()))
        .filteredOn(row -> scene.businessKey.equals(row.businessKey()))
        .singleElement().satisfies(row -> assertThat(row.userIds())
            .containsExactlyInAnyOrder("vp-ubnd-cv", "vp-ubnd-theodoi"));
  }

  private int inbox(String email) throws Exception {
    var user = greenMail.getUserManager().getUserByEmail(email);
    return user == null ? 0 : greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
  }

  @Test
  void aReturnWithReasonsReachesThePeopleOfTheLeadUnitWhoWorkedOnTheSubmission() throws Exception {
    scene.submit("so-gddt-ld", "signOffDecision", "return", "signOffReasons", "Bổ sung số liệu tuyển sinh 2025.");
    scene.submit("so-gddt-cv", "draftReference", "Tờ trình số 99/TTr-SGDĐT (lần 2)", "revisionNote",
        "Đã bổ sung số liệu tuyển sinh.");
    scene.submit("so-gddt-ld", "signOffDecision", "approve");
    scene.submit("vp-ubnd-cv", "officeCheckResult", "accept");
    scene.deliver();

    scene.submit("ubnd-ld", "approvalDecision", "return", "decisionReasons",
        "Làm rõ nguồn kinh phí thực hiện năm 2026.");
    List<MimeMessage> mails = scene.deliver().stream()
        .filter(m -> subject(m).contains("Trả lại để chỉnh sửa")).toList();

    assertThat(mails).extracting(MailScene::to)
        .containsExactlyInAnyOrder("so-gddt-cv@gdnn.example", "so-gddt-ld@gdnn.example");
    assertThat(subject(mails.get(0))).isEqualTo("[9.9] Trả lại để chỉnh sửa: Xem xét, quyết định tờ trình");
    assertThat(body(mails.get(0))).contains("Kết quả: Trả lại để chỉnh sửa",
        "Lý do, ý kiến: Làm rõ nguồn kinh phí thực hiện năm 2026.", "Người quyết định: Lãnh đạo Ủy ban nhân dân");
  }
}
