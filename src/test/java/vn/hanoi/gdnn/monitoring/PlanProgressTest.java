package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.SecondApplication;

/**
 * Monitoring on the real plan: the application starts as in production with the default setting
 * {@code gdnn.plan.launch-on-start=true} (its own fresh database, so the plan is exactly the catalogue's: 20
 * deliverables, 43 occurrences), and the plan manager {@code qlkh} reads the progress and downloads the report.
 */
class PlanProgressTest {

  static final Set<String> AREAS = Set.of("1", "2", "3", "4", "5", "6", "7", "8");
  static ConfigurableApplicationContext app;
  static TestRestTemplate qlkh;

  @BeforeAll
  static void launchThePlan() {
    app = SecondApplication.start("planProgress", List.of("test"), Map.of(
        "spring.datasource.url", "jdbc:h2:mem:plan-progress;DB_CLOSE_DELAY=-1",
        "gdnn.plan.launch-on-start", "true"));
    String port = app.getEnvironment().getProperty("local.server.port");
    qlkh = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
        .withBasicAuth("qlkh", "qlkh");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOccurrenceIsGroupedByAreaAndLeadUnitWithItsHealth() {
    ResponseEntity<Map> answer = qlkh.getForEntity("/api/monitoring/progress", Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> areas = (List<Map<String, Object>>) answer.getBody().get("byArea");
    assertThat(areas).extracting(a -> a.get("key")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(areas.get(1).get("name")).isEqualTo("Phát triển đội ngũ cán bộ quản lý, nhà giáo giáo dục nghề nghiệp");
    List<Map<String, Object>> all = new ArrayList<>();
    areas.forEach(a -> all.addAll((List<Map<String, Object>>) a.get("deliverables")));
    assertThat(all).hasSize(43);
    assertThat(all.stream().map(d -> d.get("code").toString().replaceFirst("-\\d{4}$", "")).distinct())
        .hasSize(20);
    assertThat(all).extracting(d -> d.get("code")).contains("1.1-2025", "1.1-2030", "4.2", "8.3");
    Map<String, Object> total = (Map<String, Object>) answer.getBody().get("total");
    assertThat(total.values().stream().mapToInt(n -> (Integer) n).sum()).isEqualTo(43);

    List<Map<String, Object>> units = (List<Map<String, Object>>) answer.getBody().get("byLeadUnit");
    assertThat(units).extracting(u -> u.get("key")).containsExactlyInAnyOrder("so-gddt", "so-nnmt", "cd-cnc-hn");
    Map<String, Integer> perUnit = units.stream().collect(Collectors.toMap(u -> (String) u.get("key"),
        u -> ((List<?>) u.get("deliverables")).size()));
    assertThat(perUnit).containsEntry("so-nnmt", 3).containsEntry("cd-cnc-hn", 2).containsEntry("so-gddt", 38);

    // health: a passed deadline is overdue; every other occurrence was just launched, so it is on track or at
    // risk (none is stuck, completed or near the end yet); co-operating units come from the plan's Json list
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    for (Map<String, Object> d : all) {
      LocalDate deadline = LocalDate.parse((String) d.get("deadline"), day);
      String health = (String) d.get("health");
      if (deadline.isBefore(today)) {
        assertThat(health).as(d.get("code").toString()).isEqualTo("OVERDUE");
      } else {
        assertThat(health).as(d.get("code").toString()).isIn("ON_TRACK", "AT_RISK");
      }
      assertThat((List<String>) d.get("currentSteps")).as("steps of %s", d.get("code")).isNotNull();
    }
    Map<String, Object> policy = all.stream().filter(d -> "4.2".equals(d.get("code"))).findFirst().orElseThrow();
    assertThat((List<String>) policy.get("coUnits")).isNotEmpty();
    assertThat((List<String>) policy.get("currentSteps")).containsExactly("Xây dựng dự thảo Nghị quyết");
  }

  @Test
  void theReportListsThePlanInTheOfficialLayoutGroupedByArea() throws Exception {
    ResponseEntity<byte[]> xlsx = qlkh.getForEntity("/api/monitoring/report.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<List<String>> rows = rows(xlsx.getBody());
    assertThat(rows.get(ProgressReport.HEADER_ROW)).containsExactly("STT", "Nội dung", "Đơn vị chủ trì",
        "Đơn vị phối hợp", "Thời hạn", "Tiến độ", "Kết quả / sản phẩm", "Ghi chú");
    List<List<String>> body = rows.subList(ProgressReport.HEADER_ROW + 1, rows.size());
    List<List<String>> sections = body.stream().filter(r -> r.get(0).matches("[IVX]+")).toList();
    assertThat(sections).extracting(r -> r.get(0)).containsExactly("I", "II", "III", "IV", "V", "VI", "VII", "VIII");
    assertThat(sections.get(0).get(1))
        .isEqualTo("Nâng cao nhận thức của hệ thống chính trị, người dân và xã hội về giáo dục nghề nghiệp");
    List<List<String>> deliverables = body.stream().filter(r -> r.get(0).matches("\\d+")).toList();
    assertThat(deliverables).hasSize(43);
    List<String> firstArea = body.subList(1, body.indexOf(sections.get(1))).stream().map(r -> r.get(1)).toList();
    assertThat(firstArea).allMatch(content -> content.startsWith("1."));
    assertThat(deliverables).anySatisfy(r -> {
      assertThat(r.get(1)).startsWith("4.2. ");
      assertThat(r.get(2)).isEqualTo("Sở Giáo dục và Đào tạo");
      assertThat(r.get(3)).isNotBlank();
      assertThat(r.get(6)).isEqualTo("Nghị quyết HĐND");
    });

    // a unit's report: the deliverables it leads or co-operates in, nothing else
    ResponseEntity<byte[]> unit = qlkh.getForEntity("/api/monitoring/report.xlsx?unit=so-tc", byte[].class);
    assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<List<String>> unitRows = rows(unit.getBody());
    assertThat(unitRows.get(2).get(0)).contains("Sở Tài chính");
    List<List<String>> financeRows = unitRows.stream().filter(r -> r.get(0).matches("\\d+")).toList();
    assertThat(financeRows).isNotEmpty().hasSizeLessThan(43)
        .allSatisfy(r -> assertThat(r.get(2) + ", " + r.get(3)).contains("Sở Tài chính"));
    long financeInPlan = deliverables.stream().filter(r -> (r.get(2) + ", " + r.get(3)).contains("Sở Tài chính"))
        .count();
    assertThat(financeRows).hasSize((int) financeInPlan);

    ResponseEntity<byte[]> nnmt = qlkh.getForEntity("/api/monitoring/report.xlsx?unit=so-nnmt", byte[].class);
    List<List<String>> nnmtRows = rows(nnmt.getBody()).stream().filter(r -> r.get(0).matches("\\d+")).toList();
    assertThat(nnmtRows).extracting(r -> r.get(1).substring(0, 4)).contains("5.1.", "5.2.", "5.3.");
    assertThat(nnmtRows).filteredOn(r -> r.get(2).equals("Sở Nông nghiệp và Môi trường")).hasSize(3);
  }

  @Test
  void thePlanManagerReadsWhatCockpitCountsAndStaffDoNot() {
    // Cockpit's own views and counts are engine queries under the user's authorizations (AuthorizationSetup)
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    try {
      identity.setAuthentication("qlkh", List.of("quan-ly-ke-hoach"));
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().count())
          .isGreaterThanOrEqualTo(43);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstances().count())
          .isGreaterThanOrEqualTo(43);
      assertThat(engine.getManagementService().createProcessDefinitionStatisticsQuery().list())
          .extracting(st -> st.getKey()).contains("lifecycleHdndPolicy", "lifecycleRecurringActivity");
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey("4.2")
          .count()).isEqualTo(1);

      identity.setAuthentication("so-gddt-cv", List.of("so-gddt"));
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("4.2").count()).isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<List<String>> rows(byte[] xlsx) throws Exception {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      // as a spreadsheet shows each cell: the row numbers are numeric cells
      org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
          cells.add(row == null || row.getCell(c) == null ? "" : shown.formatCellValue(row.getCell(c)));
        }
        rows.add(cells);
      }
      return rows;
    }
  }
}
