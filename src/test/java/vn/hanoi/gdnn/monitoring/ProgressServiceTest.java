package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/** Health of real process instances read by {@link ProgressService} with its bulk queries. */
@IntegrationTest
class ProgressServiceTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  WorkingDayCalendar workingDays;
  @Autowired
  HealthRules rules;

  ProgressService service;
  String run = "P" + System.nanoTime() % 100000 + "-";

  @BeforeEach
  void setUp() {
    MonitoringFixture.deploy(engine);
    MonitoringFixture.identities(engine);
    service = new ProgressService(engine, rules, MonitoringProperties.defaults()
        .withClosingProcessKeys(List.of("monitoringTestClosing")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachDeliverableGetsItsHealthAndItsCurrentStep() {
    Instant now = Instant.now();
    Date far = Date.from(workingDays.plusWorkingDays(now, 40));
    Date near = Date.from(workingDays.plusWorkingDays(now, 2));
    Date past = Date.from(workingDays.minusWorkingDays(now, 3));
    String onTrack = start("1", far).getId();
    String atRisk = start("2", near).getId();
    String overdue = start("3", past).getId();
    String incident = start("4", far).getId();
    engine.getRuntimeService().createIncident("custom", incident, "kiểm thử");
    String closing = start("5", near).getId();
    complete(closing, "Soạn dự thảo văn bản");
    complete(closing, "Lãnh đạo ký duyệt dự thảo");
    String done = start("6", far).getId();
    complete(done, "Soạn dự thảo văn bản");
    complete(done, "Lãnh đạo ký duyệt dự thảo");
    complete(done, "Vào sổ, phát hành văn bản");

    Map<String, DeliverableProgress> byId = ours();
    assertThat(byId.get(onTrack).health()).isEqualTo(Health.ON_TRACK);
    assertThat(byId.get(onTrack).currentSteps()).containsExactly("Soạn dự thảo văn bản");
    assertThat(byId.get(onTrack).leadUnitName()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(byId.get(onTrack).coUnitNames()).containsExactly("Sở Tài chính", "Sở Nội vụ");
    assertThat(byId.get(atRisk).health()).isEqualTo(Health.AT_RISK);
    assertThat(byId.get(overdue).health()).isEqualTo(Health.OVERDUE);
    assertThat(byId.get(incident).health()).isEqualTo(Health.STUCK);
    assertThat(byId.get(closing).health()).as("deadline near but issuing").isEqualTo(Health.ON_TRACK);
    assertThat(byId.get(closing).currentSteps()).containsExactly("Vào sổ, phát hành văn bản");
    assertThat(byId.get(done).health()).isEqualTo(Health.COMPLETED);
    assertThat(byId.get(done).running()).isFalse();
  }

  @Test
  void aDeliverableIsStuckWhenNothingIsCompletedForTenWorkingDaysOrAJobRunsOutOfRetries() {
    Date far = Date.from(workingDays.plusWorkingDays(Instant.now(), 60));
    String idle = start("7", far).getId();
    String moving = start("8", far).getId();
    String timer = engine.getRuntimeService().startProcessInstanceByKey("monitoringTestTimer", run + "9",
        Variables.createVariables().putValue("deliverableCode", run + "9").putValue("area", "1. Truyền thông")
            .putValue("leadUnit", "so-gddt").putValue("deadline", far)).getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(timer).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 0);

    ClockUtil.setCurrentTime(Date.from(workingDays.plusWorkingDays(Instant.now(), 9)));
    complete(moving, "Soạn dự thảo văn bản");
    ClockUtil.setCurrentTime(Date.from(workingDays.plusWorkingDays(Instant.now(), 11)));

    Map<String, DeliverableProgress> byId = ours();
    assertThat(byId.get(idle).health()).isEqualTo(Health.STUCK);
    assertThat(byId.get(idle).notes()).anyMatch(n -> n.contains("Không có bước nào hoàn thành"));
    assertThat(byId.get(moving).health()).isEqualTo(Health.ON_TRACK);
    assertThat(byId.get(timer).health()).isEqualTo(Health.STUCK);
  }

  @Test
  void theSummaryCountsByAreaAndByLeadUnitAndTheUnitFilterKeepsItsOwn() {
    Date far = Date.from(workingDays.plusWorkingDays(Instant.now(), 40));
    start("10", far);
    MonitoringFixture.start(engine, run + "11", "Nhiệm vụ Sở Tài chính", "98", "Tự chủ tài chính", "so-tc", far,
        far);
    List<DeliverableProgress> all = service.deliverables(Optional.empty());
    ProgressSummary summary = service.summary(all);
    assertThat(summary.byArea()).extracting(ProgressSummary.Group::key).contains("98");
    assertThat(summary.byArea()).filteredOn(g -> "98".equals(g.key())).extracting(ProgressSummary.Group::name)
        .containsExactly("Tự chủ tài chính");
    assertThat(summary.byLeadUnit()).extracting(ProgressSummary.Group::key).contains("so-gddt", "so-tc");

    List<DeliverableProgress> finance = service.deliverables(Optional.of("so-tc"));
    assertThat(finance).isNotEmpty()
        .allMatch(d -> "so-tc".equals(d.leadUnit()) || d.coUnits().contains("so-tc"));
    assertThat(finance).extracting(DeliverableProgress::code).contains(run + "11");
    assertThat(service.unitName("so-tc")).contains("Sở Tài chính");
    assertThat(service.unitName("khong-co")).isEmpty();
  }

  @Test
  void aProcedureStartedOnItsOwnForOtherWorkIsNotADeliverableOfThePlan() {
    Date far = Date.from(workingDays.plusWorkingDays(Instant.now(), 40));
    String planned = start("12", far).getId();
    // the city's other work: the same lifecycle with a deliverable code, but in no content area of the plan
    String other = engine.getRuntimeService().startProcessInstanceByKey("monitoringTestLifecycle", run + "13",
        Variables.createVariables().putValue("deliverableCode", run + "13").putValue("deliverableTitle", "Việc khác")
            .putValue("leadUnit", MonitoringFixture.UNIT).putValue("deadline", far).putValue("taskDue", far))
        .getId();

    assertThat(ours()).containsKey(planned).doesNotContainKey(other);
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance start(String code, Date deadline) {
    return MonitoringFixture.start(engine, run + code, "Nhiệm vụ " + code, "91", "Truyền thông",
        MonitoringFixture.UNIT, deadline, deadline);
  }

  private void complete(String rootId, String taskName) {
    TaskService tasks = engine.getTaskService();
    String businessKey = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(rootId)
        .singleResult().getBusinessKey();
    var task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskNameLike("%" + taskName).singleResult();
    tasks.complete(task.getId());
  }

  private Map<String, DeliverableProgress> ours() {
    return service.deliverables(Optional.empty()).stream().filter(d -> d.code().startsWith(run))
        .collect(java.util.stream.Collectors.toMap(DeliverableProgress::processInstanceId, d -> d));
  }
}
