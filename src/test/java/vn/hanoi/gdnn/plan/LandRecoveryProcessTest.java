package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.complete;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.fireTimer;
import static vn.hanoi.gdnn.plan.LifecycleTestSupport.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * Every path of the land recovery procedure as the Land Law 2024 and Decree 151/2025 run it since 1/7/2025: the
 * commune chairman decides, the inventory runs during the notice, the plan is posted and discussed, payment is
 * due 30 days after approval, and an enforcement is only ever scheduled at an allowed time.
 */
@Deployment(resources = "processes/land-recovery.bpmn")
class LandRecoveryProcessTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final long DAY = 86_400_000L;

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private ProcessEngine engine;

  @BeforeAll
  static void beans() {
    LifecycleTestSupport.registerBeans();
  }

  @BeforeEach
  void engine() {
    engine = extension.getProcessEngine();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
  }

  private ProcessInstance recover(String key, String landType, String commune) {
    Map<String, Object> v = new HashMap<>();
    v.put("deliverableCode", "5.3");
    v.put("deliverableTitle", "Giao đất cho trường cao đẳng công lập");
    v.put("leadUnit", "so-nnmt");
    v.put("landType", landType);
    v.put("landCommune", commune);
    return engine.getRuntimeService().startProcessInstanceByKey("landRecovery", key, v);
  }

  private Date timerDue(ProcessInstance p, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(p.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    return job.getDuedate();
  }

  private void notify(String key) {
    assertThat(task(engine, key, "Task_NotifyRecovery")).hasCandidateGroup("xa-soc-son-lanh-dao");
    complete(engine, key, "Task_NotifyRecovery", "noticeNumber", "12/TB-UBND ngày 05/01/2027",
        "workSummary", "Đã họp dân, gửi thông báo đến từng hộ và niêm yết tại trụ sở UBND xã.");
  }

  private void planPostedAndDiscussed(String key, boolean objections) {
    complete(engine, key, "Task_DraftPlan", "workSummary", "Dự thảo phương án bồi thường cho 14 hộ.");
    complete(engine, key, "Task_PostPlan", "workSummary", "Niêm yết tại trụ sở UBND xã và nhà văn hóa thôn.");
    fireTimer(engine, key, "Event_PostingOver");
    complete(engine, key, "Task_PlanMeeting", "workSummary", "Họp với 14 hộ, 12 hộ đồng ý.",
        "objectionsRemain", objections);
  }

  private void approveAndDecide(String key) {
    assertThat(task(engine, key, "Task_ApprovePlan")).hasCandidateGroup("xa-soc-son-lanh-dao");
    complete(engine, key, "Task_ApprovePlan", "decisionNumber", "31/QĐ-UBND ngày 20/3/2027",
        "workSummary", "Phê duyệt phương án bồi thường 14 hộ.");
    assertThat(task(engine, key, "Task_RecoveryDecision")).hasCandidateGroup("xa-soc-son-lanh-dao");
    complete(engine, key, "Task_RecoveryDecision", "recoveryDecisionNumber", "32/QĐ-UBND",
        "workSummary", "Thu hồi 2,5 ha đất nông nghiệp.");
  }

  @Test
  void theInventoryRunsDuringTheNinetyDayNoticeAndTheDecisionWaitsForItsEnd() {
    ProcessInstance p = recover("LR-1", "agricultural", "xa-soc-son");
    Date noticeGiven = new Date();
    notify("LR-1");
    Date noticeOver = timerDue(p, "Event_NoticePeriodOver");
    assertThat(noticeOver).isBetween(new Date(noticeGiven.getTime() + 89 * DAY), new Date(noticeGiven.getTime() + 91 * DAY));
    // the survey and inventory are open at once, by the commune's staff, while the notice runs
    assertThat(task(engine, "LR-1", "Task_Inventory")).hasCandidateGroup("xa-soc-son");
    complete(engine, "LR-1", "Task_Inventory", "workSummary", "Kiểm đếm xong 14 thửa đất.", "inventoryAgreed", true);
    planPostedAndDiscussed("LR-1", false);
    assertThat(p).hasNotPassed("Task_Dialogue");
    complete(engine, "LR-1", "Task_AppraisePlan", "workSummary", "Phòng Kinh tế xã thẩm định: đạt.");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).count())
        .as("no approval before the notice period is over").isZero();
    fireTimer(engine, "LR-1", "Event_NoticePeriodOver");
    approveAndDecide("LR-1");

    Date due = task(engine, "LR-1", "Task_Payment").getDueDate();
    LocalDate approvedOn = ((Date) engine.getRuntimeService().getVariable(p.getId(), "planApprovedAt")).toInstant()
        .atZone(HANOI).toLocalDate();
    assertThat(due).as("payment within 30 days of the plan's approval")
        .isEqualTo(Date.from(approvedOn.plusDays(30).atTime(LocalTime.of(23, 59)).atZone(HANOI).toInstant()));
    complete(engine, "LR-1", "Task_Payment", "workSummary", "Đã chi trả cho 14 hộ.");
    complete(engine, "LR-1", "Task_TakeOverLand", "workSummary", "Các hộ đã bàn giao toàn bộ 2,5 ha.",
        "landHandedOver", true);
    assertThat(p).isEnded().hasPassed("Event_LandRecovered").hasNotPassed("Task_EnforcementDecision");
    assertThat(p).variables().containsEntry("noticeNumber", "12/TB-UBND ngày 05/01/2027")
        .containsEntry("planApprovalNumber", "31/QĐ-UBND ngày 20/3/2027").containsEntry("recoveryDecisionNumber", "32/QĐ-UBND");
  }

  @Test
  void otherLandRefusalsGoThroughPersuasionCompulsoryInventoryDialogueAndEnforcement() {
    ProcessInstance p = recover("LR-2", "other", "xa-soc-son");
    Date noticeGiven = new Date();
    notify("LR-2");
    assertThat(timerDue(p, "Event_NoticePeriodOver")).isAfter(new Date(noticeGiven.getTime() + 179 * DAY));
    complete(engine, "LR-2", "Task_Inventory", "workSummary", "Hai hộ không chấp hành kiểm đếm.",
        "inventoryAgreed", false);
    assertThat(timerDue(p, "Event_PersuasionOver")).as("15 days of persuasion")
        .isBetween(new Date(System.currentTimeMillis() + 14 * DAY), new Date(System.currentTimeMillis() + 16 * DAY));
    fireTimer(engine, "LR-2", "Event_PersuasionOver");
    assertThat(task(engine, "LR-2", "Task_CompulsoryInventoryDecision")).hasCandidateGroup("xa-soc-son-lanh-dao");
    complete(engine, "LR-2", "Task_CompulsoryInventoryDecision", "decisionNumber", "20/QĐ-UBND",
        "workSummary", "Kiểm đếm bắt buộc đối với 2 hộ.");
    complete(engine, "LR-2", "Task_CompulsoryInventory", "workSummary", "Đã kiểm đếm bắt buộc theo quyết định.");
    planPostedAndDiscussed("LR-2", true);
    assertThat(task(engine, "LR-2", "Task_Dialogue")).hasCandidateGroup("xa-soc-son");
    complete(engine, "LR-2", "Task_Dialogue", "workSummary", "Đối thoại với 2 hộ, tiếp thu một ý kiến.");
    complete(engine, "LR-2", "Task_AppraisePlan", "workSummary", "Phòng Kinh tế xã thẩm định: đạt.");
    fireTimer(engine, "LR-2", "Event_NoticePeriodOver");
    approveAndDecide("LR-2");
    complete(engine, "LR-2", "Task_Payment", "workSummary", "Đã chi trả, 1 hộ không nhận tiền.");
    complete(engine, "LR-2", "Task_TakeOverLand", "workSummary", "Một hộ không bàn giao đất.", "landHandedOver", false);
    fireTimer(engine, "LR-2", "Event_HandoverPersuasionOver");
    assertThat(task(engine, "LR-2", "Task_EnforcementDecision")).hasCandidateGroup("xa-soc-son-lanh-dao");
    complete(engine, "LR-2", "Task_EnforcementDecision", "decisionNumber", "40/QĐ-UBND",
        "workSummary", "Cưỡng chế thu hồi đất đối với 1 hộ.");

    String plan = task(engine, "LR-2", "Task_PlanEnforcement").getId();
    Map<String, String> refused = Map.of(
        "2027-04-14T23:00", "ban đêm",
        "2027-02-01T09:00", "Tết Nguyên đán",
        "2027-04-30T09:00", "ngày nghỉ, ngày lễ",
        "2026-01-05T09:00", "không được trước thời điểm hiện tại",
        "sáng mai", "ngày giờ hợp lệ");
    refused.forEach((at, why) -> assertThatThrownBy(() -> engine.getTaskService().complete(plan,
        Map.of("enforcementAt", at, "workSummary", "Lực lượng 30 người, phương án an toàn.")))
        .as(at).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("enforcementAt")
        .hasMessageContaining(why));
    engine.getTaskService().complete(plan, Map.of("enforcementAt", "2027-04-14T08:00",
        "workSummary", "Lực lượng 30 người, phương án an toàn."));
    assertThat(engine.getRuntimeService().getVariable(p.getId(), "enforcementAt")).isEqualTo("08:00 14/04/2027");
    complete(engine, "LR-2", "Task_RecordEnforcement", "workSummary", "Đã cưỡng chế, lập biên bản.");
    assertThat(p).isEnded().hasPassed("Event_LandRecoveredByEnforcement", "Task_Dialogue", "Task_CompulsoryInventory")
        .hasNotPassed("Event_LandRecovered");
    assertThat(p).variables().containsEntry("enforcementDecisionNumber", "40/QĐ-UBND")
        .containsEntry("compulsoryInventoryDecisionNumber", "20/QĐ-UBND");
  }

  @Test
  void aNoticeWithoutItsNumberIsRefusedAndStaysOpen() {
    recover("LR-3", "agricultural", "xa-soc-son");
    String id = task(engine, "LR-3", "Task_NotifyRecovery").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("workSummary", "Đã gửi thông báo.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("noticeNumber");
    assertThat(task(engine, "LR-3", "Task_NotifyRecovery").getId()).isEqualTo(id);
  }

  @Test
  void theCommunesPeriodsComeFromConfigurationUnlessTheCallerSetsThem() {
    ProcessInstance p = recover("LR-4", "agricultural", "xa-soc-son");
    assertThat(p).variables().containsEntry("landPaymentDays", 30).containsEntry("landPlanPostingDays", 30)
        .containsEntry("landNoticeAgriculturalDays", 90).containsEntry("landNoticeOtherDays", 180);
    Map<String, Object> v = new HashMap<>(Map.of("deliverableCode", "5.3", "deliverableTitle", "Giao đất",
        "leadUnit", "so-nnmt", "landType", "agricultural", "landCommune", "xa-soc-son",
        "landNoticeAgriculturalDays", 120));
    ProcessInstance longer = engine.getRuntimeService().startProcessInstanceByKey("landRecovery", "LR-5", v);
    Date noticeGiven = new Date();
    notify("LR-5");
    assertThat(timerDue(longer, "Event_NoticePeriodOver")).isAfter(new Date(noticeGiven.getTime() + 119 * DAY));
  }
}
