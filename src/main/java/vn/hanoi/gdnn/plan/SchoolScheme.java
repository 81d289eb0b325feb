package vn.hanoi.gdnn.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The city-wide reorganisation scheme of 6.1: which public schools it names and what happens to each. Written in
 * the scheme's form one school a line, {@code <unit code>; <what is done>} (e.g. {@code tc-kt-kt-btl; Sáp nhập vào
 * Trường Cao đẳng nghề Công nghiệp Hà Nội}); the school's type comes from the organisation, because it decides who
 * decides (Law 124/2025: the city decides intermediate schools, the Ministry colleges on the city's proposal).
 * The lifecycle runs one case per school ({@code schemeSchools}, {@code schemeCases}).
 */
@Component("planSchoolScheme")
public class SchoolScheme {

  static final String COLLEGE_KIND = "truong-cao-dang";
  static final String INTERMEDIATE_KIND = "truong-trung-cap";
  private static final String FIELD = "schemeCases";
  private static final String LABEL = "Các trường thuộc phạm vi Đề án";

  private final PlanUnits units;

  public SchoolScheme(PlanUnits units) {
    this.units = units;
  }

  /** One school of the scheme: its unit code, trung-cap or cao-dang, and what is done to it. */
  public record SchoolCase(String school, String schoolType, String action) {
  }

  /** Reads the scheme's lines; a bad line is refused naming the field and the line. */
  public List<SchoolCase> parse(String text) {
    Map<String, SchoolCase> cases = new LinkedHashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "dòng " + (i + 1) + " (\"" + line + "\")";
      String[] parts = line.split(";", 2);
      String code = parts[0].strip();
      String action = parts.length > 1 ? parts[1].strip() : "";
      String kind = units.kindOf(code);
      if (!COLLEGE_KIND.equals(kind) && !INTERMEDIATE_KIND.equals(kind)) {
        throw invalid(where + ": \"" + code + "\" không phải mã một trường cao đẳng, trung cấp công lập thuộc "
            + "Thành phố trong danh bạ tổ chức.");
      }
      if (action.length() < 5) {
        throw invalid(where + ": ghi rõ phương án đối với trường sau dấu chấm phẩy (sáp nhập, đổi tên…).");
      }
      if (cases.containsKey(code)) {
        throw invalid(where + ": trường " + code + " đã có ở dòng trước.");
      }
      cases.put(code, new SchoolCase(code, COLLEGE_KIND.equals(kind) ? "cao-dang" : "trung-cap", action));
    }
    if (cases.isEmpty()) {
      throw invalid("Đề án phải nêu ít nhất một trường, mỗi dòng: mã trường; phương án.");
    }
    return List.copyOf(cases.values());
  }

  /** Form check of the scheme: parses it and sets the case list the multi-instance runs over. */
  void accept(VariableScope scope) {
    Object text = scope.getVariable(FIELD);
    List<SchoolCase> cases = parse(text == null ? "" : text.toString());
    ArrayList<String> schools = new ArrayList<>();
    java.util.HashMap<String, String> byCode = new java.util.HashMap<>();
    for (SchoolCase c : cases) {
      schools.add(c.school());
      byCode.put(c.school(), c.schoolType() + "|" + c.action());
    }
    scope.setVariable("schemeSchools", schools);
    scope.setVariable("schemeCaseData", byCode);
  }

  /** The case's school type ({@code trung-cap}, {@code cao-dang}), an input of its call. */
  public String typeOf(VariableScope scope, String school) {
    return data(scope, school)[0];
  }

  /** What the scheme does to the school, an input of its call. */
  public String actionOf(VariableScope scope, String school) {
    return data(scope, school)[1];
  }

  @SuppressWarnings("unchecked")
  private static String[] data(VariableScope scope, String school) {
    Map<String, String> data = (Map<String, String>) scope.getVariable("schemeCaseData");
    String value = data == null ? null : data.get(school);
    if (value == null) {
      throw new ProcessEngineException("Trường " + school + " không có trong Đề án sắp xếp (schemeCaseData)");
    }
    return value.split("\\|", 2);
  }

  private static FormFieldValidationException invalid(String detail) {
    return new FormFieldValidationException(FIELD, "Trường \"" + LABEL + "\" (" + FIELD + "): " + detail);
  }
}
