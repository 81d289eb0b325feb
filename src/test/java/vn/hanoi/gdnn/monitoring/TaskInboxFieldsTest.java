package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.plan.PlanLauncher;

/**
 * What a clerk reads in a Tasklist row of the real plan: task name, the filter columns (readable by staff who
 * have no right on the process instance) and the priority from urgency.
 */
@IntegrationTest
class TaskInboxFieldsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PlanLauncher launcher;
  @Autowired
  TasklistFilterSetup filters;
  @Autowired
  WorkingDayCalendar workingDays;

  @BeforeEach
  void plan() {
    launcher.synchronise();
    filters.synchronize();
  }

  @Test
  void leadUnitStaffSeeTheColumnsOfTheirTaskAndOtherUnitsDoNotSeeTheTask() throws Exception {
    Task draft = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2.1")
        .taskDefinitionKey("Task_Draft").singleResult();
    assertThat(draft.getName()).startsWith("[2.1] Xây dựng cơ chế, chính sách thu hút đội ngũ nhà giáo")
        .endsWith(" — Xây dựng dự thảo Nghị quyết");

    // staff have no READ on the lifecycle's process instance (by design) ...
    assertThat(as("so-gddt-cv").getForEntity("/engine-rest/process-instance/" + draft.getProcessInstanceId(),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // ... yet the unit's filter lists the task with its columns
    JsonNode list = listUnitTasks("so-gddt-cv", "2.1");
    assertThat(list.path("count").asInt()).isEqualTo(1);
    JsonNode task = list.path("_embedded").path("task").get(0);
    assertThat(task.path("name").asText()).startsWith("[2.1] ");
    Map<String, String> columns = new java.util.HashMap<>();
    for (JsonNode v : task.path("_embedded").path("variable")) {
      columns.put(v.path("name").asText(), v.path("value").asText());
    }
    assertThat(columns).containsEntry("inboxCode", "2.1")
        .containsEntry("inboxLeadUnit", "Sở Giáo dục và Đào tạo")
        .containsEntry("inboxDeadline", "31/12/2026");
    assertThat(columns.get("inboxTitle")).startsWith("Xây dựng cơ chế, chính sách thu hút đội ngũ nhà giáo");

    assertThat(listUnitTasks("so-nnmt-cv", "2.1").path("count").asInt()).isZero();
  }

  @Test
  void priorityComesFromHowCloseTheDeadlineAndTheDueDateAre() {
    MonitoringFixture.deploy(engine);
    Instant now = Instant.now();
    Date far = Date.from(workingDays.plusWorkingDays(now, 30));
    Date soon = Date.from(workingDays.plusWorkingDays(now, 3));
    Date tomorrowMorning = Date.from(workingDays.plusWorkingDays(now, 1).minusSeconds(3600));
    Date past = Date.from(now.minusSeconds(86400));
    assertThat(priorityOfFirstTask(far, far)).isEqualTo(TaskInboxFields.NORMAL);
    assertThat(priorityOfFirstTask(soon, far)).isEqualTo(TaskInboxFields.URGENT);
    assertThat(priorityOfFirstTask(far, tomorrowMorning)).isEqualTo(TaskInboxFields.URGENT);
    assertThat(priorityOfFirstTask(past, far)).isEqualTo(TaskInboxFields.OVERDUE);
  }

  private int priorityOfFirstTask(Date deadline, Date taskDue) {
    String code = "P" + System.nanoTime() % 1_000_000;
    String id = MonitoringFixture.start(engine, code, "Kiểm tra mức ưu tiên", "9", "Thử nghiệm",
        MonitoringFixture.UNIT, deadline, taskDue).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getPriority();
  }

  private JsonNode listUnitTasks(String user, String businessKey) throws Exception {
    Filter unitTasks = engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(f -> "unit-tasks".equals(f.getProperties().get(TasklistFilterSetup.KEY))).findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> answer = as(user).postForEntity("/engine-rest/filter/" + unitTasks.getId() + "/list",
        new HttpEntity<>("{\"processInstanceBusinessKey\":\"" + businessKey + "\"}", headers), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(answer.getBody());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, user);
  }
}
