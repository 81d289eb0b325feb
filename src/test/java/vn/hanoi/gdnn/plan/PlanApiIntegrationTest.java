package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.IntegrationTest;

/**
 * The plan in the running application (shared H2 context): launching is idempotent, the read API shows every
 * deliverable with its state and holder, amendments are for plan managers only and change nothing on bad input.
 */
@IntegrationTest
class PlanApiIntegrationTest {

  static final int OCCURRENCES = 43; // 15 one-off deliverables + 1.1, 1.2, 2.3 (6 years) + 1.3, 2.2 (5 years)
  static final String MANAGER = "plan-manager-it";
  static final String STAFF = "so-gddt-staff-it";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PlanLauncher launcher;
  @Autowired
  PlanStore store;
  @Autowired
  org.springframework.context.ApplicationContext context;

  @BeforeEach
  void usersAndPlan() {
    user(MANAGER, "quan-ly-ke-hoach");
    user(STAFF, "so-gddt");
    launcher.synchronise();
  }

  private void user(String id, String group) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName("Thử");
      u.setLastName("Nghiệm");
      u.setPassword("matkhau-" + id);
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "matkhau-" + user);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<List<Map>> list(String user, String query) {
    return as(user).exchange("/api/plan/deliverables" + query, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map>>() { });
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
    return as(user).exchange("/api/plan/deliverables" + path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
  }

  private long instances(String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKeyNotIn(List.of("consultation", "legalAppraisal", "ubndApproval",
            "hdndResolution", "issuance", "centralDecision", "landRecovery", "investmentMilestone")).count();
  }

  // ---- launch ---------------------------------------------------------------------------------------------

  @Test
  void everyOccurrenceHasExactlyOneInstanceWhateverTheNumberOfLaunches() throws Exception {
    PlanLauncher.Result again = launcher.synchronise();
    CompletableFuture<PlanLauncher.Result> nodeA = CompletableFuture.supplyAsync(launcher::synchronise);
    CompletableFuture<PlanLauncher.Result> nodeB = CompletableFuture.supplyAsync(launcher::synchronise);
    launcher.launchOnStart(); // a restart's launch, whatever gdnn.plan.launch-on-start says in tests

    assertThat(again.launched()).isEmpty();
    assertThat(nodeA.get().launched()).isEmpty();
    assertThat(nodeB.get().launched()).isEmpty();
    assertThat(store.launches()).hasSizeGreaterThanOrEqualTo(OCCURRENCES);
    for (String key : List.of("4.2", "1.1-2025", "1.1-2030", "1.3-2026", "8.3")) {
      assertThat(instances(key)).as("instances of %s", key).isEqualTo(1);
    }
    assertThat(instances("1.3-2025")).as("1.3 starts in 2026").isZero();
    Map<String, Object> vars = engine.getRuntimeService().getVariables(store.launches("4.2").get(0)
        .processInstanceId());
    assertThat(vars).containsEntry("deliverableCode", "4.2").containsEntry("leadUnit", "so-gddt")
        .containsEntry("product", "Nghị quyết HĐND").containsKeys("deadline", "area", "signer", "coUnits");
    assertThat(Dates.format((Date) vars.get("deadline"))).isEqualTo("31/12/2025");
    assertThat(engine.getRuntimeService().getVariable(store.launches("4.1").get(0).processInstanceId(),
        "consultationDays")).as("the catalogue's period override").isEqualTo(10);
  }

  // ---- read API -------------------------------------------------------------------------------------------

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void anyAuthenticatedUserReadsTheDeliverablesWithStateAndHolder() {
    ResponseEntity<List<Map>> all = list(STAFF, "");
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(all.getBody()).hasSizeGreaterThanOrEqualTo(OCCURRENCES);

    Map row = all.getBody().stream().filter(r -> "4.2".equals(r.get("code"))).findFirst().orElseThrow();
    assertThat(row.get("title")).isEqualTo("Chính sách hỗ trợ học phí học nghề trình độ trung cấp, cao đẳng");
    assertThat(row.get("deadline")).isEqualTo("31/12/2025");
    assertThat((Map) row.get("lead")).containsEntry("code", "so-gddt").containsEntry("name", "Sở Giáo dục và Đào tạo");
    assertThat(row.get("processInstanceId")).isNotNull();
    List<Map> steps = (List<Map>) row.get("currentSteps");
    assertThat(steps).isNotEmpty();
    assertThat(steps.get(0).get("task")).isEqualTo("Xây dựng dự thảo Nghị quyết");
    assertThat((List<String>) steps.get(0).get("candidateGroups")).contains("so-gddt");

    Map future = all.getBody().stream().filter(r -> "1.1-2030".equals(r.get("code"))).findFirst().orElseThrow();
    assertThat((Map) future.get("status")).containsEntry("code", "not_started").containsEntry("label", "Chưa triển khai");

    assertThat(list(STAFF, "?area=4").getBody()).extracting(r -> r.get("deliverableCode"))
        .containsOnly("4.1", "4.2", "4.3");
    assertThat(list(STAFF, "?unit=so-nnmt").getBody()).extracting(r -> r.get("deliverableCode"))
        .contains("5.1", "5.2", "5.3").doesNotContain("4.2");
    assertThat(list(STAFF, "?status=not_started").getBody()).extracting(r -> r.get("code")).contains("1.1-2030")
        .doesNotContain("4.2");
    assertThat(list(STAFF, "?overdue=true").getBody()).allSatisfy(r ->
        assertThat((Map) r.get("status")).containsEntry("code", "overdue"));

    ResponseEntity<Map> badStatus = as(STAFF).getForEntity("/api/plan/deliverables?status=xong", Map.class);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getBody()).containsEntry("field", "status");
    assertThat(rest.getForEntity("/api/plan/deliverables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aDeliverablesDetailShowsItsStepsAndNotFoundIsSaid() {
    ResponseEntity<Map> detail = as(STAFF).getForEntity("/api/plan/deliverables/2.1", Map.class);
    assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(detail.getBody()).containsEntry("product", "Nghị quyết HĐND").containsEntry("lifecycle",
        "lifecycleHdndPolicy");
    assertThat((List<Map>) detail.getBody().get("history")).extracting(h -> h.get("step"))
        .contains("Nhiệm vụ được giao", "Xây dựng dự thảo Nghị quyết");
    assertThat((List<Map>) detail.getBody().get("occurrences")).hasSize(1);

    ResponseEntity<Map> missing = as(STAFF).getForEntity("/api/plan/deliverables/9.9", Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("message").toString()).contains("9.9");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aProposalAwaitingTheMinistryIsWaitingExternalAndAPassedDeadlineIsOverdue() {
    for (int i = 0; i < 30 && engine.getTaskService().createTaskQuery().processInstanceBusinessKey("7.1")
        .taskDefinitionKey("Task_AwaitMinistryResult").count() == 0; i++) {
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey("7.1").list()) {
        PlanPostgresTest.completeAsHolder(context, engine, task);
      }
      AsyncSteps.run(engine, "7.1"); // procedure calls, the job executor's work
    }
    Map row = list(STAFF, "?area=7").getBody().stream().filter(r -> "7.1".equals(r.get("code"))).findFirst()
        .orElseThrow();
    assertThat((Map) row.get("status")).containsEntry("code", "waiting_external");
    assertThat(((List<Map>) row.get("currentSteps")).get(0).get("task"))
        .isEqualTo("Ghi nhận kết quả của Bộ Giáo dục và Đào tạo");

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Dates.endOfDay(java.time.LocalDate.of(2027, 1, 2)));
    try {
      assertThat(list(STAFF, "?overdue=true").getBody()).extracting(r -> r.get("code")).contains("7.1", "4.2")
          .doesNotContain("7.3", "1.1-2030");
      // 7.3 and 4.3 build on 7.1 (catalogue "after"): its lateness puts them at risk, in any unit's list too
      Map dependent = list(STAFF, "?area=7").getBody().stream().filter(r -> "7.3".equals(r.get("code")))
          .findFirst().orElseThrow();
      assertThat((List<String>) dependent.get("after")).containsExactly("7.1");
      assertThat((List<String>) dependent.get("latePrerequisites")).containsExactly("7.1");
      Map policy = list(STAFF, "?area=4").getBody().stream().filter(r -> "4.3".equals(r.get("code")))
          .findFirst().orElseThrow();
      assertThat((List<String>) policy.get("latePrerequisites")).contains("7.1");
      Map land = list(STAFF, "?area=5").getBody().stream().filter(r -> "5.3".equals(r.get("code")))
          .findFirst().orElseThrow();
      assertThat((List<String>) land.get("after")).containsExactly("5.1");
      ResponseEntity<Map> detail = as(STAFF).getForEntity("/api/plan/deliverables/7.1", Map.class);
      assertThat((List<Map>) detail.getBody().get("history")).extracting(h -> h.get("step"))
          .contains("Lấy ý kiến các cơ quan, đơn vị", "Ký tờ trình", "Gửi hồ sơ đề nghị Bộ Giáo dục và Đào tạo");
      assertThat((List<Map>) detail.getBody().get("signOffs")).extracting(h -> h.get("name"))
          .contains("approvalOutcome");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aDraftSubmittedThroughTasklistWithoutItsReferenceIsRefusedWith400AndTheTaskStaysOpen() {
    Task draft = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("4.1")
        .taskDefinitionKey("Task_Draft").singleResult();
    ResponseEntity<Map> form = as(STAFF).getForEntity("/engine-rest/task/" + draft.getId() + "/form", Map.class);
    assertThat(((Map) form.getBody().get("camundaFormRef")).get("key")).isEqualTo("plan-draft");

    ResponseEntity<Map> refused = as(STAFF).postForEntity("/engine-rest/task/" + draft.getId() + "/submit-form",
        Map.of("variables", Map.of("draftReference", Map.of("value", " "))), Map.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("draftReference");
    assertThat(engine.getTaskService().createTaskQuery().taskId(draft.getId()).count()).isEqualTo(1);

    vn.hanoi.gdnn.document.TestDocuments.attachRequired(context, draft, STAFF);
    ResponseEntity<Void> accepted = as(STAFF).postForEntity("/engine-rest/task/" + draft.getId() + "/submit-form",
        Map.of("variables", Map.of("draftReference", Map.of("value", "Dự thảo Quyết định định mức, giá dịch vụ"))),
        Void.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getManagementService().createJobQuery().activityId("Call_DraftSignOff")
        .processInstanceId(draft.getProcessInstanceId()).count())
        .as("the leader's sign-off of the draft starts behind a job, before any consultation").isOne();
    AsyncSteps.run(engine, "4.1");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("4.1")
        .taskDefinitionKey("Task_SignDraft").taskCandidateGroup("so-gddt-lanh-dao").count()).isEqualTo(1);
  }

  // ---- amendments -----------------------------------------------------------------------------------------

  @Test
  void onlyPlanManagersAmendThePlan() {
    ResponseEntity<Map> refused = post(STAFF, "/7.2/cancel", Map.of("reason", "Không còn cần thiết thực hiện."));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("message").toString()).contains("quản lý kế hoạch");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(store.launches("7.2").get(0).processInstanceId()).count()).isEqualTo(1);
    assertThat(store.amendments("7.2")).isEmpty();
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void reassigningTheLeadMovesItsOpenTasksAndIsRecorded() {
    String instance = store.launches("8.1").get(0).processInstanceId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId("Event_WaitForPeriod").list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    Task draft = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("8.1")
        .taskDefinitionKey("Task_Draft").singleResult();
    engine.getTaskService().setAssignee(draft.getId(), STAFF);

    ResponseEntity<Map> done = post(MANAGER, "/8.1/lead", Map.of("leadUnit", "so-khcn",
        "reason", "Sở Khoa học và Công nghệ quản lý tiêu chuẩn thiết bị chuyên dùng."));

    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.getTaskService().getIdentityLinksForTask(draft.getId())).extracting(IdentityLink::getGroupId)
        .contains("so-khcn").doesNotContain("so-gddt");
    assertThat(engine.getTaskService().createTaskQuery().taskId(draft.getId()).singleResult().getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(instance, "leadUnit")).isEqualTo("so-khcn");
    assertThat((Map) done.getBody().get("lead")).containsEntry("code", "so-khcn");
    List<Map> amendments = (List<Map>) done.getBody().get("amendments");
    assertThat(amendments).anySatisfy(a -> {
      assertThat(a.get("kind")).isEqualTo("reassign");
      assertThat(a.get("author")).isEqualTo(MANAGER);
      assertThat(a.get("reason").toString()).contains("thiết bị chuyên dùng");
    });
    assertThat(list(STAFF, "?unit=so-khcn").getBody()).extracting(r -> r.get("deliverableCode")).contains("8.1");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void extendingADeadlineMovesItsTimerAndBadInputChangesNothing() {
    String instance = store.launches("4.3").get(0).processInstanceId();
    int amendmentsBefore = store.amendments("4.3").size();
    Object deadlineBefore = engine.getRuntimeService().getVariable(instance, "deadline");

    for (Map<String, Object> bad : List.of(
        Map.<String, Object>of("deadline", "31/02/2027", "reason", "Chờ kết quả nhiệm vụ 7.1 và 7.2."),
        Map.<String, Object>of("deadline", "30/06/2026", "reason", "Chờ kết quả nhiệm vụ 7.1 và 7.2."),
        Map.<String, Object>of("deadline", "30/06/2027", "reason", "ngắn"))) {
      ResponseEntity<Map> refused = post(MANAGER, "/4.3/deadline", bad);
      assertThat(refused.getStatusCode()).as("%s", bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("field")).isIn("deadline", "reason");
    }
    assertThat(engine.getRuntimeService().getVariable(instance, "deadline")).isEqualTo(deadlineBefore);
    assertThat(store.amendments("4.3")).hasSize(amendmentsBefore);

    ResponseEntity<Map> done = post(MANAGER, "/4.3/deadline", Map.of("deadline", "30/06/2027",
        "reason", "Chờ kết quả nhiệm vụ 7.1 về trường chất lượng cao."));

    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(DeliverableProcesses.DEADLINE_TIMER).singleResult();
    assertThat(Dates.format(timer.getDuedate())).isEqualTo("30/06/2027");
    assertThat(((List<Map>) done.getBody().get("occurrences")).get(0).get("deadline")).isEqualTo("30/06/2027");
    assertThat((List<Map>) done.getBody().get("amendments")).anySatisfy(a ->
        assertThat(a.get("detail").toString()).contains("31/12/2026", "30/06/2027"));

    ResponseEntity<Map> yearless = post(MANAGER, "/1.2/deadline", Map.of("deadline", "31/03/2027",
        "reason", "Dời hoạt động sang quý I năm sau."));
    assertThat(yearless.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(yearless.getBody()).containsEntry("field", "year");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void cancellingEndsTheLifecycleThroughItsCancellationEvent() {
    String instance = store.launches("7.3").get(0).processInstanceId();

    ResponseEntity<Map> done = post(MANAGER, "/7.3/cancel",
        Map.of("reason", "Gộp vào Đề án trung tâm vùng của Bộ Giáo dục và Đào tạo."));

    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("cancelled", true);
    Map occurrence = ((List<Map>) done.getBody().get("occurrences")).get(0);
    assertThat((Map) occurrence.get("status")).containsEntry("code", "cancelled").containsEntry("label", "Đã hủy");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("Event_Cancelled").count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("cancelReason").singleResult().getValue().toString()).contains("Gộp vào Đề án");

    ResponseEntity<Map> again = post(MANAGER, "/7.3/cancel", Map.of("reason", "Hủy lần thứ hai để kiểm tra."));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody()).containsEntry("field", "code");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aDeliverableAddedByAManagerIsLaunchedAndABadOneChangesNothing() {
    Map<String, Object> entry = new java.util.HashMap<>(Map.of("code", "3.2", "area", 3,
        "title", "Liên kết đào tạo với doanh nghiệp Nhật Bản", "product", "Đề án", "signer", "Chủ tịch UBND Thành phố",
        "lead", "cd-vnhq-hn", "coUnits", List.of("so-gddt", "so-tc"), "deadline", "2027-Q2",
        "lifecycle", "lifecycleJointVenture"));
    entry.put("note", "Bổ sung theo đề xuất của trường.");
    Map<String, Object> bad = new java.util.HashMap<>(entry);
    bad.put("code", "3.3");
    bad.put("lead", "truong-khong-co");

    ResponseEntity<Map> refused = post(MANAGER, "", Map.of("deliverable", bad, "reason", "Bổ sung nhiệm vụ liên kết."));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("field", "lead");
    assertThat(refused.getBody().get("message").toString()).contains("3.3", "truong-khong-co");
    assertThat(store.deliverable("3.3")).isEmpty();
    assertThat(instances("3.3")).isZero();

    if (store.deliverable("3.2").isEmpty()) {
      ResponseEntity<Map> added = post(MANAGER, "", Map.of("deliverable", entry,
          "reason", "Bổ sung theo Thông báo kết luận của UBND Thành phố."));
      assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      assertThat((List<Map>) added.getBody().get("amendments")).extracting(a -> a.get("kind")).containsExactly("add");
    }
    assertThat(instances("3.2")).isEqualTo(1);
    assertThat(list(STAFF, "?area=3").getBody()).extracting(r -> r.get("code")).contains("3.1", "3.2");

    ResponseEntity<Map> duplicate = post(MANAGER, "", Map.of("deliverable", entry, "reason", "Bổ sung lần hai."));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody()).containsEntry("field", "code");
    assertThat(instances("3.2")).isEqualTo(1);
  }
}
