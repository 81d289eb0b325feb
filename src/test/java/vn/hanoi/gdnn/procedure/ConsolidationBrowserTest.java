package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;

/**
 * Real Chromium against the running application: the drafting unit completes "Tiếp thu, giải trình ý kiến góp ý"
 * (a Camunda Form with a dynamic list) in Tasklist. Tasklist 7.24 used to keep "Hoàn thành" disabled for such a
 * form and submitted the rows without the unit code; both are what this test would catch. Skipped with a plain
 * message when Chromium or Node.js is missing, except under CI (CI=true), where that is a failure.
 */
@IntegrationTest
class ConsolidationBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void theDraftingUnitTakesUpAReplyInTasklist() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();
    TaskService tasks = engine.getTaskService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation",
        "BROWSER-" + System.nanoTime(), Map.of("deliverableCode", "4.2",
            "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
            "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("draftReference", "Dự thảo Nghị quyết lần 1"));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("so-tc")
        .singleResult().getId(), Map.of("opinion", "disagree", "comments", "Chưa xác định nguồn kinh phí."));
    // the reply is Sở Tài chính's once its leader signs it with a number
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("so-tc-lanh-dao")
        .singleResult().getId(), Map.of("signOffDecision", "approve", "replyNumber", "1234/STC-NSNN"));
    AsyncSteps.run(engine, instance.getBusinessKey()); // the summary runs behind a job (executor off in tests)
    String consolidate = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    Path shot = Files.createTempFile("consolidation", ".png");

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "consolidation-browser.mjs",
        "http://localhost:" + port, consolidate, "so-gddt-cv", "so-gddt-cv", shot.toString()), 300);
    System.out.println(result.output());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("the server answered 204");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndTime()).as("consultation ended").isNotNull();
    JsonNode reply = new ObjectMapper().readTree(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("consultationReplies").singleResult().getValue()
        .toString()).get(0);
    assertThat(reply.path("unit").asText()).isEqualTo("so-tc");
    assertThat(reply.path("handlingLabel").asText()).isEqualTo("Giải trình");
    assertThat(reply.path("handlingNote").asText()).isEqualTo("Kinh phí được bố trí trong dự toán năm 2026 của Thành phố.");
  }
}
