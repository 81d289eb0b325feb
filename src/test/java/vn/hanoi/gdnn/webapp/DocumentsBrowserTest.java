package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;

/**
 * Real Chromium against the running application: a consulted unit cannot complete "Lấy ý kiến" in Tasklist
 * before its reply is attached (Tasklist shows the server's Vietnamese refusal), attaches a real DOCX in the
 * "Tài liệu" tab (after a wrong file is refused with the server's message), downloads it back, and completes the
 * step. Both files are chosen and attached with the keyboard only (Tab to "Chọn tệp…", Space or Enter opens the
 * browser's file chooser, Tab to "Đính kèm", Enter). Skipped with a plain message when Chromium or Node.js is missing, except under CI (CI=true).
 */
@IntegrationTest
class DocumentsBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aConsultedUnitAttachesItsReplyInTasklistAndCompletesTheStep() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();
    TaskService tasks = engine.getTaskService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation",
        "BROWSER-DOC-" + System.nanoTime(), Map.of("deliverableCode", "4.2",
            "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
            "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("draftReference", "Dự thảo Nghị quyết lần 1"));
    String reply = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("so-tc")
        .singleResult().getId();

    Path folder = Files.createTempDirectory("documents-browser");
    Path docx = folder.resolve("Góp ý của Sở Tài chính.docx");
    Files.write(docx, TasklistDocumentsPluginTest.docx("Sở Tài chính thống nhất với dự thảo."));
    Path wrong = folder.resolve("gop-y-sai-dinh-dang.docx");
    Files.writeString(wrong, "Đây là tệp văn bản thường, không phải DOCX.", StandardCharsets.UTF_8);
    Path shot = folder.resolve("documents-tab.png");

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "documents-browser.mjs",
        "http://localhost:" + port, reply, "so-tc-cv", "so-tc-cv", docx.toString(), wrong.toString(),
        shot.toString()), 300);
    System.out.println(result.output());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("without a document the server answered 400 and Tasklist shows:")
        .contains("cần đính kèm văn bản góp ý")
        .contains("Chưa đính kèm")
        .contains("by keyboard: Tab reached \"Chọn tệp đính kèm (PDF, DOCX, XLSX, ODT)\", Space opened the file "
            + "chooser, gop-y-sai-dinh-dang.docx chosen")
        .contains("by keyboard: Tab reached \"Chọn tệp đính kèm (PDF, DOCX, XLSX, ODT)\", Enter opened the file "
            + "chooser, Góp ý của Sở Tài chính.docx chosen")
        .contains("không khớp với đuôi tệp .docx")
        .contains("the server answered 201")
        .contains("Đã đính kèm văn bản góp ý \"Góp ý của Sở Tài chính.docx\" (phiên bản 1)")
        .contains("uploader shown: Chuyên viên Sở Tài chính")
        .contains("the same " + Files.size(docx) + " bytes")
        .contains("with the document: the server answered 204");
    assertThat(tasks.createTaskQuery().taskId(reply).count()).as("the step is completed").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_file WHERE task_id = ? AND uploaded_by = ?"
        + " AND kind = 'consultationReply'", Integer.class, reply, "so-tc-cv")).as("one file, the right one")
        .isEqualTo(1);
    List<Comment> comments = tasks.getTaskComments(reply);
    assertThat(comments).anySatisfy(c -> assertThat(c.getFullMessage()).contains("Góp ý của Sở Tài chính.docx"));
  }
}
