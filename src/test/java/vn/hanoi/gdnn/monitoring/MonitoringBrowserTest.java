package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;
import vn.hanoi.gdnn.plan.PlanLauncher;

/**
 * Real Chromium (Debian's, headless) driven by Playwright against the running application, on a real deliverable
 * of the plan: the yearly communication activities of 2026 (1.2-2026, lifecycle "lifecycleRecurringActivity", led
 * by Sở Giáo dục và Đào tạo). The demo users do their jobs: staff {@code so-gddt-cv} open the plan and then the
 * budget from "Việc của đơn vị" and submit the Camunda Forms; the leader {@code so-gddt-ld} approves from
 * "Chờ ký / phê duyệt" and opens their unit's page "Kết quả thực hiện của đơn vị"; the plan manager {@code qlkh} sees the new step on the Cockpit dashboard. Screenshots of
 * each step go to target/screenshots/; to refresh the user guide's pictures run this test with
 * {@code -Dgdnn.screenshots=docs/screenshots}. Skipped with a plain message when Chromium or Node.js is
 * missing, except under CI (CI=true), where that is a failure.
 */
@IntegrationTest
class MonitoringBrowserTest {

  /** A test run must not rewrite tracked files: screenshots go under target/ unless asked for docs/. */
  static final Path SCREENSHOTS = Path.of(System.getProperty("gdnn.screenshots", "target/screenshots"));
  static final String OCCURRENCE = "1.2-2026";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TasklistFilterSetup filters;
  @Autowired
  PlanLauncher launcher;

  @Test
  void staffLeaderAndManagerDoTheirJobsInTheBrowser() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();

    launcher.synchronise(); // the whole plan, as at a production start (idempotent)
    filters.synchronize();
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(OCCURRENCE).processDefinitionKey("lifecycleRecurringActivity").singleResult();
    // the job executor is off in tests: run the "wait for the year" timer, whose date (01/01/2026) has passed
    for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(lifecycle.getId()).timers()
        .activityId("Event_WaitForPeriod").list()) {
      engine.getManagementService().executeJob(timer.getId());
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(lifecycle.getId())
        .taskDefinitionKey("Task_PlanActivities").count()).isEqualTo(1);
    Files.createDirectories(SCREENSHOTS);

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "monitoring-browser.mjs",
        "http://localhost:" + port, OCCURRENCE, SCREENSHOTS.toAbsolutePath().toString(),
        "so-gddt-cv", "so-gddt-ld", "qlkh"), 300);
    System.out.println(result.output());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("DASHBOARD").contains("Tổ chức thực hiện các hoạt động");
    assertThat(result.output()).as("the leader's Tasklist page of their unit")
        .contains("LEADER-UNIT Sở Giáo dục và Đào tạo");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(lifecycle.getId())
        .finished().taskDefinitionKey("Task_ApproveBudget").taskAssignee("so-gddt-ld").count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(lifecycle.getId(), "leaderDecision")).isEqualTo("approve");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(lifecycle.getId())
        .taskDefinitionKey("Task_RunActivities").count()).isEqualTo(1);
    for (String shot : List.of("monitoring-0-unit-inbox.png", "monitoring-1-staff-form.png",
        "monitoring-2-leader-sign-off.png", "monitoring-3-manager-dashboard.png",
        "monitoring-4-dashboard-deliverable.png", "monitoring-6-leader-unit-figures.png")) {
      assertThat(SCREENSHOTS.resolve(shot)).isNotEmptyFile();
    }
  }
}
