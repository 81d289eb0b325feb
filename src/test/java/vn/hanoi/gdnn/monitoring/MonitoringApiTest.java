package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/** The manager API over HTTP, with the users' own credentials. */
@IntegrationTest
class MonitoringApiTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  WorkingDayCalendar workingDays;

  String code = "A" + System.nanoTime() % 100000;

  @BeforeEach
  void fixture() {
    MonitoringFixture.deploy(engine);
    MonitoringFixture.identities(engine);
    Date far = Date.from(workingDays.plusWorkingDays(Instant.now(), 40));
    MonitoringFixture.start(engine, code, "Đề án trường chất lượng cao", "97", "Trường chất lượng cao",
        MonitoringFixture.UNIT, far, far);
  }

  @Test
  void staffAreRefused() {
    ResponseEntity<Map> answer = as(MonitoringFixture.STAFF).getForEntity("/api/monitoring/progress", Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody().get("message").toString()).contains("quản lý kế hoạch");
    assertThat(as(MonitoringFixture.STAFF).getForEntity("/api/monitoring/report.xlsx", byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/monitoring/progress", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void managersReadProgressByAreaAndUnit() {
    ResponseEntity<Map> answer = as(MonitoringFixture.MANAGER).getForEntity("/api/monitoring/progress?unit=so-gddt",
        Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> areas = (List<Map<String, Object>>) answer.getBody().get("byArea");
    Map<String, Object> area = areas.stream().filter(a -> "97".equals(a.get("key"))).findFirst().orElseThrow();
    assertThat(area.get("name")).isEqualTo("Trường chất lượng cao");
    List<Map<String, Object>> deliverables = (List<Map<String, Object>>) area.get("deliverables");
    Map<String, Object> ours = deliverables.stream().filter(d -> code.equals(d.get("code"))).findFirst()
        .orElseThrow();
    assertThat(ours.get("healthLabel")).isEqualTo("Đúng tiến độ");
    assertThat(ours.get("colour")).isEqualTo("green");
    assertThat(ours.get("processInstanceId")).isNotNull();
    List<Map<String, Object>> units = (List<Map<String, Object>>) answer.getBody().get("byLeadUnit");
    // a unit's view: what it leads, and what it co-operates in (the plan, when launched in this context)
    assertThat(units).extracting(u -> u.get("key")).contains("so-gddt");
    assertThat(units).flatExtracting(u -> (List<Map<String, Object>>) u.get("deliverables"))
        .allSatisfy(d -> assertThat("so-gddt".equals(d.get("leadUnit"))
            || ((List<String>) d.get("coUnits")).contains("so-gddt")).as(d.get("code").toString()).isTrue());
  }

  @Test
  void unknownUnitIsABadRequestNamingTheParameter() {
    ResponseEntity<Map> answer = as(MonitoringFixture.MANAGER)
        .getForEntity("/api/monitoring/report.csv?unit=so-khong-co", Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "unit");
    assertThat(answer.getBody().get("message").toString()).contains("so-khong-co");
  }

  @Test
  void managersDownloadTheReport() throws Exception {
    ResponseEntity<byte[]> xlsx = as(MonitoringFixture.MANAGER).getForEntity("/api/monitoring/report.xlsx",
        byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).startsWith("bao-cao-tien-do-")
        .endsWith(".xlsx");
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue())
          .isEqualTo(ProgressReport.TITLE);
    }
    ResponseEntity<byte[]> csv = as(MonitoringFixture.MANAGER).getForEntity("/api/monitoring/report.csv?unit=so-gddt",
        byte[].class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains(code)
        .contains("Đề án trường chất lượng cao");
  }

  @Test
  void aFormulaTypedIntoADeliverableReachesTheDownloadsAsText() throws Exception {
    String formula = "=HYPERLINK(\"http://x\",\"y\")";
    Date far = Date.from(workingDays.plusWorkingDays(Instant.now(), 40));
    String hostile = "F" + System.nanoTime() % 100000;
    MonitoringFixture.start(engine, hostile, "Nhiệm vụ thử", "98", formula, MonitoringFixture.UNIT, far, far);

    byte[] csv = as(MonitoringFixture.MANAGER).getForEntity("/api/monitoring/report.csv", byte[].class).getBody();
    String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").doesNotContain(",=HYPERLINK");

    byte[] xlsx = as(MonitoringFixture.MANAGER).getForEntity("/api/monitoring/report.xlsx", byte[].class).getBody();
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> texts = new java.util.ArrayList<>();
      workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> {
        assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
          texts.add(cell.getStringCellValue());
        }
      }));
      assertThat(texts).contains("'" + formula).doesNotContain(formula);
    }
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, MonitoringFixture.PASSWORD);
  }
}
