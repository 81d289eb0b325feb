package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hanoi.gdnn.document.ShippedDocumentNumbers;

/**
 * A submission is checked against the real form files in {@code forms/}: the same fields, options and rules the
 * browser applies, so what the form accepts the server accepts, and nothing else.
 */
class FormSubmissionTest {

  private final Map<String, TypedValue> current = new HashMap<>();

  /** A form as deployed: with the document-number rule written into its marked fields. */
  private static TaskForm form(String name) {
    try (InputStream json = new ByteArrayInputStream(
        ShippedDocumentNumbers.forms().apply(Files.readAllBytes(Path.of("forms", name + ".form"))))) {
      return TaskForm.parse(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void submit(String formName, Map<String, Object> values) {
    new FormSubmission(form(formName), "Công việc thử", current::get).check(values);
  }

  @Test
  void everyFormOfTheProjectIsReadAndEveryDataFieldHasAKindAndALabel() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).toList();
      assertThat(forms).hasSizeGreaterThan(30);
      for (Path file : forms) {
        TaskForm form = form(file.getFileName().toString().replace(".form", ""));
        assertThat(form.fields()).as(file.toString()).isNotEmpty()
            .allSatisfy(field -> assertThat(field.label()).as(field.key()).isNotBlank());
      }
    }
    assertThat(form("consultation-consolidation").field("consultationResponses")).get()
        .satisfies(list -> assertThat(list.rows()).extracting(TaskForm.Field::key)
            .containsExactly("unitName", "opinionLabel", "comments", "handling", "handlingNote"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5721/QĐ-UBND", "70/2025/QĐ-UBND", "75/2025/NQ-HĐND", "6482/TTr-SNV", "115/KH-UBND",
      "01/BC-SGDĐT", "123/UBND-KGVX", "45/VP"})
  void aDocumentNumberTheFormAcceptsIsAcceptedByTheServer(String number) {
    assertThatCode(() -> submit("issuance-record", Map.of("documentNumber", number, "issuedOn", "05/11/2025",
        "signer", "Nguyễn Văn A", "documentLink", "https://vanban.hanoi.gov.vn/1"))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"QĐ-UBND/5721", "5721 /QĐ-UBND", "số 5721/QĐ-UBND", "5721/QĐ UBND", "45/TTr_UBND",
      "111/BC-XYZ", "5721/QD-UBND", "5721/XX-UBND", "70/2025/BC-UBND", "5721/QĐ", "5721/QĐ-UBND-VP"})
  void aDocumentNumberTheFormRefusesIsRefusedNamingTheField(String number) {
    assertThatThrownBy(() -> submit("issuance-record", Map.of("documentNumber", number, "issuedOn", "05/11/2025",
        "signer", "Nguyễn Văn A", "documentLink", "https://vanban.hanoi.gov.vn/1")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Số, ký hiệu văn bản\" (documentNumber)").hasMessageContaining("định dạng");
  }

  @Test
  void onlyTheFormsFieldsAreTakenAndNeverAJavaObject() {
    assertThatThrownBy(() -> submit("consultation-opinion", Map.of("opinion", "disagree",
        "comments", "Không đồng ý với mức hỗ trợ.", "consultedUnit", "so-tp")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("\"consultedUnit\" không có trong biểu mẫu");
    assertThatThrownBy(() -> submit("consultation-opinion", Map.of("opinion",
        Variables.serializedObjectValue("\"/tmp\"").objectTypeName("java.io.File")
            .serializationDataFormat("application/json").create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("đối tượng Java");
    assertThatThrownBy(() -> submit("consultation-opinion", Map.of("opinion", new java.io.File("/tmp"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("đối tượng Java");
    assertThatCode(() -> submit("consultation-opinion", Map.of("opinion", "disagree",
        "comments", "Không đồng ý với mức hỗ trợ."))).doesNotThrowAnyException();
  }

  @Test
  void conditionalFieldsAreRequiredOnlyByTheValidatorsThatKnowTheCondition() {
    assertThatCode(() -> submit("consultation-opinion", Map.of("opinion", "agree"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> submit("consultation-opinion", Map.of("comments", "Góp ý không kèm ý kiến")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("(opinion) là bắt buộc");
    assertThatThrownBy(() -> submit("consultation-opinion", Map.of("opinion", "agree", "comments", "ngắn")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("tối thiểu 10 ký tự");
  }

  @Test
  void optionsNamedByAVariableComeFromTheProcess() {
    current.put("unitOptions", SpinValues.jsonValue("[{\"label\":\"Sở Tài chính\",\"value\":\"so-tc\"},"
        + "{\"label\":\"Sở Tư pháp\",\"value\":\"so-tp\"}]").create());

    assertThatCode(() -> submit("consultation-units", Map.of("consultedUnits",
        SpinValues.jsonValue("[\"so-tc\",\"so-tp\"]").create(), "draftReference", "Dự thảo lần 1")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> submit("consultation-units", Map.of("consultedUnits",
        SpinValues.jsonValue("[\"so-tc\",\"so-gddt\"]").create(), "draftReference", "Dự thảo lần 1")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("consultedUnits")
        .hasMessageContaining("so-gddt");
  }

  @Test
  void aSubmissionReadsOnlyTheProcessValuesItComparesWith() {
    current.put("unitOptions", SpinValues.jsonValue("[{\"label\":\"Sở Tài chính\",\"value\":\"so-tc\"},"
        + "{\"label\":\"Sở Tư pháp\",\"value\":\"so-tp\"}]").create());
    List<String> read = new ArrayList<>();

    new FormSubmission(form("consultation-units"), "Công việc thử", name -> {
      read.add(name);
      return current.get(name);
    }).check(Map.of("consultedUnits", SpinValues.jsonValue("[\"so-tc\",\"so-tp\"]").create(),
        "draftReference", "Dự thảo lần 1"));

    // the options once for both chosen units; nothing for the free-text field or the choice itself
    assertThat(read).containsExactly("unitOptions");
  }

  @Test
  void aDynamicListKeepsItsRowsAndWhatTheyOnlyShow() {
    current.put("consultationResponses", SpinValues.jsonValue("[{\"unitName\":\"Sở Tài chính\","
        + "\"opinionLabel\":\"Không đồng ý\",\"comments\":\"Mức hỗ trợ vượt khả năng ngân sách.\"}]").create());
    String answered = "[{\"unitName\":\"Sở Tài chính\",\"opinionLabel\":\"Không đồng ý\","
        + "\"comments\":\"Mức hỗ trợ vượt khả năng ngân sách.\",\"handling\":\"explained\","
        + "\"handlingNote\":\"Mức hỗ trợ nằm trong dự toán đã được bố trí.\"}]";

    assertThatCode(() -> submit("consultation-consolidation", Map.of("consultationResponses",
        SpinValues.jsonValue(answered).create()))).doesNotThrowAnyException();
    assertThatThrownBy(() -> submit("consultation-consolidation", Map.of("consultationResponses",
        SpinValues.jsonValue(answered.replace("Không đồng ý", "Đồng ý")).create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("(opinionLabel) chỉ để xem");
    assertThatThrownBy(() -> submit("consultation-consolidation", Map.of("consultationResponses",
        SpinValues.jsonValue("[]").create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("giữ nguyên 1 dòng");
    assertThatThrownBy(() -> submit("consultation-consolidation", Map.of("consultationResponses",
        SpinValues.jsonValue(answered.replace("\"explained\"", "\"ignored\"")).create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("(handling)");
  }

  @Test
  void aReadOnlyNumberMayComeBackAsTheBrowserShowsIt() {
    current.put("reminderCount", Variables.integerValue(3));
    current.put("taskName", Variables.stringValue("Ký tờ trình"));

    assertThatCode(() -> submit("deadline-escalation", Map.of("reminderCount", 3.0, "taskName", "Ký tờ trình",
        "escalationAction", "Đã nhắc lãnh đạo Sở ký trong ngày."))).doesNotThrowAnyException();
    assertThatThrownBy(() -> submit("deadline-escalation", Map.of("reminderCount", 0,
        "escalationAction", "Đã nhắc lãnh đạo Sở ký trong ngày.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("(reminderCount) chỉ để xem");
  }
}
