package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * The reporting round: started by its timer (by default 01/6 and 01/12, from configuration), every unit the plan
 * addresses reports — lead and co-operating units, schools and centres, communes involved — and Sở GD&ĐT
 * consolidates.
 */
@Deployment(resources = "processes/periodic-report.bpmn")
class PeriodicReportProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  static final List<PlanReadModel.Row> ROWS = List.of(
      row("4.2", "so-gddt", "in_progress", "Đang thực hiện", "so-tc"),
      row("8.3", "so-gddt", "overdue", "Quá hạn"),
      row("5.1", "so-nnmt", "waiting_external", "Chờ kết quả của cơ quan khác"),
      row("6.1", "so-gddt", "done", "Hoàn thành"),
      row("1.1-2030", "so-gddt", "not_started", "Chưa triển khai"),
      row("3.1", "cd-cnc-hn", "cancelled", "Đã hủy"));

  static PlanReadModel.Row row(String code, String lead, String status, String label, String... coUnits) {
    return new PlanReadModel.Row(code, code, null, "Nhiệm vụ " + code, 1, "Nội dung", new PlanReadModel.Unit(lead, lead),
        java.util.Arrays.stream(coUnits).map(u -> new PlanReadModel.Unit(u, u)).toList(), "Quyết định", "UBND", "31/12/2026", new PlanReadModel.Status(status, label),
        List.of(new PlanReadModel.Step("t", "Xây dựng dự thảo", List.of(lead), null, null, null)), "pi-" + code,
        List.of(), List.of());
  }

  @BeforeAll
  static void beans() {
    LifecycleTestSupport.registerBeans();
    // the schools and centres the plan addresses as a whole, and a commune where land is being recovered
    ProcessTestEngine.registerBean("planReportRound", new PlanReportRound(() -> ROWS, new PlanProperties(),
        () -> List.of("cd-cnc-hn", "cd-fpt-polytechnic", "ttgdnn-ba-vi"), () -> java.util.Set.of("xa-soc-son")));
  }

  @org.junit.jupiter.api.BeforeEach
  void useThisEngineForAssertions() {
    // the Spring tests of the same JVM start engines of their own: assertions must use this one
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(extension.getProcessEngine());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessEngine engine() {
    return extension.getProcessEngine();
  }

  private Task task(ProcessInstance p, String key, String group) {
    List<Task> tasks = engine().getTaskService().createTaskQuery().processInstanceId(p.getId())
        .taskDefinitionKey(key).taskCandidateGroup(group).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void eachLeadUnitReportsItsOpenDeliverablesAndTheReportReachesUbndAfterOneReturn() {
    Job timer = engine().getManagementService().createJobQuery().processDefinitionKey("periodicReport").singleResult();
    assertThat(Dates.format(timer.getDuedate())).matches("01/(06|12)/\\d{4}");
    ClockUtil.setCurrentTime(timer.getDuedate());
    engine().getManagementService().executeJob(timer.getId());
    ProcessInstance p = engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey("periodicReport")
        .singleResult();

    assertThat(p).variables().containsEntry("reportingUnits", List.of("cd-cnc-hn", "cd-fpt-polytechnic", "so-gddt",
        "so-nnmt", "so-tc", "ttgdnn-ba-vi", "xa-soc-son"));
    Task gddt = task(p, "Task_UnitProgress", "so-gddt");
    String prefilled = (String) engine().getTaskService().getVariable(gddt.getId(), "unitDeliverables");
    assertThat(prefilled).contains("4.2", "Đang thực hiện", "8.3", "Quá hạn").doesNotContain("6.1", "1.1-2030", "3.1");
    assertThat((String) engine().getTaskService().getVariable(task(p, "Task_UnitProgress", "so-tc").getId(),
        "unitDeliverables")).as("a co-operating unit reports on what it co-operates in").contains("Phối hợp 4.2")
        .doesNotContain("8.3");
    assertThat((String) engine().getTaskService().getVariable(task(p, "Task_UnitProgress", "ttgdnn-ba-vi").getId(),
        "unitDeliverables")).contains("tình hình thực hiện Kế hoạch tại đơn vị");
    assertThat((String) engine().getTaskService().getVariable(task(p, "Task_UnitProgress", "xa-soc-son").getId(),
        "unitDeliverables")).contains("thu hồi đất");
    for (String unit : List.of("cd-cnc-hn", "cd-fpt-polytechnic", "so-tc", "ttgdnn-ba-vi", "xa-soc-son")) {
      engine().getTaskService().complete(task(p, "Task_UnitProgress", unit).getId(),
          Map.of("progressReport", "Đơn vị " + unit + " đã thực hiện đúng tiến độ."));
    }
    assertThat(gddt.getDueDate()).isNotNull();
    assertThatThrownBy(() -> engine().getTaskService().complete(gddt.getId(), Map.of("progressReport", "")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("progressReport");
    engine().getTaskService().complete(gddt.getId(), Map.of("progressReport", "Nhiệm vụ 8.3 chậm do vướng mặt bằng."));
    engine().getTaskService().complete(task(p, "Task_UnitProgress", "so-nnmt").getId(),
        Map.of("progressReport", "Đang chờ ý kiến các xã về quỹ đất."));

    Task consolidate = task(p, "Task_Consolidate", "so-gddt");
    assertThat((String) engine().getTaskService().getVariable(consolidate.getId(), "unitReportsText"))
        .contains("so-gddt: Nhiệm vụ 8.3 chậm", "so-nnmt: Đang chờ ý kiến", "xa-soc-son: Đơn vị xa-soc-son");
    engine().getTaskService().complete(consolidate.getId(), Map.of("workSummary", "Báo cáo tổng hợp lần 1 của 2 đơn vị."));
    engine().getTaskService().complete(task(p, "Task_SignReport", "so-gddt-lanh-dao").getId(),
        Map.of("leaderDecision", "return", "leaderReasons", "Bổ sung giải pháp cho nhiệm vụ quá hạn."));
    engine().getTaskService().complete(task(p, "Task_Consolidate", "so-gddt").getId(),
        Map.of("workSummary", "Báo cáo tổng hợp lần 2, bổ sung giải pháp."));
    engine().getTaskService().complete(task(p, "Task_SignReport", "so-gddt-lanh-dao").getId(),
        Map.of("leaderDecision", "approve"));
    engine().getTaskService().complete(task(p, "Task_ReceiveReport", "vp-ubnd").getId(),
        Map.of("workSummary", "Đã tiếp nhận, trình lãnh đạo UBND Thành phố."));

    assertThat(p).isEnded().hasPassed("Event_ReportSent");
  }

  @Test
  void theRoundsScheduleIsConfigurationNotALiteralOfTheModel() {
    PlanProperties monthly = new PlanProperties();
    monthly.setReportSchedule("0 0 8 15 * ?");
    ProcessTestEngine.registerBean("planReportRound", new PlanReportRound(() -> ROWS, monthly, List::of,
        java.util.Set::of));
    String deployment = engine().getRepositoryService().createDeployment()
        .addClasspathResource("processes/periodic-report.bpmn").enableDuplicateFiltering(false).deploy().getId();
    try {
      String newest = engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("periodicReport")
          .latestVersion().singleResult().getId();
      Job timer = engine().getManagementService().createJobQuery().processDefinitionId(newest).singleResult();
      assertThat(Dates.format(timer.getDuedate())).startsWith("15/");
    } finally {
      engine().getRepositoryService().deleteDeployment(deployment, true);
      beans();
    }
  }
}
