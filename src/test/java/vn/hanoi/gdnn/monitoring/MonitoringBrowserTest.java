package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * Real Chromium (Debian's, headless) driven by Playwright against the running application: staff submit a form
 * from "Việc của đơn vị", a leader signs off from "Chờ ký / phê duyệt", a manager sees the new state on the
 * Cockpit dashboard. Screenshots of each step go to docs/screenshots/ for the user guide. Skipped with a plain
 * message when Chromium or Node.js is missing, except under CI (CI=true), where that is a failure.
 */
@IntegrationTest
class MonitoringBrowserTest {

  static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TasklistFilterSetup filters;
  @Autowired
  WorkingDayCalendar workingDays;

  @Test
  void staffLeaderAndManagerDoTheirJobsInTheBrowser() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();

    MonitoringFixture.deploy(engine);
    MonitoringFixture.identities(engine);
    filters.synchronize();
    String code = "9." + (System.nanoTime() % 1000);
    Date deadline = Date.from(workingDays.plusWorkingDays(Instant.now(), 30));
    Date taskDue = Date.from(workingDays.plusWorkingDays(Instant.now(), 2));
    MonitoringFixture.start(engine, code, "Kế hoạch truyền thông về giáo dục nghề nghiệp", "1",
        "Truyền thông, nâng cao nhận thức", MonitoringFixture.UNIT, deadline, taskDue);
    Files.createDirectories(SCREENSHOTS);

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "monitoring-browser.mjs",
        "http://localhost:" + port, code, MonitoringFixture.PASSWORD, SCREENSHOTS.toAbsolutePath().toString(),
        MonitoringFixture.STAFF, MonitoringFixture.LEADER, MonitoringFixture.MANAGER), 300);
    System.out.println(result.output());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("DASHBOARD").contains("Vào sổ, phát hành văn bản");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
        .finished().taskAssignee(MonitoringFixture.LEADER).count()).isEqualTo(1);
    for (String shot : List.of("monitoring-0-unit-inbox.png", "monitoring-1-staff-form.png", "monitoring-2-leader-sign-off.png",
        "monitoring-3-manager-dashboard.png")) {
      assertThat(SCREENSHOTS.resolve(shot)).isNotEmptyFile();
    }
  }
}
