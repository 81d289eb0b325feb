package vn.hanoi.gdnn.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.document.DocumentNumberRule.DocumentNumber;
import vn.hanoi.gdnn.document.DocumentNumberRule.Expected;
import vn.hanoi.gdnn.document.DocumentNumberRule.Scope;

/** Decree 30/2020 numbers: one rule, read by the server and, as a regular expression, by the forms. */
class DocumentNumberRuleTest {

  private final DocumentNumberRule rule = ShippedDocumentNumbers.rule();

  @Test
  void aNumberIsReadIntoItsPartsWithTheIssuerFromTheOrganisationData() {
    assertThat(rule.check("n", "Số", "5721/QĐ-UBND", Expected.ANYTHING))
        .isEqualTo(new DocumentNumber(5721, null, "QĐ", "UBND", null));
    assertThat(rule.check("n", "Số", "75/2025/NQ-HĐND", Expected.ANYTHING))
        .isEqualTo(new DocumentNumber(75, 2025, "NQ", "HĐND", null));
    assertThat(rule.check("n", "Số", "6482/TTr-SNV", Expected.ANYTHING).kind()).isEqualTo("TTr");
    assertThat(rule.check("n", "Số", "123/UBND-KGVX", Expected.ANYTHING))
        .isEqualTo(new DocumentNumber(123, null, null, "UBND", "KGVX"));
    assertThat(rule.issuers()).contains("UBND", "VP", "SGDĐT", "SNV", "STC", "STP", "SNNMT", "SXD", "SQHKT",
        "SVHTT", "SKHCN", "HĐND");
  }

  @Test
  void eachRefusalSaysWhatIsWrongInVietnameseNamingTheField() {
    assertThatThrownBy(() -> rule.check("documentNumber", "Số, ký hiệu văn bản", "111/BC-BPC", Expected.ANYTHING))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Số, ký hiệu văn bản\" (documentNumber)")
        .hasMessageContaining("ký hiệu cơ quan ban hành \"BPC\" không có trong danh mục tổ chức");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "12/XYZ-UBND", Expected.ANYTHING))
        .hasMessageContaining("\"XYZ\" không phải ký hiệu loại văn bản");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "12/2025/BC-UBND", Expected.ANYTHING))
        .hasMessageContaining("chỉ văn bản quy phạm pháp luật (NQ, QĐ) ghi năm");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "12/2999/QĐ-UBND", Expected.ANYTHING))
        .hasMessageContaining("năm ban hành 2999 chưa đến");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "0/QĐ-UBND", Expected.ANYTHING))
        .hasMessageContaining("bắt đầu từ 01");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "QĐ-UBND", Expected.ANYTHING))
        .hasMessageContaining("Nghị định 30/2020/NĐ-CP");
  }

  @Test
  void whatTheStepKnowsIsHeldNormativeYearKindAndIssuer() {
    Expected resolution = new Expected(true, Set.of("NQ"), rule.issuersFor("hdnd"));
    assertThat(rule.check("resolutionNumber", "Số", "75/2025/NQ-HĐND", resolution).year()).isEqualTo(2025);
    assertThatThrownBy(() -> rule.check("resolutionNumber", "Số", "75/NQ-HĐND", resolution))
        .hasMessageContaining("văn bản quy phạm pháp luật: phải ghi năm ban hành");
    assertThatThrownBy(() -> rule.check("resolutionNumber", "Số", "70/2025/QĐ-UBND", resolution))
        .hasMessageContaining("phải là số, ký hiệu của nghị quyết (NQ)");
    assertThatThrownBy(() -> rule.check("resolutionNumber", "Số", "75/2025/NQ-UBND", resolution))
        .hasMessageContaining("do HĐND ban hành").hasMessageContaining("\"UBND\"");

    // the UBND office records the UBND's documents; a department its own and the UBND's, never another's
    assertThat(rule.issuersFor("vp-ubnd")).containsExactly("VP", "UBND");
    assertThat(rule.issuersFor("so-gddt")).containsExactly("SGDĐT", "UBND");
    Expected department = new Expected(false, Set.of(), rule.issuersFor("so-gddt"));
    assertThat(rule.check("documentNumber", "Số", "15/KH-SGDĐT", department).issuer()).isEqualTo("SGDĐT");
    assertThatThrownBy(() -> rule.check("documentNumber", "Số", "15/KH-SNV", department))
        .hasMessageContaining("do SGDĐT hoặc UBND ban hành");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5721/QĐ-UBND", "70/2025/QĐ-UBND", "75/2025/NQ-HĐND", "6482/TTr-SNV", "111/BC-BPC",
      "12/XYZ-UBND", "12/2025/BC-UBND", "123/UBND-KGVX", "123/UBND-kgvx", "45/VP", "5721/QĐ", "QĐ-UBND",
      "5721/QD-UBND", "15/KH-SGDĐT", "15/CĐ-TTg", "1/QyĐ-UBND", "9/TTr-UBND-VP", "75/2025/NQ-HĐND "})
  void theFormsPatternAcceptsExactlyWhatTheServerAccepts(String number) {
    boolean server;
    try {
      rule.check("n", "Số", number, Expected.ANYTHING);
      server = true;
    } catch (FormFieldValidationException e) {
      server = false;
    }
    // the browser tests the pattern with RegExp.test on the text as typed; the server strips it first
    assertThat(Pattern.compile(rule.pattern(Scope.ANY)).matcher(number.strip()).find()).as(number)
        .isEqualTo(server);
  }

  @Test
  void theNormativePatternTakesOnlyNumberYearKindIssuer() {
    Pattern normative = Pattern.compile(rule.pattern(Scope.NORMATIVE));
    assertThat(normative.matcher("75/2025/NQ-HĐND").find()).isTrue();
    assertThat(normative.matcher("75/NQ-HĐND").find()).isFalse();
    assertThat(normative.matcher("75/2025/BC-HĐND").find()).isFalse();
  }

  @Test
  void deploymentWritesTheRuleIntoTheMarkedFieldsAndLeavesOtherFormsAsTheyAre() throws Exception {
    DocumentNumberForms forms = new DocumentNumberForms(rule);
    JsonNode issuance = new ObjectMapper().readTree(forms.apply(Files.readAllBytes(Path.of("forms",
        "issuance-record.form"))));
    JsonNode field = issuance.path("components").get(1);
    assertThat(field.path("key").asText()).isEqualTo("documentNumber");
    assertThat(field.path("validate").path("pattern").asText()).isEqualTo(rule.pattern(Scope.ANY));
    assertThat(field.path("validate").path("required").asBoolean()).isTrue();
    assertThat(field.path("description").asText()).contains("Nghị định 30/2020/NĐ-CP");
    JsonNode outcome = new ObjectMapper().readTree(forms.apply(Files.readAllBytes(Path.of("forms",
        "hdnd-session-outcome.form"))));
    assertThat(outcome.toString()).contains(new ObjectMapper().writeValueAsString(rule.pattern(Scope.NORMATIVE)));

    // the date of issue gets the form's "not later than today" warning right after it
    JsonNode warning = issuance.path("components").get(3);
    assertThat(issuance.path("components").get(2).path("key").asText()).isEqualTo("issuedOn");
    assertThat(warning.path("type").asText()).isEqualTo("text");
    assertThat(warning.path("text").asText()).startsWith("**Ngày ban hành không được sau ngày hôm nay.**");
    assertThat(warning.path("conditional").path("hide").asText()).contains("today().year * 10000");

    byte[] plain = Files.readAllBytes(Path.of("forms", "consultation-opinion.form"));
    assertThat(forms.apply(plain)).isEqualTo(plain);
  }

  @Test
  void noFormFileHoldsAPatternOfItsOwnForADocumentNumber() throws Exception {
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).doesNotContain("[^\\\\s/-]+");
      }
    }
  }
}
