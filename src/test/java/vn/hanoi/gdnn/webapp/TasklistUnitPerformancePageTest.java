package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.at;
import static vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture.due;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
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

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.monitoring.UnitTaskHistoryFixture;
import vn.hanoi.gdnn.security.AccessRules;
import vn.hanoi.gdnn.security.Surface;

/**
 * Tasklist's page "Kết quả thực hiện của đơn vị" (issue 20, point 4), called as the page calls it with a Tasklist
 * session: a leader of Ủy ban nhân dân phường Cửa Nam reads their unit's figures for May 2023 — history written
 * on a clock set to that month, a unit and period no other test uses — equal to those of
 * {@code GET /api/monitoring/units}; another unit, and the unit's staff, are refused with the API's message.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistUnitPerformancePageTest {

  static final String UNIT = "px-cua-nam";
  static final String OTHER = "px-ba-dinh";
  static final String PROCESS = "leaderPageTestTask";
  static final String RESOURCE = "/camunda/api/cockpit/plugin/gdnn-monitoring/default/units";
  static final String QUERY = "?period=2023-05&unit=" + UNIT;

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
      // May 2023: as lead, on time and late (3 working days: 15, 16, 17/05); as co-operating unit, open and
      // overdue at the month's end
      tasks.complete(tasks.start("LP-1", UNIT, UNIT, at(2023, 5, 4, 9), due(2023, 5, 10)), at(2023, 5, 9, 10));
      tasks.complete(tasks.start("LP-2", UNIT, UNIT, at(2023, 5, 4, 9), due(2023, 5, 12)), at(2023, 5, 17, 10));
      tasks.start("LP-3", OTHER, UNIT, at(2023, 5, 15, 9), due(2023, 5, 22));
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @AfterAll
  void cleanUp() {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "Kết thúc kiểm thử"));
  }

  @Test
  void tasklistLoadsThePageScript() {
    Surface anyone = Surface.webapp(port, UNIT + "-cv");
    assertThat(anyone.getFromServerRoot("/camunda/app/tasklist/scripts/config.js").body())
        .contains("scripts/unit-performance");
    Surface.Reply script = anyone.getFromServerRoot("/camunda/app/tasklist/scripts/unit-performance.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("Kết quả thực hiện của đơn vị", "gdnn-monitoring/default/units");
  }

  @Test
  void aLeaderSeesTheirUnitsFiguresAsTheApiGivesThem() throws Exception {
    Surface leader = Surface.webapp(port, UNIT + "-ld");
    ClockUtil.setCurrentTime(at(2023, 6, 10, 9));
    JsonNode mine = leader.getFromServerRoot(RESOURCE + "/mine").json();
    assertThat(mine.get("units")).hasSize(1);
    assertThat(mine.get("units").get(0).get("unit").asText()).isEqualTo(UNIT);
    assertThat(mine.get("units").get(0).get("unitName").asText()).isEqualTo("Ủy ban nhân dân phường Cửa Nam");
    assertThat(mine.get("defaultPeriod").asText()).as("last month").isEqualTo("2023-05");

    Surface.Reply page = leader.getFromServerRoot(RESOURCE + QUERY);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    JsonNode screen = page.json();
    assertThat(screen.get("periodLabel").asText()).isEqualTo("Tháng 05/2023");
    assertThat(screen.get("from").asText()).isEqualTo("01/05/2023");
    assertThat(screen.get("units")).as("the API's rows").isEqualTo(api("/api/monitoring/units" + QUERY));
    JsonNode row = screen.get("units").get(0);
    assertThat(List.of(row.get("onTime").asInt(), row.get("late").asInt(), row.get("lateWorkingDays").asInt(),
        row.get("openOverdue").asInt(), row.get("openNotDue").asInt())).isEqualTo(List.of(1, 1, 3, 1, 0));
    assertThat(row.get("onTimeRate").asDouble()).isEqualTo(33.3);
    assertThat(row.get("asLead").get("onTimeRate").asDouble()).isEqualTo(50.0);
    assertThat(row.get("asCoOperating").get("deliverableCodes").get(0).asText()).isEqualTo("LP-3");

    JsonNode months = leader.getFromServerRoot(RESOURCE + "/trend" + QUERY).json().get("months");
    assertThat(months).hasSize(12);
    assertThat(months.get(11).get("label").asText()).isEqualTo("Tháng 05/2023");
    assertThat(months.get(11).get("onTimeRate").asDouble()).isEqualTo(33.3);
    assertThat(months.get(10).get("onTimeRate").isNull()).as("nothing due in April 2023").isTrue();

    Surface.Reply xlsx = leader.getFromServerRoot(RESOURCE + "/xlsx" + QUERY);
    assertThat(xlsx.status()).as("the unit's report").isEqualTo(200);
  }

  @Test
  void anotherUnitAndTheUnitsStaffAreRefused() {
    Surface leader = Surface.webapp(port, UNIT + "-ld");
    for (String query : List.of("?period=2023-05&unit=" + OTHER, "/trend?period=2023-05&unit=" + OTHER,
        "/xlsx?period=2023-05&unit=" + OTHER, "?period=2023-05")) {
      Surface.Reply refused = leader.getFromServerRoot(RESOURCE + query);
      assertThat(refused.status()).as(query).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).isEqualTo(AccessRules.UNITS_DENIED);
    }
    Surface staff = Surface.webapp(port, UNIT + "-cv");
    assertThat(staff.getFromServerRoot(RESOURCE + "/mine").json().get("units")).as("no button for staff")
        .isEmpty();
    Surface.Reply refused = staff.getFromServerRoot(RESOURCE + QUERY);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).isEqualTo(AccessRules.UNITS_DENIED);
  }

  @Test
  void aLeaderOfSeveralUnitsChoosesAmongThem() {
    IdentityService identity = engine.getIdentityService();
    identity.createMembership(UNIT + "-ld", OTHER + "-lanh-dao");
    try {
      Surface leader = Surface.webapp(port, UNIT + "-ld");
      JsonNode units = leader.getFromServerRoot(RESOURCE + "/mine").json().get("units");
      assertThat(units).hasSize(2);
      assertThat(List.of(units.get(0).get("unit").asText(), units.get(1).get("unit").asText()))
          .containsExactly(OTHER, UNIT);
      assertThat(leader.getFromServerRoot(RESOURCE + "?period=2023-05&unit=" + OTHER).status()).isEqualTo(200);
    } finally {
      identity.deleteMembership(UNIT + "-ld", OTHER + "-lanh-dao");
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  private JsonNode api(String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth("qlkh", "qlkh").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }
}
