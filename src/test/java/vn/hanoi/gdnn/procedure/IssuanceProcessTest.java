package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

@Deployment(resources = {"processes/issuance.bpmn", "forms/issuance-record.form", "forms/gazette-publication.form"})
class IssuanceProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeAll
  static void registerBeans() {
    ProcedureBeans.register();
  }

  private ProcessInstance start(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("deliverableCode", "1.1",
        "deliverableTitle", "Kế hoạch truyền thông về giáo dục nghề nghiệp", "leadUnit", "so-gddt"));
    variables.putAll(extra);
    return engine.getRuntimeService().startProcessInstanceByKey("issuance", "KH115-1.1", variables);
  }

  private static Map<String, Object> record(String number, String date, String signer, String link) {
    return Map.of("documentNumber", number, "issuedOn", date, "signer", signer, "documentLink", link);
  }

  @Test
  void badInputIsRefusedFieldByFieldThenTheIssuedDocumentIsRecorded() {
    ProcessInstance instance = start(Map.of("issuerGroup", "vp-ubnd"));
    assertThat(task(instance)).hasCandidateGroup("vp-ubnd")
        .hasName("[1.1] Kế hoạch truyền thông về giáo dục nghề nghiệp — Cập nhật thông tin văn bản ban hành");
    String taskId = task(instance).getId();
    String tomorrow = OfficialDates.format(LocalDate.now(OfficialDates.ZONE).plusDays(1));

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("", "05/11/2025", "Nguyễn Văn A, Phó Chủ tịch", "https://vanban.hanoi.gov.vn/115")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("documentNumber");
    // recorded by the UBND office: a UBND (or office) document, never a department's
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("115/KH-SNV", "05/11/2025", "Nguyễn Văn A, Phó Chủ tịch", "https://vanban.hanoi.gov.vn/115")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Số, ký hiệu văn bản\" (documentNumber)").hasMessageContaining("do VP hoặc UBND ban hành");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("115/KH-ABC", "05/11/2025", "Nguyễn Văn A, Phó Chủ tịch", "https://vanban.hanoi.gov.vn/115")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("\"ABC\" không có trong danh mục");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("115/KH-UBND", "2025-13-40", "Nguyễn Văn A, Phó Chủ tịch", "https://vanban.hanoi.gov.vn/115")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("issuedOn");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("115/KH-UBND", tomorrow, "Nguyễn Văn A, Phó Chủ tịch", "https://vanban.hanoi.gov.vn/115")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("không được sau ngày hôm nay");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        record("115/KH-UBND", "25/04/2025", "Nguyễn Văn A, Phó Chủ tịch", " ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("documentLink");
    assertThat(instance).isWaitingAt("Task_RecordIssuance").variables().doesNotContainKey("documentNumber");

    complete(task(instance), withVariables("documentNumber", "115/KH-UBND", "issuedOn", "2025-04-25",
        "signer", "Nguyễn Văn A, Phó Chủ tịch UBND Thành phố", "documentLink", "https://vanban.hanoi.gov.vn/115"));

    assertThat(instance).isEnded().hasPassed("Event_DocumentIssued").variables()
        .containsEntry("documentNumber", "115/KH-UBND").containsEntry("issuedOn", "25/04/2025")
        .containsEntry("signer", "Nguyễn Văn A, Phó Chủ tịch UBND Thành phố")
        .containsEntry("documentLink", "https://vanban.hanoi.gov.vn/115");
  }

  @Test
  void aPeriodPassedByTheCallerOverridesTheConfiguredOneAndABadPeriodIsRefused() {
    ProcessInstance instance = start(Map.of("issuanceDays", "4"));
    assertThat(instance).variables().containsEntry("issuanceDays", 4);
    ProcessInstance withDefault = start(Map.of());
    assertThat(withDefault).variables().containsEntry("issuanceDays", 3);

    assertThatThrownBy(() -> start(Map.of("issuanceDays", 0))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("issuanceDays");
  }

  @Test
  void aCallWithAnUnknownLeadUnitIsRefused() {
    assertThatThrownBy(() -> start(Map.of("leadUnit", "so-khong-co"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("so-khong-co");
  }

  @Test
  void withoutAnIssuerGroupTheLeadUnitRecordsTheIssuance() {
    ProcessInstance instance = start(Map.of());

    assertThat(task(instance)).hasCandidateGroup("so-gddt");
  }

  // ---- normative documents: effective date and e-gazette -----------------------------------------------------

  private static Map<String, Object> normative(String issuedOn, String effectiveDate, boolean shortened) {
    Map<String, Object> v = new HashMap<>(record("70/2025/QĐ-UBND", issuedOn, "Phó Chủ tịch UBND Thành phố",
        "https://vanban.hanoi.gov.vn/70"));
    v.put("effectiveDate", effectiveDate);
    v.put("shortenedProcedure", shortened);
    return v;
  }

  @Test
  void aNormativeDecisionIsPublishedInTheGazetteWithinItsDaysAndTakesEffectTenDaysLater() {
    ProcessInstance instance = start(Map.of("issuerGroup", "vp-ubnd", "normativeDocument", "yes"));
    complete(task(instance), normative("01/12/2025", "11/12/2025", false));

    assertThat(instance).isWaitingAt("Task_PublishInGazette").variables().containsEntry("effectiveDateWarning", "");
    assertThat(task(instance)).hasCandidateGroup("vp-ubnd");
    java.util.Date due = task(instance).getDueDate();
    java.util.Date created = task(instance).getCreateTime();
    org.assertj.core.api.Assertions.assertThat(java.time.Duration.between(created.toInstant(), due.toInstant()))
        .as("3 calendar days (gdnn.periods.gazette)")
        .isBetween(java.time.Duration.ofDays(3).minusSeconds(1), java.time.Duration.ofDays(3).plusSeconds(1));
    assertThatThrownBy(() -> engine.getTaskService().complete(task(instance).getId(),
        Map.of("gazettePublishedOn", "30/11/2025", "gazetteLink", "https://congbao.hanoi.gov.vn/70")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("gazettePublishedOn");
    complete(task(instance), withVariables("gazettePublishedOn", "03/12/2025",
        "gazetteLink", "https://congbao.hanoi.gov.vn/70"));

    assertThat(instance).isEnded().hasPassed("Task_PublishInGazette", "Event_DocumentPublished")
        .variables().containsEntry("gazettePublishedOn", "03/12/2025").containsEntry("effectiveDate", "11/12/2025");
  }

  @Test
  void anEarlierEffectiveDateWithoutTheShortenedProcedureIsWarnedNotRefused() {
    ProcessInstance instance = start(Map.of("issuerGroup", "vp-hdnd", "normativeDocument", "yes",
        "resolutionDate", "27/11/2025"));
    Map<String, Object> resolution = normative("01/12/2025", "01/12/2025", false);
    resolution.put("documentNumber", "70/2025/NQ-HĐND");
    complete(task(instance), resolution);

    assertThat(instance).isWaitingAt("Task_PublishInGazette").variables()
        .hasEntrySatisfying("effectiveDateWarning", w -> org.assertj.core.api.Assertions.assertThat(w.toString())
            .contains("sớm hơn 10 ngày").contains("27/11/2025").contains("Điều 53"));
  }

  @Test
  void theShortenedProcedureRecordedSilencesTheWarningAndAnEffectiveDateIsRequired() {
    ProcessInstance instance = start(Map.of("issuerGroup", "vp-ubnd", "normativeDocument", "yes"));
    String id = task(instance).getId();
    Map<String, Object> withoutDate = normative("01/12/2025", "", false);
    assertThatThrownBy(() -> engine.getTaskService().complete(id, withoutDate))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("effectiveDate");
    complete(task(instance), normative("01/12/2025", "01/12/2025", true));
    assertThat(instance).variables().containsEntry("effectiveDateWarning", "");
  }

  @Test
  void anIndividualDecisionNeedsNoGazetteNorEffectiveDate() {
    ProcessInstance instance = start(Map.of("issuerGroup", "vp-ubnd"));
    complete(task(instance), withVariables("documentNumber", "5721/QĐ-UBND", "issuedOn", "01/12/2025",
        "signer", "Phó Chủ tịch UBND Thành phố", "documentLink", "https://vanban.hanoi.gov.vn/5721"));
    assertThat(instance).isEnded().hasNotPassed("Task_PublishInGazette");
  }
}
