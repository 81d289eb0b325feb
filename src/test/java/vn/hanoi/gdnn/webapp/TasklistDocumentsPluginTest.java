package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * The Tasklist "Tài liệu" tab's server side, called as the browser calls it: a Tasklist session, its XSRF token
 * on changes. Camunda's CSRF filter guards the plugin's upload (a forged request from another site, which carries
 * the session cookie but cannot read the token, is refused and stores nothing); the documents API's rules apply
 * to the signed-in person (only the task's holders attach, only readers download).
 */
@IntegrationTest
class TasklistDocumentsPluginTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String BASE = "/camunda/api/tasklist/plugin/gdnn-documents/default";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anUploadWithoutTheSessionsXsrfTokenIsRefusedAndNothingIsStored() throws Exception {
    String task = replyTask();
    Session unit = Session.login(port, "so-tc-cv");
    byte[] docx = docx("Sở Tài chính thống nhất với dự thảo.");
    int before = count();

    HttpResponse<String> forged = unit.upload(task, "Góp ý của Sở Tài chính.docx", DOCX, docx, null);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).as("refused by Camunda's CSRF filter")
        .hasValue("Required");
    assertThat(unit.get(BASE + "/tasks/" + task + "/documents").statusCode())
        .as("Camunda ends the session on a failed token check").isEqualTo(401);
    Session again = Session.login(port, "so-tc-cv");
    HttpResponse<String> wrongToken = again.upload(task, "Góp ý của Sở Tài chính.docx", DOCX, docx, "forged");
    assertThat(wrongToken.statusCode()).as(wrongToken.body()).isEqualTo(403);
    assertThat(count()).as("nothing stored").isEqualTo(before);

    unit = Session.login(port, "so-tc-cv");
    assertThat(listOf(unit, task).path("required").path("attached").asBoolean()).isFalse();
    HttpResponse<String> attached = unit.upload(task, "Góp ý của Sở Tài chính.docx", DOCX, docx, unit.xsrf());
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    JsonNode stored = json.readTree(attached.body());
    assertThat(stored.path("name").asText()).isEqualTo("Góp ý của Sở Tài chính.docx");
    assertThat(stored.path("kind").asText()).as("the step's kind by default").isEqualTo("consultationReply");
    assertThat(stored.path("version").asInt()).isEqualTo(1);
    assertThat(stored.path("uploadedBy").asText()).as("the session's user").isEqualTo("so-tc-cv");
    assertThat(stored.path("mediaType").asText()).isEqualTo(DOCX);
    assertThat(count()).isEqualTo(before + 2);

    JsonNode list = listOf(unit, task);
    assertThat(list.path("required").path("kindLabel").asText()).isEqualTo("văn bản góp ý");
    assertThat(list.path("required").path("attached").asBoolean()).isTrue();
    assertThat(list.path("documents")).hasSize(1);
    assertThat(list.path("documents").get(0).path("uploadedByName").asText()).as("as Tasklist names people")
        .isEqualTo("Chuyên viên Sở Tài chính");

    HttpResponse<byte[]> download = unit.download(stored.path("id").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(docx);
    assertThat(download.headers().firstValue("Content-Type")).hasValue(DOCX);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
  }

  @Test
  void theApisRulesHoldForTheSignedInPerson() throws Exception {
    String task = replyTask();
    byte[] docx = docx("Sở Tài chính thống nhất với dự thảo.");
    int before = count();

    Session outsider = Session.login(port, "so-gddt-ld");
    HttpResponse<String> attach = outsider.upload(task, "gop-y.docx", DOCX, docx, outsider.xsrf());
    assertThat(attach.statusCode()).as("not a holder of the task: " + attach.body()).isEqualTo(403);
    assertThat(json.readTree(attach.body()).path("message").asText()).contains("không có quyền");
    assertThat(outsider.get(BASE + "/tasks/" + task + "/documents").statusCode()).isEqualTo(403);

    Session unit = Session.login(port, "so-tc-cv");
    HttpResponse<String> mismatch = unit.upload(task, "gop-y.docx", "application/pdf", docx, unit.xsrf());
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(json.readTree(mismatch.body()).path("message").asText()).contains("Loại tệp khai báo");
    HttpResponse<String> tooLarge = unit.upload(task, "lon.pdf", "application/pdf", new byte[3 * 1024 * 1024],
        unit.xsrf());
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooLarge.body()).path("message").asText()).contains("tối đa 2 MB");
    assertThat(listOf(unit, task).path("maxSize").asLong()).as("the tab knows the limit")
        .isEqualTo(2 * 1024 * 1024);
    HttpResponse<String> path = unit.upload(task, "..\\gop-y.docx", DOCX, docx, unit.xsrf());
    assertThat(path.statusCode()).isEqualTo(400);
    assertThat(json.readTree(path.body()).path("message").asText()).contains("ký tự đường dẫn");
    assertThat(count()).as("nothing stored").isEqualTo(before);

    String id = json.readTree(unit.upload(task, "gop-y.docx", DOCX, docx, unit.xsrf()).body()).path("id").asText();
    HttpResponse<byte[]> stranger = Session.login(port, "so-xd-cv").download(id);
    assertThat(stranger.statusCode()).as("neither a reader of the deliverable nor a holder of its tasks")
        .isEqualTo(403);
    assertThat(new String(stranger.body(), StandardCharsets.UTF_8)).contains("không có quyền tải");
    assertThat(Session.login(port, "so-gddt-cv").download(id).body()).as("the lead unit reads it").isEqualTo(docx);

    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + BASE + "/tasks/" + task + "/documents")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("no session").isIn(401, 403);
  }

  private JsonNode listOf(Session session, String task) throws Exception {
    HttpResponse<String> list = session.get(BASE + "/tasks/" + task + "/documents");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return json.readTree(list.body());
  }

  private String replyTask() {
    TaskService tasks = engine.getTaskService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation",
        "TAB-" + System.nanoTime(), Map.of("deliverableCode", "4.2",
            "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
            "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("draftReference", "Dự thảo Nghị quyết lần 1"));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("so-tc").singleResult()
        .getId();
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM document_file", Integer.class)
        + jdbc.queryForObject("SELECT COUNT(*) FROM document_content", Integer.class);
  }

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  /** A browser's session in Tasklist: logged in, the session's XSRF token fetched by a first read. */
  record Session(int port, HttpClient http, CookieManager cookies) {

    static Session login(int port, String user) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
          .build();
      Session session = new Session(port, http, cookies);
      http.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpRequest.Builder login = HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/"
          + "tasklist")).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user));
      session.xsrfHeader(login, session.xsrf());
      int status = http.send(login.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status).as("Tasklist login of " + user).isEqualTo(200);
      // The login starts a new session: the next read hands out its token, as Tasklist's first call does.
      http.send(HttpRequest.newBuilder(session.uri("/camunda/api/engine/engine/default/task/count")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return session;
    }

    String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> upload(String task, String name, String type, byte[] content, String token)
        throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(BASE + "/tasks/" + task + "/documents?name="
              + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
          .header("Content-Type", type).header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(content));
      xsrfHeader(request, token);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> download(String id) throws Exception {
      return http.send(HttpRequest.newBuilder(uri(BASE + "/documents/" + id + "/content")).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    private void xsrfHeader(HttpRequest.Builder request, String token) {
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
