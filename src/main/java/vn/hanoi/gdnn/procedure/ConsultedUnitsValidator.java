package vn.hanoi.gdnn.procedure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of "Xác nhận danh sách đơn vị được lấy ý kiến": the list must not be empty, every code must be a
 * unit of the organisation and the drafting unit cannot consult itself. Stores the confirmed list as Json.
 */
@Component("consultedUnitsValidator")
public class ConsultedUnitsValidator implements ExecutionListener {

  private static final String FIELD = "consultedUnits";

  private final UnitRegistry units;

  public ConsultedUnitsValidator(UnitRegistry units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> codes;
    try {
      codes = JsonVariables.readStrings(execution, FIELD);
    } catch (IllegalArgumentException e) {
      throw new FormFieldValidationException(FIELD, "Danh sách đơn vị được lấy ý kiến (" + FIELD
          + ") không đúng định dạng.");
    }
    Set<String> confirmed = new LinkedHashSet<>();
    String leadUnit = String.valueOf(execution.getVariable("leadUnit"));
    for (String code : codes) {
      if (code.isEmpty()) {
        continue;
      }
      if (!units.exists(code)) {
        throw new FormFieldValidationException(FIELD, "Đơn vị \"" + code
            + "\" không có trong danh mục tổ chức; chọn lại đơn vị được lấy ý kiến (" + FIELD + ").");
      }
      if (code.equals(leadUnit)) {
        throw new FormFieldValidationException(FIELD, "Đơn vị chủ trì (" + units.nameOf(code)
            + ") không tự lấy ý kiến của chính mình; bỏ đơn vị này khỏi danh sách (" + FIELD + ").");
      }
      confirmed.add(code);
    }
    if (confirmed.isEmpty()) {
      throw new FormFieldValidationException(FIELD, "Chọn ít nhất một đơn vị được lấy ý kiến (" + FIELD + ").");
    }
    TaskInput.of(execution).requireText("draftReference", "Dự thảo gửi lấy ý kiến", 3);
    execution.setVariable(FIELD, JsonVariables.json(confirmed));
  }
}
