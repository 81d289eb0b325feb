package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.at;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.due;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.security.Surface;

/**
 * Units' figures (issue 20) from real engine history: tasks of Ủy ban nhân dân xã Sóc Sơn created, escalated and
 * completed on a clock set to February–April 2024, a period no other test of the shared context writes into
 * (their tasks start in the present, after the cut, and do not count), then read over HTTP as the API, the XLSX
 * and the Cockpit dashboard's resource give them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPerformanceTest {

  static final String UNIT = "xa-soc-son";
  static final String OTHER = "xa-dong-anh";
  static final String PROCESS = "unitFiguresTestTask";

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;
  @LocalServerPort
  int port;

  final ObjectMapper json = new ObjectMapper();
  UnitTaskHistoryFixture tasks;

  @BeforeAll
  void history() {
    tasks = new UnitTaskHistoryFixture(engine, PROCESS);
    try {
      // February: one task finished on time (counts in the quarter and the year, not in March)
      tasks.complete(tasks.start("UF-6", UNIT, UNIT, at(2024, 2, 1, 9), due(2024, 2, 5)), at(2024, 2, 2, 10));
      // March, as lead unit: on time; 3 working days late (11, 12, 13/03); open and overdue at the month's end
      tasks.complete(tasks.start("UF-1", UNIT, UNIT, at(2024, 3, 4, 9), due(2024, 3, 8)), at(2024, 3, 7, 10));
      tasks.complete(tasks.start("UF-2", UNIT, UNIT, at(2024, 3, 4, 9), due(2024, 3, 8)), at(2024, 3, 13, 10));
      String overdue = tasks.start("UF-4", UNIT, UNIT, at(2024, 3, 18, 9), due(2024, 3, 22));
      // escalated to the unit's leaders as the deadline watch does: still one task of the unit
      ClockUtil.setCurrentTime(at(2024, 3, 25, 8));
      engine.getTaskService().addCandidateGroup(overdue, UNIT + "-lanh-dao");
      // March, as co-operating unit (another commune leads): late by one day (Monday 18/03); finished after
      // office hours on its due day (one day); open, due in April
      tasks.complete(tasks.start("UF-3", OTHER, UNIT, at(2024, 3, 5, 9), due(2024, 3, 15)), at(2024, 3, 18, 10));
      tasks.complete(tasks.start("UF-3B", OTHER, UNIT, at(2024, 3, 5, 9), due(2024, 3, 15)), at(2024, 3, 15, 18));
      tasks.start("UF-5", OTHER, UNIT, at(2024, 3, 20, 9), due(2024, 4, 15));
      // not counted: a step cancelled with its deliverable; the other commune's own task
      String cancelled = tasks.start("UF-7", UNIT, UNIT, at(2024, 3, 4, 9), due(2024, 3, 8));
      ClockUtil.setCurrentTime(at(2024, 3, 6, 9));
      engine.getRuntimeService().deleteProcessInstance(processOf(cancelled), "Nhiệm vụ bị hủy");
      tasks.start("UF-8", OTHER, OTHER, at(2024, 3, 5, 9), due(2024, 3, 8));
      // the overdue task is finished in April, 8 working days late (25–29/03, 1–3/04)
      tasks.complete(overdue, at(2024, 4, 3, 10));
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** Leaves no open task in the communes' inboxes for the tests that follow. */
  @AfterAll
  void cleanUp() {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "Kết thúc kiểm thử"));
  }

  @Test
  void aMonthCountsWhatWasFinishedInItAndWhatWasOpenAtItsEndAsLeadAndAsCoOperatingUnit() throws Exception {
    JsonNode row = unitRow(get("qlkh", "/api/monitoring/units?period=2024-03"));

    assertThat(row.get("unitName").asText()).isEqualTo("Ủy ban nhân dân xã Sóc Sơn");
    assertFigures(row, 1, 3, 5, 1, 1, 20.0);
    assertThat(row.get("deliverables").asInt()).isEqualTo(6);
    assertFigures(row.get("asLead"), 1, 1, 3, 1, 0, 33.3);
    assertThat(row.get("asLead").get("deliverables").asInt()).isEqualTo(3);
    assertFigures(row.get("asCoOperating"), 0, 2, 2, 0, 1, 0.0);
    assertThat(row.get("asCoOperating").get("deliverables").asInt()).isEqualTo(3);
    assertThat(row.get("asLead").get("deliverableCodes").isNull()).as("no lists in the city-wide answer").isTrue();

    JsonNode other = rowOf(get("qlkh", "/api/monitoring/units?period=2024-03"), OTHER);
    assertFigures(other, 0, 0, 0, 1, 0, 0.0);
  }

  @Test
  void aQuarterAndARunningYearAddUpTheirMonths() throws Exception {
    assertFigures(unitRow(get("qlkh", "/api/monitoring/units?period=2024-Q1")), 2, 3, 5, 1, 1, 33.3);
    ClockUtil.setCurrentTime(at(2024, 4, 10, 9));
    // the year is still running on 10/04/2024: the overdue task has since been finished late, UF-5 not yet due
    assertFigures(unitRow(get("qlkh", "/api/monitoring/units?period=2024")), 2, 4, 13, 0, 1, 33.3);
  }

  @Test
  void oneUnitListsItsDeliverablesByRole() throws Exception {
    JsonNode rows = get("qlkh", "/api/monitoring/units?period=2024-03&unit=" + UNIT);
    assertThat(rows.size()).isEqualTo(1);
    assertThat(codes(rows.get(0).get("asLead"))).containsExactly("UF-1", "UF-2", "UF-4");
    assertThat(codes(rows.get(0).get("asCoOperating"))).containsExactly("UF-3", "UF-3B", "UF-5");
  }

  @Test
  void aUnitsLeaderReadsTheirOwnUnitOnly() throws Exception {
    String leader = UNIT + "-ld";
    assertThat(call(leader, "/api/monitoring/units?period=2024-03&unit=" + UNIT).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    for (String path : List.of("/api/monitoring/units?period=2024-03&unit=" + OTHER,
        "/api/monitoring/units?period=2024-03", "/api/monitoring/units.xlsx?period=2024-03&unit=" + OTHER)) {
      ResponseEntity<String> refused = call(leader, path);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("chính đơn vị mình");
    }
    // the unit's staff, and the other commune's leader, are not the unit's leaders
    assertThat(call(UNIT + "-cv", "/api/monitoring/units?period=2024-03&unit=" + UNIT).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(OTHER + "-ld", "/api/monitoring/units?period=2024-03&unit=" + UNIT).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/monitoring/units?period=2024-03", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** Any webapp session reaches a Cockpit plugin's resources: the dashboard's resource applies the API's rule. */
  @Test
  void theDashboardsResourceKeepsALeaderWithATasklistSessionToTheirOwnUnit() {
    String resource = "/camunda/api/cockpit/plugin/gdnn-monitoring/default/units";
    Surface leader = Surface.webapp(port, UNIT + "-ld");
    assertThat(leader.getFromServerRoot(resource + "?period=2024-03&unit=" + UNIT).status()).isEqualTo(200);
    for (String query : List.of("?period=2024-03", "?period=2024-03&unit=" + OTHER, "/trend?period=2024-03",
        "/xlsx?period=2024-03")) {
      Surface.Reply refused = leader.getFromServerRoot(resource + query);
      assertThat(refused.status()).as(query).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("chính đơn vị mình");
    }
    assertThat(Surface.webapp(port, UNIT + "-cv").getFromServerRoot(resource + "?period=2024-03&unit=" + UNIT)
        .status()).as("the unit's staff").isEqualTo(403);
  }

  @Test
  void badInputIsAnsweredNamingTheField() throws Exception {
    for (Map.Entry<String, String> c : Map.of("period=2024-13", "period", "period=tháng-3", "period",
        "", "period", "period=2099-01", "period", "period=2024-03&unit=khong-co", "unit").entrySet()) {
      ResponseEntity<String> answer = call("qlkh", "/api/monitoring/units?" + c.getKey());
      assertThat(answer.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode body = json.readTree(answer.getBody());
      assertThat(body.get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(body.get("message").asText()).contains("Trường \"" + c.getValue() + "\"");
    }
  }

  /** Issue 20: the figures in the file equal those on screen (the dashboard's resource) and in the API. */
  @Test
  void theXlsxTheApiAndTheDashboardShowTheSameFigures() throws Exception {
    JsonNode api = get("demo", "/api/monitoring/units?period=2024-03");
    JsonNode screen = Surface.webapp(port, "qlkh")
        .getFromServerRoot("/camunda/api/cockpit/plugin/gdnn-monitoring/default/units?period=2024-03").json();
    assertThat(screen.get("units")).isEqualTo(api);
    assertThat(screen.get("periodLabel").asText()).isEqualTo("Tháng 03/2024");

    ResponseEntity<byte[]> file = http.withBasicAuth("qlkh", "qlkh")
        .getForEntity("/api/monitoring/units.xlsx?period=2024-03", byte[].class);
    assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("danh-gia-don-vi-2024-03.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(UnitPerformanceReport.TITLE);
      assertThat(sheet.getRow(4).getCell(0).getStringCellValue())
          .isEqualTo("Kỳ báo cáo: Tháng 03/2024 (từ ngày 01/03/2024 đến ngày 31/03/2024)");
      for (int i = 0; i < api.size(); i++) {
        JsonNode unit = api.get(i);
        Row row = sheet.getRow(UnitPerformanceReport.HEADER_ROW + 1 + i);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(unit.get("unitName").asText());
        assertThat(cells(row, 2)).as(unit.get("unit").asText()).isEqualTo(figures(unit));
        assertThat(cells(row, 9)).isEqualTo(figures(unit.get("asLead")));
        assertThat(cells(row, 16)).isEqualTo(figures(unit.get("asCoOperating")));
        assertThat(value(row.getCell(UnitPerformanceReport.RANK_COLUMN)))
            .isEqualTo(unit.get("rank").isNull() ? null : unit.get("rank").asDouble());
      }
      String signatures = sheetText(sheet);
      assertThat(signatures).contains("Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ", "NGƯỜI LẬP BIỂU");
    }
  }

  @Test
  void theDashboardsTrendHasTwelveMonthsOfTheUnitsRate() throws Exception {
    ClockUtil.setCurrentTime(at(2024, 4, 10, 9));
    JsonNode trend = Surface.webapp(port, "qlkh").getFromServerRoot(
        "/camunda/api/cockpit/plugin/gdnn-monitoring/default/units/trend?period=2024-03&unit=" + UNIT).json();
    JsonNode months = trend.get("months");
    assertThat(months.size()).isEqualTo(12);
    assertThat(months.get(11).get("period").asText()).isEqualTo("2024-03");
    assertThat(months.get(11).get("onTimeRate").asDouble()).isEqualTo(20.0);
    assertThat(months.get(10).get("period").asText()).isEqualTo("2024-02");
    assertThat(months.get(10).get("onTimeRate").asDouble()).isEqualTo(100.0);
    assertThat(months.get(0).get("onTimeRate").isNull()).as("nothing due in April 2023").isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------

  private void assertFigures(JsonNode row, int onTime, int late, int lateDays, int overdue, int notDue,
      double rate) {
    assertThat(List.of(row.get("onTime").asInt(), row.get("late").asInt(), row.get("lateWorkingDays").asInt(),
        row.get("openOverdue").asInt(), row.get("openNotDue").asInt()))
        .isEqualTo(List.of(onTime, late, lateDays, overdue, notDue));
    assertThat(row.get("onTimeRate").asDouble()).isEqualTo(rate);
  }

  private static List<Double> figures(JsonNode f) {
    return java.util.Arrays.asList(f.get("onTime").asDouble(), f.get("late").asDouble(),
        f.get("lateWorkingDays").asDouble(), f.get("openOverdue").asDouble(), f.get("openNotDue").asDouble(),
        f.get("onTimeRate").isNull() ? null : f.get("onTimeRate").asDouble(), f.get("deliverables").asDouble());
  }

  private static List<Double> cells(Row row, int first) {
    List<Double> values = new java.util.ArrayList<>();
    for (int c = first; c < first + 7; c++) {
      values.add(value(row.getCell(c)));
    }
    return values;
  }

  private static Double value(Cell cell) {
    return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
  }

  private static String sheetText(Sheet sheet) {
    StringBuilder text = new StringBuilder();
    sheet.forEach(row -> row.forEach(cell -> {
      if (cell.getCellType() == CellType.STRING) {
        text.append(cell.getStringCellValue()).append('\n');
      }
    }));
    return text.toString();
  }

  private static List<String> codes(JsonNode role) {
    List<String> codes = new java.util.ArrayList<>();
    role.get("deliverableCodes").forEach(c -> codes.add(c.asText()));
    return codes;
  }

  private JsonNode unitRow(JsonNode rows) {
    return rowOf(rows, UNIT);
  }

  private static JsonNode rowOf(JsonNode rows, String unit) {
    for (JsonNode row : rows) {
      if (unit.equals(row.get("unit").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + unit + " in " + rows);
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> answer = call(user, path);
    assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private ResponseEntity<String> call(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private String processOf(String taskId) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
        .getProcessInstanceId();
  }
}
