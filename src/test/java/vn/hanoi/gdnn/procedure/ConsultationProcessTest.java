package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/consultation.bpmn", "forms/consultation-units.form",
    "forms/consultation-opinion.form", "forms/consultation-consolidation.form",
    "forms/consultation-opinion-sign-off.form", "forms/draft-posting.form", "forms/public-comments.form"})
class ConsultationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private ProcessInstance start(List<String> proposed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("deliverableCode", "4.2");
    variables.put("deliverableTitle", "Chính sách hỗ trợ học phí");
    variables.put("leadUnit", "so-gddt");
    variables.put("consultedUnits", SpinValues.jsonValue(JsonVariables.MAPPER.valueToTree(proposed).toString()).create());
    return engine.getRuntimeService().startProcessInstanceByKey("consultation", "KH115-4.2", variables);
  }

  /** What Tasklist sends for a multi-select: a Json list. */
  private static Object jsonList(String... codes) {
    return SpinValues.jsonValue(JsonVariables.MAPPER.valueToTree(List.of(codes)).toString()).create();
  }

  private Task taskOf(ProcessInstance instance, String unitGroup) {
    return tasks().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(unitGroup).singleResult();
  }

  private JsonNode json(ProcessInstance instance, String name) {
    return JsonVariables.parse(name, engine.getRuntimeService().getVariableTyped(instance.getId(), name, false));
  }

  private JsonNode historicJson(ProcessInstance instance, String name) {
    return JsonVariables.parse(name, engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).disableCustomObjectDeserialization()
        .singleResult().getTypedValue());
  }

  /**
   * The summary runs behind an asynchronous continuation after the last reply: the reply's transaction ends at
   * it, and the job executor (off in process tests) runs it; a failure there becomes an incident, not an error
   * for the last unit that replied.
   */
  private void runSummary(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Task_SummariseReplies");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    Job summary = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_SummariseReplies").singleResult();
    engine.getManagementService().executeJob(summary.getId());
  }

  /** The unit's staff drafts its reply, then its leader signs it with a number. */
  private void reply(ProcessInstance instance, String unit, Map<String, Object> opinion) {
    tasks().complete(taskOf(instance, unit).getId(), opinion);
    sign(instance, unit, "1" + unit.length() + "/" + unit.toUpperCase().replace("-", "") + "-VP");
  }

  private void sign(ProcessInstance instance, String unit, String number) {
    Task leader = taskOf(instance, unit + "-lanh-dao");
    assertThat(leader.getTaskDefinitionKey()).isEqualTo("Task_SignOpinion");
    tasks().complete(leader.getId(), Map.of("signOffDecision", "approve", "replyNumber", number));
  }

  private JsonNode replies(ProcessInstance instance) {
    return json(instance, "consultationReplies");
  }

  @Test
  void theDraftingUnitConfirmsUnitsThatReplyInEveryWayAndASilentUnitIsDeemedToAgree() {
    ProcessInstance instance = start(List.of("so-tc", "so-tp", "so-nv"));

    assertThat(instance).isWaitingAt("Task_ConfirmConsultedUnits");
    Task confirm = taskOf(instance, "so-gddt");
    assertThat(confirm.getName())
        .isEqualTo("[4.2] Chính sách hỗ trợ học phí — Xác nhận danh sách đơn vị được lấy ý kiến");
    assertThat(confirm.getDueDate()).as("due in working days").isNotNull();
    JsonNode options = json(instance, "unitOptions");
    assertThat(options.findValuesAsText("value")).contains("so-tc", "so-xd").doesNotContain("so-gddt");
    assertThat(options.findValuesAsText("label")).contains("Sở Tài chính");

    // the drafting unit adds Sở Xây dựng to the proposed units
    tasks().complete(confirm.getId(), Map.of("consultedUnits", jsonList("so-tc", "so-tp", "so-nv", "so-xd"),
        "draftReference", "Dự thảo Nghị quyết hỗ trợ học phí (lần 1)"));

    List<Task> opinionTasks = tasks().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinionTasks).hasSize(4);
    Task finance = taskOf(instance, "so-tc");
    assertThat(finance.getName()).isEqualTo("[4.2] Chính sách hỗ trợ học phí — Lấy ý kiến Sở Tài chính");
    assertThat(finance.getDueDate()).isNotNull();
    Job financeTimer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_ReplyOverdue").list().stream()
        .filter(job -> "so-tc".equals(engine.getRuntimeService().getVariable(job.getExecutionId(), "consultedUnit")))
        .findFirst().orElseThrow();
    assertThat(financeTimer.getDuedate()).as("silence counts from the same deadline as the task")
        .isEqualTo(finance.getDueDate());

    reply(instance, "so-tc", Map.of("opinion", "agree"));
    reply(instance, "so-tp", Map.of("opinion", "agree_with_comments",
        "comments", "Đề nghị bổ sung căn cứ Luật Giáo dục nghề nghiệp 2014."));
    reply(instance, "so-nv", Map.of("opinion", "disagree",
        "comments", "Mức hỗ trợ chưa phù hợp với khả năng cân đối ngân sách."));

    // Sở Xây dựng does not reply: its deadline passes
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_ReplyOverdue").singleResult();
    engine.getManagementService().executeJob(overdue.getId());
    runSummary(instance);

    assertThat(instance).hasPassed("Task_RecordDeemedAgreement", "Event_DeemedAgreed", "Task_SummariseReplies")
        .isWaitingAt("Task_ConsolidateOpinions");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Event_DeemedAgreed").singleResult().getActivityName())
        .isEqualTo("Quá hạn không có ý kiến được coi là đồng ý");
    JsonNode replies = replies(instance);
    assertThat(replies.findValuesAsText("unit")).containsExactly("so-tc", "so-tp", "so-nv", "so-xd");
    assertThat(replies.findValuesAsText("opinion"))
        .containsExactly("agree", "agree_with_comments", "disagree", "no_reply_deemed_agree");
    assertThat(replies.get(3).path("opinionLabel").asText())
        .isEqualTo("Quá hạn không có ý kiến, được coi là đồng ý");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "consultationSummary").toString())
        .contains("1 đồng ý", "1 đồng ý có ý kiến góp ý", "1 không đồng ý", "1 quá hạn");
    JsonNode responses = json(instance, "consultationResponses");
    assertThat(responses.findValuesAsText("unit")).containsExactly("so-tp", "so-nv");

    Task consolidate = taskOf(instance, "so-gddt");
    assertThat(consolidate.getName()).endsWith("— Tiếp thu, giải trình ý kiến góp ý");
    tasks().complete(consolidate.getId(), Map.of("consultationResponses", SpinValues.jsonValue("["
        + "{\"unit\":\"so-tp\",\"handling\":\"accepted\",\"handlingNote\":\"Đã bổ sung căn cứ pháp lý.\"},"
        + "{\"unit\":\"so-nv\",\"handling\":\"explained\",\"handlingNote\":\"Mức hỗ trợ đã được Sở Tài chính thống nhất.\"}"
        + "]").create()));

    assertThat(instance).isEnded().hasPassed("Event_ConsultationCompleted");
    JsonNode finalReplies = historicJson(instance, "consultationReplies");
    assertThat(finalReplies.get(1).path("handlingLabel").asText()).isEqualTo("Tiếp thu");
    assertThat(finalReplies.get(2).path("handlingLabel").asText()).isEqualTo("Giải trình");
    assertThat(finalReplies.get(2).path("handlingNote").asText()).contains("Sở Tài chính thống nhất");
  }

  @Test
  void anUnknownUnitTheLeadUnitItselfOrAnEmptyListIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = start(List.of("so-tc"));
    String taskId = taskOf(instance, "so-gddt").getId();

    assertThatThrownBy(() -> tasks().complete(taskId, Map.of("consultedUnits", jsonList("so-tc", "so-khong-co"),
        "draftReference", "Dự thảo lần 1")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("so-khong-co").hasMessageContaining("consultedUnits");
    assertThatThrownBy(() -> tasks().complete(taskId, Map.of("consultedUnits", jsonList("so-gddt"),
        "draftReference", "Dự thảo lần 1")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Sở Giáo dục và Đào tạo");
    assertThatThrownBy(() -> tasks().complete(taskId, Map.of("consultedUnits", jsonList(),
        "draftReference", "Dự thảo lần 1")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("ít nhất một đơn vị");

    assertThat(instance).isWaitingAt("Task_ConfirmConsultedUnits");
    assertThat(json(instance, "consultedUnits").toString())
        .as("the proposed list is unchanged").isEqualTo("[\"so-tc\"]");
  }

  @Test
  void aDisagreementWithoutCommentsAndAConsolidationWithoutResponsesAreRefused() {
    ProcessInstance instance = start(List.of("so-tc"));
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("draftReference", "Dự thảo lần 1"));
    String financeTask = taskOf(instance, "so-tc").getId();

    assertThatThrownBy(() -> tasks().complete(financeTask, Map.of("opinion", "disagree")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("comments");
    assertThatThrownBy(() -> tasks().complete(financeTask, Map.of("opinion", "maybe")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("opinion");
    assertThat(replies(instance)).isEmpty();

    tasks().complete(financeTask, Map.of("opinion", "disagree", "comments", "Chưa có nguồn kinh phí thực hiện."));
    sign(instance, "so-tc", "1234/STC-NSNN");
    runSummary(instance);
    String consolidate = taskOf(instance, "so-gddt").getId();
    assertThatThrownBy(() -> tasks().complete(consolidate, Map.of()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Sở Tài chính").hasMessageContaining("consultationResponses");
    assertThatThrownBy(() -> tasks().complete(consolidate, Map.of("consultationResponses", SpinValues.jsonValue(
        "[{\"unit\":\"so-tc\",\"handling\":\"explained\",\"handlingNote\":\"\"}]").create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("tối thiểu");
    assertThat(instance).isWaitingAt("Task_ConsolidateOpinions");
  }

  @Test
  void aConsolidationSubmittedByTasklistWithOnlyTheFormsFieldsIsRecorded() {
    ProcessInstance instance = start(List.of("so-tc"));
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("draftReference", "Dự thảo lần 1"));
    reply(instance, "so-tc", Map.of("opinion", "disagree",
        "comments", "Chưa có nguồn kinh phí thực hiện."));
    runSummary(instance);

    // what Tasklist sends: the list's rows with the keys of the form's fields only (no unit code)
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("consultationResponses", SpinValues.jsonValue(
        "[{\"unitName\":\"Sở Tài chính\",\"opinionLabel\":\"Không đồng ý\","
        + "\"comments\":\"Chưa có nguồn kinh phí thực hiện.\",\"handling\":\"explained\","
        + "\"handlingNote\":\"Kinh phí bố trí trong dự toán năm 2026.\"}]").create()));

    assertThat(instance).isEnded();
    JsonNode reply = historicJson(instance, "consultationReplies").get(0);
    assertThat(reply.path("unit").asText()).isEqualTo("so-tc");
    assertThat(reply.path("comments").asText()).isEqualTo("Chưa có nguồn kinh phí thực hiện.");
    assertThat(reply.path("handlingLabel").asText()).isEqualTo("Giải trình");
    assertThat(reply.path("handlingNote").asText()).isEqualTo("Kinh phí bố trí trong dự toán năm 2026.");
  }

  @Test
  void whenEveryUnitSimplyAgreesThereIsNothingToTakeUp() {
    ProcessInstance instance = start(List.of("so-tc", "so-tp"));
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("draftReference", "Dự thảo lần 1"));
    reply(instance, "so-tc", Map.of("opinion", "agree"));
    reply(instance, "so-tp", Map.of("opinion", "agree"));
    runSummary(instance);

    assertThat(json(instance, "consultationResponses")).isEmpty();
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of());

    assertThat(instance).isEnded().hasNotPassed("Task_RecordDeemedAgreement");
  }

  // ---- formal views: the unit's leader signs its reply -----------------------------------------------------

  @Test
  void aConsultedUnitsLeaderReturnsTheDraftReplyThenSignsTheRevisionWithItsNumber() {
    ProcessInstance instance = start(List.of("so-tc"));
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("draftReference", "Dự thảo lần 1"));
    tasks().complete(taskOf(instance, "so-tc").getId(), Map.of("opinion", "agree_with_comments",
        "comments", "Đề nghị làm rõ nguồn kinh phí."));

    Task leader = taskOf(instance, "so-tc-lanh-dao");
    assertThat(leader.getName()).endsWith("— Lãnh đạo ký văn bản góp ý của Sở Tài chính");
    assertThat(tasks().getVariable(leader.getId(), "draftComments")).isEqualTo("Đề nghị làm rõ nguồn kinh phí.");
    assertThatThrownBy(() -> tasks().complete(leader.getId(), Map.of("signOffDecision", "return")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("signOffReasons");
    tasks().complete(leader.getId(), Map.of("signOffDecision", "return",
        "signOffReasons", "Nêu cụ thể nguồn ngân sách năm 2026."));

    Task revise = taskOf(instance, "so-tc");
    assertThat(revise.getTaskDefinitionKey()).isEqualTo("Task_ReviseOpinion");
    tasks().complete(revise.getId(), Map.of("opinion", "agree_with_comments",
        "comments", "Đề nghị bố trí từ nguồn sự nghiệp giáo dục năm 2026."));
    assertThat(replies(instance)).as("the revision replaces the draft").hasSize(1);
    sign(instance, "so-tc", "4567/STC-NSNN");
    runSummary(instance);

    JsonNode reply = replies(instance).get(0);
    assertThat(reply.path("comments").asText()).isEqualTo("Đề nghị bố trí từ nguồn sự nghiệp giáo dục năm 2026.");
    assertThat(reply.path("replyNumber").asText()).isEqualTo("4567/STC-NSNN");
    assertThat(reply.path("signedOn").asText()).isEqualTo(OfficialDates.format(OfficialDates.today()));
  }

  // ---- public posting of a normative draft (publicPosting = yes) -------------------------------------------

  @Test
  void aNormativeDraftIsPostedForItsPeriodAndEachPublicCommentIsTakenUpOrExplained() {
    Map<String, Object> variables = new HashMap<>(Map.of("deliverableCode", "4.1",
        "deliverableTitle", "Định mức kinh tế kỹ thuật và giá dịch vụ đào tạo", "leadUnit", "so-gddt",
        "publicPosting", "yes", "consultedUnits", jsonList("so-tc")));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("consultation", "KH115-4.1",
        variables);
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("draftReference", "Dự thảo Quyết định lần 1"));

    Task post = tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_PostDraft")
        .singleResult();
    assertThat(post.getName()).endsWith("— Đăng tải dự thảo trên Cổng thông tin điện tử");
    assertThatThrownBy(() -> tasks().complete(post.getId(), Map.of("postingLink", "https://hanoi.gov.vn/du-thao/41")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("postedOn");
    tasks().complete(post.getId(), Map.of("postingLink", "https://hanoi.gov.vn/du-thao/41",
        "postedOn", OfficialDates.format(OfficialDates.today())));
    Job period = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_PostingPeriodEnded").singleResult();
    assertThat(java.time.Duration.between(java.time.Instant.now(), period.getDuedate().toInstant()).toDays())
        .as("30 calendar days (gdnn.periods.posting)").isBetween(29L, 30L);
    reply(instance, "so-tc", Map.of("opinion", "agree"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_SummariseReplies").count()).as("the posting still runs").isZero();

    engine.getManagementService().executeJob(period.getId());
    Task comments = tasks().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_RecordPublicComments").singleResult();
    assertThatThrownBy(() -> tasks().complete(comments.getId(), Map.of("publicComments",
        SpinValues.jsonValue("[{\"author\":\"Ông A\",\"comment\":\"ngắn\"}]").create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("publicComments");
    tasks().complete(comments.getId(), Map.of("publicComments", SpinValues.jsonValue(
        "[{\"author\":\"Trường Cao đẳng Y\",\"comment\":\"Đề nghị tính chi phí khấu hao thiết bị thực hành.\"},"
        + "{\"author\":\"Bà Nguyễn Thị B\",\"comment\":\"Giá dịch vụ cần công khai theo từng nghề.\"}]").create()));
    runSummary(instance);

    JsonNode responses = json(instance, "consultationResponses");
    assertThat(responses.findValuesAsText("unit")).containsExactly("nhan-dan-1", "nhan-dan-2");
    tasks().complete(taskOf(instance, "so-gddt").getId(), Map.of("consultationResponses", SpinValues.jsonValue("["
        + "{\"unit\":\"nhan-dan-1\",\"handling\":\"accepted\",\"handlingNote\":\"Đã bổ sung khấu hao thiết bị.\"},"
        + "{\"unit\":\"nhan-dan-2\",\"handling\":\"explained\",\"handlingNote\":\"Giá được công khai theo quy định về giá.\"}"
        + "]").create()));
    assertThat(instance).isEnded().hasPassed("Task_PostDraft", "Event_PostingPeriodEnded",
        "Task_RecordPublicComments", "Event_ConsultationCompleted");
    JsonNode record = historicJson(instance, "consultationReplies");
    assertThat(record.findValuesAsText("unit")).containsExactly("so-tc", "nhan-dan-1", "nhan-dan-2");
    assertThat(record.get(2).path("handlingLabel").asText()).isEqualTo("Giải trình");
  }
}
