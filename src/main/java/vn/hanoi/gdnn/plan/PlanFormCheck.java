package vn.hanoi.gdnn.plan;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.land.EnforcementTiming;
import vn.hanoi.gdnn.procedure.TaskInput;

/**
 * Server-side check of what the plan's task forms submitted, run as each user task's {@code end} execution
 * listener (a failure answers 400 naming the field and keeps the task open). The rules are chosen by the task's
 * form ({@code camunda:formRef}), so a form and its check stay together whatever task uses it.
 */
@Component("planFormCheck")
public class PlanFormCheck implements ExecutionListener {

  private final Map<String, Consumer<TaskInput>> rules;

  public PlanFormCheck(PlanUnits units, EnforcementTiming enforcement) {
    SchoolScheme scheme = new SchoolScheme(units);
    rules = Map.ofEntries(
      Map.entry("reorganisation-scheme", in -> {
        in.requireText("draftReference", "Đề án", 3);
        scheme.accept(in.scope());
      }),
      Map.entry("interior-appraisal", in -> {
        if ("revise".equals(in.requireChoice("interiorOutcome", "Kết quả thẩm định", "pass", "revise"))) {
          in.requireText("interiorReasons", "Nội dung yêu cầu hoàn thiện", 10);
        }
        in.requireText("interiorAppraisalNumber", "Số, ngày văn bản thẩm định", 3);
      }),
      Map.entry("plan-draft", in -> in.requireText("draftReference", "Dự thảo", 3)),
      Map.entry("plan-work-report", in -> in.requireText("workSummary", "Kết quả thực hiện", 10)),
      Map.entry("plan-revision", in -> in.requireText("revisionNote", "Nội dung đã tiếp thu, chỉnh sửa", 10)),
      Map.entry("plan-leader-review", in -> {
        if ("return".equals(in.requireChoice("leaderDecision", "Ý kiến của lãnh đạo", "approve", "return"))) {
          in.requireText("leaderReasons", "Lý do trả lại", 10);
        }
      }),
      Map.entry("land-survey", in -> {
        in.requireText("workSummary", "Kết quả khảo sát", 10);
        if (requireBoolean(in, "landRecoveryNeeded", "Phải thu hồi đất")) {
          in.requireChoice("landType", "Loại đất bị thu hồi", "agricultural", "other");
          String commune = in.requireText("landCommune", "UBND cấp xã nơi có đất", 2);
          if (!units.isCommune(commune)) {
            throw invalid("landCommune", "Trường \"UBND cấp xã nơi có đất\" (landCommune) phải là một UBND xã, "
                + "phường trong danh bạ tổ chức, nhận được: " + commune);
          }
        }
      }),
      Map.entry("land-inventory", in -> {
        in.requireText("workSummary", "Kết quả kiểm đếm", 10);
        requireBoolean(in, "inventoryAgreed", "Người sử dụng đất chấp hành việc kiểm đếm");
      }),
      Map.entry("land-notice", in -> {
        in.requireText("noticeNumber", "Số, ký hiệu và ngày Thông báo thu hồi đất", 3);
        in.requireText("workSummary", "Nội dung thông báo", 10);
      }),
      Map.entry("land-decision", in -> {
        in.requireText("decisionNumber", "Số, ký hiệu và ngày quyết định", 3);
        in.requireText("workSummary", "Nội dung chính", 10);
      }),
      Map.entry("land-plan-meeting", in -> {
        in.requireText("workSummary", "Kết quả họp, ý kiến đóng góp", 10);
        requireBoolean(in, "objectionsRemain", "Còn ý kiến không đồng ý với phương án");
      }),
      Map.entry("land-handover", in -> {
        in.requireText("workSummary", "Kết quả bàn giao đất", 10);
        requireBoolean(in, "landHandedOver", "Người có đất thu hồi đã bàn giao toàn bộ đất");
      }),
      Map.entry("land-enforcement-plan", in -> {
        checkEnforcementTime(in, enforcement);
        in.requireText("workSummary", "Kế hoạch cưỡng chế", 10);
      }),
      Map.entry("recovery-decision", in -> {
        in.requireText("recoveryDecisionNumber", "Số, ngày Quyết định thu hồi đất", 3);
        in.requireText("workSummary", "Nội dung chính", 10);
      }),
      Map.entry("handover-record", in -> {
        in.requireText("handoverRecordNumber", "Số, ngày biên bản bàn giao", 3);
        in.requireText("workSummary", "Diện tích, mốc giới đã bàn giao", 10);
      }),
      Map.entry("school-proposal", in -> {
        in.requireChoice("schoolType", "Loại trường", "trung-cap", "cao-dang");
        in.requireText("draftReference", "Phương án", 3);
      }),
      Map.entry("council-result", in -> {
        if ("revise".equals(in.requireChoice("councilOutcome", "Kết luận của Hội đồng", "pass", "revise"))) {
          in.requireText("councilReasons", "Nội dung yêu cầu hoàn thiện", 10);
        }
      }),
      Map.entry("ministry-result", in -> {
        in.requireChoice("ministryOutcome", "Kết quả", "approved", "rejected");
        in.requireText("resultSummary", "Nội dung chính của văn bản", 10);
      }),
      Map.entry("follow-up", in -> in.requireText("followUpNote", "Nội dung đôn đốc", 10)),
      Map.entry("finance-opinion", in -> {
        in.requireChoice("financeOpinion", "Ý kiến", "agree", "disagree");
        in.requireText("financeOpinionText", "Nội dung ý kiến", 10);
      }),
      Map.entry("standing-committee", in -> {
        in.requireChoice("standingCommitteeOutcome", "Ý kiến", "agree", "disagree");
        in.requireText("standingCommitteeText", "Nội dung ý kiến", 10);
      }),
      Map.entry("activity-report", in -> in.requireText("resultSummary", "Kết quả thực hiện", 10)),
      Map.entry("milestone-report", in -> in.requireText("workSummary", "Kết quả thực hiện mốc", 10)),
      Map.entry("progress-report", in -> in.requireText("progressReport", "Báo cáo tiến độ", 10)),
      Map.entry("report-consolidation", in -> in.requireText("workSummary", "Báo cáo tổng hợp", 20)));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // cancelled (amendment, interrupting event): nothing was submitted
    }
    FlowElement element = execution.getBpmnModelElementInstance();
    if (!(element instanceof UserTask task) || task.getCamundaFormRef() == null) {
      return;
    }
    Consumer<TaskInput> rule = rules.get(task.getCamundaFormRef());
    if (rule != null) {
      rule.accept(TaskInput.of(execution));
    }
  }

  /**
   * The enforcement time must be a date and time, not in the past, and allowed by the Land Law (no night, day
   * off, holiday or Tết period); it is stored as users read it ({@code HH:mm dd/MM/yyyy}).
   */
  static void checkEnforcementTime(TaskInput in, EnforcementTiming enforcement) {
    String key = "enforcementAt";
    String label = "Thời điểm cưỡng chế";
    Object value = in.value(key);
    ZonedDateTime at = enforcement.parse(value).orElseThrow(() -> invalid(key, "Trường \"" + label + "\" (" + key
        + ") phải là ngày giờ hợp lệ (giờ:phút ngày/tháng/năm), nhận được: " + value));
    if (at.toInstant().isBefore(ClockUtil.getCurrentTime().toInstant())) {
      throw invalid(key, "Trường \"" + label + "\" (" + key + ") không được trước thời điểm hiện tại, nhận được: "
          + enforcement.format(at));
    }
    enforcement.refusal(at).ifPresent(reason -> {
      throw invalid(key, "Trường \"" + label + "\" (" + key + "): " + reason);
    });
    in.set(key, enforcement.format(at));
  }

  static boolean requireBoolean(TaskInput in, String key, String label) {
    return Boolean.parseBoolean(in.requireChoice(key, label, "true", "false"));
  }

  /** Thrown for a value of the wrong kind, like TaskInput's own checks. */
  static FormFieldValidationException invalid(String key, String message) {
    return new FormFieldValidationException(key, message);
  }
}
