package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
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
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
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

    /** Records when the compensation plan was approved: payment is due within landPaymentDays of it. */
    public void recordPlanApproval(DelegateExecution execution) {
      execution.setVariable("planApprovedAt", ClockUtil.getCurrentTime());
    }

    /**
     * When payment is due: landPaymentDays calendar days (30 by default, Land Law 2024 Art 94(3)(a)) after the
     * plan's approval, at the end of that day in Hà Nội.
     */
    public Date paymentDue(VariableScope scope) {
      Object approved = scope.getVariable("planApprovedAt");
      Object days = scope.getVariable("landPaymentDays");
      if (!(approved instanceof Date approvedAt) || !(days instanceof Number number) || number.intValue() < 1) {
        throw new ProcessEngineException("Thiếu ngày phê duyệt phương án (planApprovedAt) hoặc thời hạn chi trả "
            + "(landPaymentDays)");
      }
      LocalDate due = approvedAt.toInstant().atZone(HANOI).toLocalDate().plusDays(number.intValue());
      return Date.from(due.atTime(LocalTime.of(23, 59)).atZone(HANOI).toInstant());
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
