package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * The consultation as Tasklist drives it through the REST API of the running application: the form reads the
 * unit options, a multi-select arrives as a Json list, a bad list is answered 400 naming the field and the task
 * stays open.
 */
@IntegrationTest
class ProcedureRestIntegrationTest {

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private ProcessEngine engine;

  private ProcessInstance instance;

  @AfterEach
  void cleanUp() {
    if (instance != null && engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test");
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void theConsultationFormReadsUnitOptionsAndTheServerRefusesAnUnknownUnitWith400() {
    instance = engine.getRuntimeService().startProcessInstanceByKey("consultation", "KH115-REST", Map.of(
        "deliverableCode", "4.2", "deliverableTitle", "Chính sách hỗ trợ học phí", "leadUnit", "so-gddt",
        "consultedUnits", SpinValues.jsonValue("[\"so-tc\"]").create()));
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    TestRestTemplate admin = rest.withBasicAuth("demo", "demo");

    ResponseEntity<Map> form = admin.getForEntity("/engine-rest/task/" + confirm.getId() + "/form", Map.class);
    assertThat(((Map) form.getBody().get("camundaFormRef")).get("key")).isEqualTo("consultation-units");
    ResponseEntity<Map> variables = admin.getForEntity("/engine-rest/task/" + confirm.getId()
        + "/form-variables?deserializeValues=false", Map.class);
    Map<String, Object> options = (Map<String, Object>) variables.getBody().get("unitOptions");
    assertThat(options).containsEntry("type", "Json");
    assertThat(options.get("value").toString()).contains("\"label\":\"Sở Tài chính\",\"value\":\"so-tc\"")
        .doesNotContain("\"value\":\"so-gddt\"");

    ResponseEntity<Map> refused = admin.postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
        Map.of("variables", Map.of(
            "consultedUnits", Map.of("type", "Json", "value", "[\"so-tc\",\"so-khong-co\"]"),
            "draftReference", Map.of("value", "Dự thảo lần 1"))), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("so-khong-co", "consultedUnits");
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);

    ResponseEntity<Void> accepted = admin.postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
        Map.of("variables", Map.of(
            "consultedUnits", Map.of("type", "Json", "value", "[\"so-tc\",\"so-tp\"]"),
            "draftReference", Map.of("value", "Dự thảo lần 1"))), Void.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    List<Task> opinionTasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinionTasks).extracting(Task::getName).containsExactlyInAnyOrder(
        "[4.2] Chính sách hỗ trợ học phí — Lấy ý kiến Sở Tài chính",
        "[4.2] Chính sách hỗ trợ học phí — Lấy ý kiến Sở Tư pháp");
  }
}
