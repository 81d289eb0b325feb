package vn.hanoi.gdnn.plan;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.procedure.JsonVariables;

/** Small beans the lifecycles call by name. */
public final class PlanDelegates {

  private PlanDelegates() {
  }

  /** "Ghi nhận nhiệm vụ quá hạn": the deadline passed while the lifecycle was still running. */
  @Component("planDeadlineReached")
  public static class DeadlineReached implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("overdueSince", ClockUtil.getCurrentTime());
    }
  }

  /** Land recovery: the communes that can recover land, and the statutory notice period. */
  @Component("planLandRules")
  public static class LandRules {
    private final PlanUnits units;

    public LandRules(PlanUnits units) {
      this.units = units;
    }

    /** Options of the survey form's commune field: every commune-level people's committee. */
    public TypedValue communeOptions() {
      List<Map<String, String>> options = units.communes().stream()
          .map(u -> Map.of("label", u.name(), "value", u.code())).toList();
      return JsonVariables.json(options);
    }

    /** The statutory notice before land is recovered ("P90D"), by the land's type, from configuration. */
    public String noticePeriod(VariableScope scope) {
      Object type = scope.getVariable("landType");
      String variable = "agricultural".equals(type) ? "landNoticeAgriculturalDays" : "landNoticeOtherDays";
      Object days = scope.getVariable(variable);
      if (!(days instanceof Number number) || number.intValue() < 1) {
        throw new ProcessEngineException("Thiếu số ngày thông báo thu hồi đất (" + variable + ")");
      }
      return "P" + number.intValue() + "D";
    }
  }

  /** The milestones of a public investment project, in order (gdnn.plan.milestones). */
  @Component("planMilestones")
  public static class Milestones {
    private final PlanProperties properties;

    public Milestones(PlanProperties properties) {
      this.properties = properties;
    }

    public List<String> names() {
      return List.copyOf(properties.getMilestones());
    }
  }
}
