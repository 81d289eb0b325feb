package vn.hanoi.gdnn.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * Documents through the API as their users meet them: a consulted unit attaches its reply and cannot complete
 * the step without one; versions; downloads only for those who may read; bad files refused with nothing stored;
 * signed PDFs verified against the tests' own CA; the issued decision must be a validly signed PDF.
 */
@IntegrationTest
class DocumentApiTest {

  static final String DOCX = FileInspection.DOCX;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aConsultedUnitAttachesItsReplyAndCannotCompleteTheStepWithoutIt() throws Exception {
    String task = replyTask();
    ResponseEntity<String> without = submit("so-tc-cv", task, Map.of("opinion", Map.of("value", "agree")));
    assertThat(without.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(without.getBody()).path("message").asText())
        .contains("cần đính kèm văn bản góp ý", "Tài liệu");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("task stays open").isEqualTo(1);

    byte[] docx = docx("Sở Tài chính thống nhất với dự thảo.");
    ResponseEntity<String> first = upload("so-tc-cv", task, "Góp ý của Sở Tài chính.docx", DOCX, docx, null);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
    JsonNode stored = json.readTree(first.getBody());
    assertThat(stored.path("kind").asText()).isEqualTo("consultationReply");
    assertThat(stored.path("version").asInt()).isEqualTo(1);
    assertThat(stored.path("sha256").asText()).isEqualTo(sha256(docx));
    assertThat(stored.path("size").asLong()).isEqualTo(docx.length);
    assertThat(stored.path("mediaType").asText()).isEqualTo(DOCX);
    assertThat(stored.path("uploadedBy").asText()).isEqualTo("so-tc-cv");
    assertThat(stored.path("uploadedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    assertThat(stored.path("signature").isNull()).isTrue();

    byte[] second = docx("Sở Tài chính thống nhất, đề nghị bổ sung nguồn kinh phí.");
    JsonNode newer = json.readTree(upload("so-tc-cv", task, "Góp ý của Sở Tài chính.docx", DOCX, second, null)
        .getBody());
    assertThat(newer.path("version").asInt()).as("a new version, the first kept").isEqualTo(2);

    ResponseEntity<byte[]> download = as("so-tc-cv").getForEntity("/api/documents/" + stored.path("id").asText()
        + "/content", byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getBody()).as("the first version is unchanged").isEqualTo(docx);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo(DOCX);
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("Góp ý của Sở Tài chính.docx");
    assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();

    ResponseEntity<String> outsider = as("so-gddt-ld").postForEntity("/api/tasks/" + task + "/documents",
        multipart("x.docx", DOCX, docx, null), String.class);
    assertThat(outsider.getStatusCode().value()).as("not a holder of the task").isEqualTo(403);
    assertThat(json.readTree(outsider.getBody()).path("message").asText()).contains("không có quyền");

    ResponseEntity<String> done = submit("so-tc-cv", task, Map.of("opinion", Map.of("value", "agree")));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    assertThat(as("so-tc-cv").getForEntity("/api/documents/" + stored.path("id").asText() + "/content",
        String.class).getStatusCode().value()).as("the consulted unit's access ended with its task").isEqualTo(403);
    assertThat(as("so-gddt-cv").getForEntity("/api/documents/" + stored.path("id").asText() + "/content",
        byte[].class).getBody()).as("the lead unit reads it").isEqualTo(docx);
    assertThat(as("so-gddt-cv").getForEntity("/api/documents/does-not-exist/content", String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void badFilesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String task = replyTask();
    int before = count();
    byte[] pdf = TestPki.unsignedPdf("Góp ý");
    assertRefused(upload("so-tc-cv", task, "gop-y.docx", DOCX, pdf, null), "không khớp với đuôi tệp .docx");
    assertRefused(upload("so-tc-cv", task, "gop-y.pdf", DOCX, pdf, null), "Loại tệp khai báo");
    assertRefused(upload("so-tc-cv", task, "..\\..\\gop-y.pdf", "application/pdf", pdf, null),
        "ký tự đường dẫn");
    assertRefused(upload("so-tc-cv", task, "gop:y.pdf", "application/pdf", pdf, null), "ký tự đường dẫn");
    assertRefused(upload("so-tc-cv", task, "bom.docx", DOCX, zipBomb(), null), "bom nén");
    assertRefused(upload("so-tc-cv", task, "lon.pdf", "application/pdf", new byte[3 * 1024 * 1024], null),
        "tối đa 2 MB");
    assertRefused(upload("so-tc-cv", task, "gop-y.exe", "application/octet-stream", pdf, null), "chỉ nhận PDF");
    assertRefused(upload("so-tc-cv", task, "gop-y.pdf", "application/pdf", pdf, "khongCo"), "Loại tài liệu");
    ResponseEntity<String> noFile = as("so-tc-cv").postForEntity("/api/tasks/" + task + "/documents",
        new HttpEntity<>(Map.of("file", "x"), jsonHeaders()), String.class);
    assertThat(noFile.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(noFile.getBody()).path("field").asText()).isEqualTo("file");
    assertThat(count()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void signedPdfsAreVerifiedAndATamperedOneIsRefused() throws Exception {
    TestPki pki = TestPki.get();
    String task = replyTask();
    byte[] signed = pki.signedPdf("Công văn góp ý số 12/STC-NS");
    JsonNode stored = json.readTree(upload("so-tc-cv", task, "cong-van-gop-y.pdf", "application/pdf", signed,
        null).getBody());
    JsonNode signature = stored.path("signature");
    assertThat(signature.path("status").asText()).isEqualTo("valid");
    assertThat(signature.path("signer").asText()).isEqualTo(TestPki.SIGNER);
    assertThat(signature.path("organisation").asText()).isEqualTo(TestPki.ORGANISATION);
    assertThat(signature.path("revocation").asText()).as("no CRL configured").isEqualTo("notChecked");
    assertThat(signature.path("revocationLabel").asText()).contains("Chưa kiểm tra thu hồi");
    assertThat(signature.path("signedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

    int before = count();
    assertRefused(upload("so-tc-cv", task, "sua-sau-khi-ky.pdf", "application/pdf", TestPki.tampered(signed), null),
        "chữ ký số không hợp lệ");
    assertThat(count()).isEqualTo(before);

    JsonNode stranger = json.readTree(upload("so-tc-cv", task, "nguoi-la-ky.pdf", "application/pdf",
        pki.strangerSignedPdf("Văn bản"), null).getBody());
    assertThat(stranger.path("signature").path("status").asText()).as("kept and shown, not trusted")
        .isEqualTo("untrusted");
  }

  @Test
  void theIssuedDecisionMustBeAValidlySignedPdf() throws Exception {
    TestPki pki = TestPki.get();
    TaskService tasks = engine.getTaskService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("issuance",
        "DOC-" + System.nanoTime(), Map.of("deliverableCode", "4.2", "deliverableTitle", "Chính sách hỗ trợ học phí",
            "leadUnit", "so-gddt", "issuerGroup", "so-gddt"));
    String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    Map<String, Object> form = Map.of("documentNumber", Map.of("value", "5721/QĐ-UBND"),
        "issuedOn", Map.of("value", LocalDate.now().minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
        "signer", Map.of("value", "Phó Chủ tịch UBND Thành phố"),
        "documentLink", Map.of("value", "Quyết định 5721/QĐ-UBND"));

    assertRefused(upload("so-gddt-cv", task, "quyet-dinh.pdf", "application/pdf", TestPki.unsignedPdf("QĐ"), null),
        "chưa được ký số");
    assertRefused(upload("so-gddt-cv", task, "quyet-dinh.pdf", "application/pdf", pki.strangerSignedPdf("QĐ"),
        null), "chữ ký số hợp lệ");
    // a validly signed decision changed afterwards by an incremental update: refused, nothing stored
    int before = count();
    assertRefused(upload("so-gddt-cv", task, "quyet-dinh-da-sua.pdf", "application/pdf",
        TestPki.changedByIncrementalUpdate(pki.signedPdf("Quyết định 5721/QĐ-UBND"), "Quyết định đã sửa"), null),
        "Tệp đã bị thay đổi sau khi ký");
    assertThat(count()).isEqualTo(before);
    ResponseEntity<String> without = submit("so-gddt-cv", task, form);
    assertThat(without.getStatusCode().value()).isEqualTo(400);
    assertThat(without.getBody()).contains("đã ký số hợp lệ");

    ResponseEntity<String> signed = upload("so-gddt-cv", task, "quyet-dinh-5721.pdf", "application/pdf",
        pki.signedPdf("Quyết định 5721/QĐ-UBND"), null);
    assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
    assertThat(json.readTree(signed.getBody()).path("kind").asText()).isEqualTo("issuedDocument");
    ResponseEntity<String> done = submit("so-gddt-cv", task, form);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);

    JsonNode listed = json.readTree(as("so-gddt-cv").getForEntity("/api/plan/deliverables/4.2/documents",
        String.class).getBody());
    assertThat(listed.findValuesAsText("name")).contains("quyet-dinh-5721.pdf");
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /** A fresh consultation of deliverable 4.2 led by Sở GD&ĐT, at Sở Tài chính's reply. */
  private String replyTask() {
    TaskService tasks = engine.getTaskService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation",
        "DOC-" + System.nanoTime(), Map.of("deliverableCode", "4.2",
            "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
            "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("draftReference", "Dự thảo Nghị quyết lần 1"));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("so-tc").singleResult()
        .getId();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user);
  }

  private ResponseEntity<String> submit(String user, String task, Map<String, Object> variables) {
    return as(user).exchange("/engine-rest/task/" + task + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), jsonHeaders()), String.class);
  }

  private ResponseEntity<String> upload(String user, String task, String name, String type, byte[] content,
      String kind) {
    return as(user).postForEntity("/api/tasks/" + task + "/documents", multipart(name, type, content, kind),
        String.class);
  }

  static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String name, String type, byte[] content,
      String kind) {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.parseMediaType(type));
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, partHeaders));
    if (kind != null) {
      parts.add("kind", kind);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  private void assertRefused(ResponseEntity<String> reply, String messagePart) throws Exception {
    assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(400);
    JsonNode body = json.readTree(reply.getBody());
    assertThat(body.path("field").asText()).isIn("file", "kind");
    assertThat(body.path("message").asText()).contains(messagePart);
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM document_file", Integer.class)
        + jdbc.queryForObject("SELECT COUNT(*) FROM document_content", Integer.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  /** A DOCX carrying a 50 MB entry of zeros: about 50 KB on the wire. */
  static byte[] zipBomb() throws Exception {
    byte[] docx = docx("Bình thường");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out);
        java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("word/media/padding.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
