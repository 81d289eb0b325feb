package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.SecondApplication;

/**
 * The whole plan on a real PostgreSQL: launched at start, launched again by restarts without a second instance,
 * a changed catalogue applied as amendments, and every deliverable driven to its end through its forms.
 */
public class PlanPostgresTest {

  private static final AtomicInteger ENGINES = new AtomicInteger();
  /** Timers a test may run ahead of time: waiting for a year, statutory notice, persuasion, public posting. */
  public static final Set<String> TIMERS_TO_RUN = Set.of("Event_WaitForPeriod", "Event_NoticePeriodOver",
      "Event_PersuasionOver", "Event_PostingPeriodEnded", "Event_PostingOver");

  private ConfigurableApplicationContext start(String jdbcUrl, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(Map.of("gdnn.plan.launch-on-start", "true"));
    settings.putAll(extra);
    return SecondApplication.onPostgres("plan" + ENGINES.incrementAndGet(), jdbcUrl, settings);
  }

  private static long lifecycleInstances(ProcessEngine engine, String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list().stream().filter(p -> p.getProcessDefinitionKey().startsWith("lifecycle")).count();
  }

  @Test
  void restartsLaunchNothingTwiceAndACatalogueChangeIsAppliedAsAmendments() throws IOException {
    String db = EmbeddedPostgres.newDatabase();
    int launched;
    try (ConfigurableApplicationContext first = start(db, Map.of())) {
      PlanStore store = first.getBean(PlanStore.class);
      launched = store.launches().size();
      assertThat(launched).isEqualTo(PlanApiIntegrationTest.OCCURRENCES);
    }
    Path changed = Files.createTempFile("catalogue", ".yaml");
    String yaml = CatalogueTest.shippedCatalogue()
        .replace("    lead: so-gddt\n    coUnits: [so-tc, so-khcn, so-tp]", "    lead: so-khcn\n    coUnits: [so-tc, so-gddt, so-tp]")
        // 4.3's deadline moves (its entry's other lines, decision route and prerequisites, stay as they are)
        .replaceFirst("(code: \"4\\.3\"(?:(?!\\n  - code)[\\s\\S])*?)deadline: 2026-Q4", "$1deadline: 2027-Q2");
    int from = yaml.indexOf("  - code: \"2.2\"");
    int to = yaml.indexOf("  - code: \"2.3\"");
    yaml = yaml.substring(0, from) + yaml.substring(to);
    Files.writeString(changed, yaml, StandardCharsets.UTF_8);

    try (ConfigurableApplicationContext second = start(db, Map.of())) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(second.getBean(PlanStore.class).launches()).hasSize(launched);
      assertThat(lifecycleInstances(engine, "4.2")).isEqualTo(1);
    }
    try (ConfigurableApplicationContext third = start(db, Map.of("gdnn.plan.catalogue", changed.toUri().toString()))) {
      ProcessEngine engine = third.getBean(ProcessEngine.class);
      PlanStore store = third.getBean(PlanStore.class);
      PlanReadModel read = third.getBean(PlanReadModel.class);
      assertThat(store.launches()).hasSize(launched);

      String plan81 = store.launches("8.1").get(0).processInstanceId();
      assertThat(engine.getRuntimeService().getVariable(plan81, "leadUnit")).isEqualTo("so-khcn");
      assertThat(store.amendments("8.1")).extracting(PlanStore.Amendment::kind, PlanStore.Amendment::author)
          .contains(org.assertj.core.groups.Tuple.tuple("reassign", PlanLauncher.CATALOGUE_AUTHOR));
      String plan43 = store.launches("4.3").get(0).processInstanceId();
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(plan43)
          .activityId(DeliverableProcesses.DEADLINE_TIMER).singleResult();
      assertThat(Dates.format(timer.getDuedate())).isEqualTo("30/06/2027");
      assertThat(read.list(2, null, null, null)).filteredOn(r -> r.deliverableCode().equals("2.2"))
          .hasSize(5).allSatisfy(r -> assertThat(r.status().code()).isEqualTo("cancelled"));
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("2.2-2026")
          .count()).isZero();
      assertThat(store.amendments("2.2")).extracting(PlanStore.Amendment::kind).containsExactly("cancel");
      assertThat(lifecycleInstances(engine, "4.2")).isEqualTo(1);
    }
  }

  @Test
  void everyDeliverableOfThePlanIsDrivenToItsEndThroughItsForms() {
    String db = EmbeddedPostgres.newDatabase();
    try (ConfigurableApplicationContext app = start(db, Map.of())) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      PlanStore store = app.getBean(PlanStore.class);
      PlanReadModel read = app.getBean(PlanReadModel.class);
      assertThat(store.launches()).hasSize(PlanApiIntegrationTest.OCCURRENCES);

      int completed = 0;
      for (int round = 0; round < 60; round++) {
        int before = completed;
        for (String activity : TIMERS_TO_RUN) {
          for (Job job : engine.getManagementService().createJobQuery().timers().activityId(activity).list()) {
            engine.getManagementService().executeJob(job.getId());
            completed++;
          }
        }
        for (Task task : engine.getTaskService().createTaskQuery().list()) {
          completeAsHolder(app, engine, task);
          completed++;
        }
        completed += AsyncSteps.run(engine, null); // procedure calls, the job executor's work
        if (completed == before) {
          break;
        }
      }

      List<PlanReadModel.Row> rows = read.list(null, null, null, null);
      assertThat(rows).hasSize(PlanApiIntegrationTest.OCCURRENCES);
      assertThat(rows).allSatisfy(r -> assertThat(r.status().code()).as("status of %s", r.code()).isEqualTo("done"));
      assertThat(read.detail("4.2").signOffs()).extracting(PlanReadModel.SignOff::name)
          .contains("approvalOutcome", "hdndOutcome", "resolutionNumber", "documentNumber");
      assertThat(read.detail("4.2").history()).extracting(PlanReadModel.HistoryEntry::step)
          .contains("Lấy ý kiến", "Thẩm định dự thảo", "Ký tờ trình", "Cập nhật kết quả kỳ họp HĐND", "Hoàn thành");
    }
  }

  /**
   * Completes a task as a member of its first candidate group would: signed in with that group only, so the
   * engine's authorizations (a candidate group may work on its task) are checked as in Tasklist. Public for the
   * other PostgreSQL tests that drive a deliverable (system.BackupRestorePostgresTest).
   */
  public static void completeAsHolder(org.springframework.beans.factory.BeanFactory app, ProcessEngine engine,
      Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).sorted().toList();
    assertThat(groups).as("candidate groups of %s", task.getTaskDefinitionKey()).isNotEmpty();
    vn.hanoi.gdnn.document.TestDocuments.attachRequired(app, task, "holder-of-" + groups.get(0));
    engine.getIdentityService().setAuthentication("holder-of-" + groups.get(0), List.of(groups.get(0)));
    try {
      engine.getTaskService().complete(task.getId(), formInput(engine, task));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** What the person holding the task fills in its form, as Tasklist submits it. */
  static Map<String, Object> formInput(ProcessEngine engine, Task task) {
    String yesterday = Dates.format(LocalDate.now(Dates.HANOI).minusDays(1));
    if ("Task_DraftScheme".equals(task.getTaskDefinitionKey())
        && "lifecycleSchoolReorganisation".equals(engine.getRepositoryService()
            .getProcessDefinition(task.getProcessDefinitionId()).getKey())) {
      return Map.of("draftReference", "Đề án sắp xếp mạng lưới số 01",
          "schemeCases", "tc-kt-kt-btl; Sáp nhập vào Trường Cao đẳng nghề Công nghiệp Hà Nội");
    }
    return switch (task.getTaskDefinitionKey()) {
      // land recovery (the commune) and 6.1's cases
      case "Task_NotifyRecovery" -> Map.of("noticeNumber", "12/TB-UBND", "workSummary", "Đã gửi thông báo đến từng hộ.");
      case "Task_CompulsoryInventoryDecision", "Task_ApprovePlan", "Task_EnforcementDecision" ->
          Map.of("decisionNumber", "31/QĐ-UBND", "workSummary", "Quyết định của Chủ tịch UBND xã.");
      case "Task_PlanMeeting" -> Map.of("workSummary", "Các hộ đồng ý với phương án.", "objectionsRemain", false);
      case "Task_TakeOverLand" -> Map.of("workSummary", "Đã nhận bàn giao toàn bộ khu đất.", "landHandedOver", true);
      case "Task_CaseDossier" -> Map.of("draftReference", "Hồ sơ sắp xếp trường số 01", "draftSummary", "Nội dung chính.");
      case "Task_InteriorAppraisal" -> Map.of("interiorOutcome", "pass", "interiorAppraisalNumber", "1533/SNV-TCBM");
      case "Task_ManagingBodyReview" -> Map.of("leaderDecision", "approve");
      case "Task_Draft", "Task_ReviewLandFund", "Task_PrepareDossier", "Task_DraftScheme", "Task_DraftRoadmap",
           "Task_ProposeProjects", "Task_PlanActivities" ->
          Map.of("draftReference", "Dự thảo số 01/" + task.getId(), "draftSummary", "Nội dung chính của dự thảo.");
      case "Task_SurveySite" -> Map.of("workSummary", "Khu đất 2,5 ha, có 14 hộ đang sử dụng.",
          "landRecoveryNeeded", true, "landType", "agricultural", "landCommune", "xa-soc-son");
      case "Task_Inventory" -> Map.of("workSummary", "Kiểm đếm xong 14 thửa đất.", "inventoryAgreed", true);
      case "Task_RecoveryDecision" -> Map.of("recoveryDecisionNumber", "45/QĐ-UBND",
          "workSummary", "Thu hồi 2,5 ha đất nông nghiệp.");
      case "Task_HandOver" -> Map.of("handoverRecordNumber", "BB-01/2027", "workSummary", "Bàn giao 2,5 ha tại thực địa.");
      case "Task_DraftProposal" -> Map.of("schoolType", "trung-cap", "draftReference", "Phương án sắp xếp số 2");
      case "Task_AppraisalCouncil" -> Map.of("councilOutcome", "pass");
      case "Task_AwaitMinistryResult" -> Map.of("ministryOutcome", "approved", "ministryDecisionNumber", "1234/QĐ-BGDĐT",
          "resultSummary", "Bộ Giáo dục và Đào tạo đồng ý đề xuất của Thành phố.");
      case "Task_FinanceOpinion" -> Map.of("financeOpinion", "agree", "financeOpinionText", "Sở Tài chính thống nhất.");
      case "Task_StandingCommittee" -> Map.of("standingCommitteeOutcome", "agree",
          "standingCommitteeText", "Thường trực HĐND thống nhất chủ trương.");
      case "Task_ApproveBudget", "Task_ManagingReview", "Task_ConfirmMilestone" -> Map.of("leaderDecision", "approve");
      case "Task_ReportResults" -> Map.of("resultSummary", "Đã tổ chức đầy đủ các hoạt động trong năm.");
      case "Task_FollowUpMinistry" -> Map.of("followUpNote", "Đã có văn bản đôn đốc Bộ.");
      // shared procedures
      case "Task_ConfirmConsultedUnits" -> {
        TypedValue units = engine.getTaskService().getVariableTyped(task.getId(), "consultedUnits", false);
        String json = units == null || units.getValue() == null ? "[\"so-tc\"]" : String.valueOf(
            units instanceof org.camunda.bpm.engine.variable.value.SerializableValue s && s.getValueSerialized() != null
                ? s.getValueSerialized() : units.getValue());
        yield Map.of("consultedUnits", SpinValues.jsonValue(json.equals("[]") ? "[\"so-tc\"]" : json).create(),
            "draftReference", "Dự thảo lấy ý kiến");
      }
      case "Task_GiveOpinion", "Task_ReviseOpinion" -> Map.of("opinion", "agree");
      case "Task_SignOpinion" -> Map.of("signOffDecision", "approve", "replyNumber", "12/STC-VP");
      case "Task_SignDraft" -> Map.of("signOffDecision", "approve");
      case "Task_AssessPolicyImpact" -> Map.of("impactAssessmentReference", "Báo cáo đánh giá tác động số 01",
          "impactSummary", "Tác động đến 12 trường và ngân sách Thành phố.");
      case "Task_PostDraft" -> Map.of("postingLink", "https://hanoi.gov.vn/du-thao", "postedOn", yesterday);
      case "Task_RecordPublicComments" -> Map.of();
      case "Task_SignAppraisal" -> Map.of("appraisalSignOff", "approve", "appraisalReportNumber", "111/BC-STP");
      case "Task_RecordCollectiveDecision" -> Map.of("voteForm", "session", "voteDate", yesterday,
          "memberCount", 15, "votesFor", 12, "votesAgainst", 2, "votesAbstain", 1, "voteRecordNumber", "45/BB-UBND");
      case "Task_SignResolution" -> Map.of("resolutionSignedOn", yesterday);
      case "Task_PublishInGazette" -> Map.of("gazettePublishedOn", yesterday,
          "gazetteLink", "https://congbao.hanoi.gov.vn/123");
      case "Task_PriceAppraisal" -> Map.of("priceAppraisalOpinion", "Phương án giá phù hợp định mức.",
          "priceAppraisalResult", "agree");
      case "Task_SignPriceAppraisal" -> Map.of("viewSignOff", "approve", "viewNumber", "2345/STC-QLG");
      case "Task_SignFinanceOpinion" -> Map.of("viewSignOff", "approve", "viewNumber", "2346/STC-QLCS");
      case "Task_SignDecision" -> Map.of("decisionSignedOn", yesterday);
      case "Task_ConsolidateOpinions" -> Map.of();
      case "Task_AppraiseDraft" -> Map.of("appraisalOpinion", "Dự thảo phù hợp với quy định pháp luật.",
          "appraisalResult", "pass");
      case "Task_SignSubmission" -> Map.of("signOffDecision", "approve");
      case "Task_CheckSubmission" -> Map.of("officeCheckResult", "accept");
      case "Task_DecideSubmission" -> Map.of("approvalDecision", "approve");
      case "Task_SubmitToHdnd" -> Map.of("hdndSubmissionNumber", "45/TTr-UBND", "hdndSubmissionDate", yesterday);
      case "Task_ReviewByCommittee" -> Map.of("committeeReview", "Ban Văn hóa – Xã hội đồng ý trình kỳ họp.");
      case "Task_RecordSessionOutcome" -> Map.of("hdndOutcome", "passed", "resolutionNumber", "15/2025/NQ-HĐND",
          "resolutionDate", yesterday, "sessionKind", "regular-year-end");
      // the number is the issuing body's (Decree 30/2020): the HĐND's office (or standing committee) records its
      // resolution
      case "Task_RecordIssuance" -> Map.of("documentNumber",
          List.of("hdnd-tt", "vp-hdnd").contains(engine.getTaskService().getVariable(task.getId(), "issuerGroup"))
              ? "15/2025/NQ-HĐND"
              // a normative decision's number carries its year (Decree 30/2020)
              : "yes".equals(engine.getTaskService().getVariable(task.getId(), "normativeDocument"))
                  ? "123/" + LocalDate.now(Dates.HANOI).getYear() + "/QĐ-UBND" : "123/QĐ-UBND", "issuedOn", yesterday,
          "signer", "Phó Chủ tịch UBND Thành phố", "documentLink", "vbpl/123-QD-UBND.pdf",
          "effectiveDate", Dates.format(LocalDate.now(Dates.HANOI).plusDays(10)), "shortenedProcedure", false);
      default -> Map.of("workSummary", "Đã hoàn thành công việc theo kế hoạch.");
    };
  }
}
