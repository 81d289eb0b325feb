package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start listener of every shared procedure: checks the inputs of the contract (deliverable code and title, a
 * known lead unit), fills the periods the caller did not pass from configuration, and records the lead unit's
 * name for the forms. A call with bad inputs fails in the caller's transaction instead of starting a procedure
 * that would stall later.
 */
@Component("procedureStart")
public class ProcedureStart {

  private final Periods periods;
  private final UnitRegistry units;

  public ProcedureStart(Periods periods, UnitRegistry units) {
    this.periods = periods;
    this.units = units;
  }

  /** Checks the common inputs and sets {@code <name>Days} for each comma-separated period name. */
  public void prepare(DelegateExecution execution, String periodNames) {
    requireText(execution, "deliverableCode");
    requireText(execution, "deliverableTitle");
    String leadUnit = requireText(execution, "leadUnit");
    if (!units.exists(leadUnit)) {
      throw new ProcessEngineException("Đơn vị chủ trì \"" + leadUnit + "\" (leadUnit) không có trong danh mục tổ chức.");
    }
    execution.setVariable("leadUnitName", units.nameOf(leadUnit));
    periods.ensure(execution, periodNames);
  }

  /** Sets {@code name} to {@code value} when the caller left it out or blank. */
  public void defaultTo(DelegateExecution execution, String name, String value) {
    Object current = execution.getVariable(name);
    if (current == null || current.toString().isBlank()) {
      execution.setVariable(name, value);
    }
  }

  /** Starts each comma-separated counter (rounds of return, follow-ups) at zero. */
  /**
   * The variable {@code name}, or {@code fallback} when it is absent: for steps added by a model change, which
   * instances migrated past the start (where {@link #defaultTo} runs) reach without the variable.
   */
  public String valueOr(DelegateExecution execution, String name, String fallback) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }

  /** The HĐND committee reviewing this draft: the catalogue's, Ban Văn hóa – Xã hội for instances without one. */
  public String hdndCommittee(DelegateExecution execution) {
    return valueOr(execution, "hdndCommittee", "hdnd-ban-vhxh");
  }

  public void startCounting(DelegateExecution execution, String names) {
    for (String name : names.split(",")) {
      if (!name.isBlank()) {
        execution.setVariable(name.strip(), 0);
      }
    }
  }

  private static String requireText(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new ProcessEngineException("Thiếu biến đầu vào bắt buộc " + name + " của thủ tục "
          + execution.getProcessDefinitionId());
    }
    return value.toString().strip();
  }
}
