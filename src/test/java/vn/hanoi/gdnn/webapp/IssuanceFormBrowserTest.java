package vn.hanoi.gdnn.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;

/**
 * Real Chromium: the issuance form in Tasklist says at once that a date of issue later than today is not accepted
 * (the server refuses it anyway, IssuanceProcessTest); a past date shows no warning. Skipped with a plain message
 * when Chromium or Node.js is missing, except under CI (CI=true).
 */
@IntegrationTest
class IssuanceFormBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aDateOfIssueAfterTodayIsFlaggedInTheForm() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("issuance",
        "BROWSER-ISSUE-" + System.nanoTime(), Map.of("deliverableCode", "4.2",
            "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt", "issuerGroup", "vp-ubnd"));
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    DateTimeFormatter vn = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    String tomorrow = vn.format(today.plusDays(1));
    String yesterday = vn.format(today.minusDays(1));

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "issuance-date-browser.mjs",
        "http://localhost:" + port, task, "vp-ubnd-cv", "vp-ubnd-cv", tomorrow, yesterday), 300);
    System.out.println(result.output());
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test ended");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("empty date: warning shown false")
        .contains("date " + tomorrow + ": warning shown true")
        .contains("date " + yesterday + ": warning shown false");
  }
}
