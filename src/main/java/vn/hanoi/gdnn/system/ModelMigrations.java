package vn.hanoi.gdnn.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The migrations shipped with model changes (docs/procedures.md, "Versions"), and what an administrator needs
 * to run them: instances per model version, a dry run, the migration itself. Everything goes through Camunda's
 * migration API, so the engine checks each plan, keeps jobs, tasks and called instances, and writes the
 * operation log under the administrator's name.
 */
@Component
public class ModelMigrations {

  /** Lifecycles calling procedures by version tag, with their call activities behind async continuations. */
  static final List<String> LIFECYCLES_WITH_CALLS = List.of("lifecycleUbndDecision", "lifecycleHdndPolicy",
      "lifecycleLandReview", "lifecycleLandHandover", "lifecycleSchoolReorganisation", "lifecycleCentralProposal",
      "lifecycleJointVenture", "lifecycleAutonomyRoadmap", "lifecycleInvestmentProject");

  /**
   * 1.2.0 of 6.1 is a different procedure (a city-wide review and one case per school instead of one school's
   * case), so its step ids do not match: a 6.1 started on 1.1.0 finishes there (docs/plan.md).
   */
  static final List<String> LIFECYCLES_MOVED_TO_1_2_0 = LIFECYCLES_WITH_CALLS.stream()
      .filter(key -> !key.equals("lifecycleSchoolReorganisation")).toList();
  static final List<String> PROCEDURES_1_2_0 = List.of("hdndResolution", "issuance", "consultation",
      "legalAppraisal");

  /** Newest last. A model change adds its entry here, or says in docs/procedures.md why instances stay. */
  public static final List<PreparedMigration> PREPARED = List.of(
      new PreparedMigration("lifecycles-1.1.0", LIFECYCLES_WITH_CALLS, "1.0.0", "1.1.0",
          "Quy trình nhiệm vụ gọi thủ tục dùng chung theo phiên bản xác định và khởi động thủ tục qua bước"
              + " bất đồng bộ (lỗi thành sự cố được thử lại); bước xây dựng dự thảo (nếu có) yêu cầu đính kèm dự thảo; các"
              + " bước giữ nguyên mã nên chuyển toàn bộ."),
      new PreparedMigration("consultation-1.1.0", List.of("consultation"), "1.0.0", "1.1.0",
          "Bước tổng hợp ý kiến chạy qua bước bất đồng bộ; bước cho ý kiến yêu cầu đính kèm văn bản góp ý; các bước"
              + " giữ nguyên mã nên chuyển toàn bộ."),
      new PreparedMigration("procedures-1.1.0", List.of("legalAppraisal", "hdndResolution", "issuance"), "1.0.0",
          "1.1.0", "Các bước tạo văn bản yêu cầu đính kèm văn bản (báo cáo thẩm định, tờ trình, văn bản ban hành có"
              + " chữ ký số); các bước giữ nguyên mã nên chuyển toàn bộ."),
      // landRecovery 1.0.0 → 1.1.0 has none on purpose: the order of the legal steps changed (inventory now runs
      // during the notice, in a parallel branch a moved instance would lack), so a recovery already under way
      // finishes on 1.0.0; lifecycleLandHandover moves with lifecycles-1.2.0 (it calls landRecovery 1.1.0 there)
      // and only recoveries started after the move follow 1.1.0 (docs/procedures.md).
      new PreparedMigration("periodic-report-1.1.0", List.of("periodicReport"), "1.0.0", "1.1.0",
          "Kỳ báo cáo định kỳ theo lịch cấu hình (gdnn.plan.report-schedule) và gửi đến mọi đơn vị Kế hoạch hướng tới;"
              + " các bước giữ nguyên mã nên kỳ báo cáo đang chạy chuyển toàn bộ."),
      new PreparedMigration("lifecycles-1.2.0", LIFECYCLES_MOVED_TO_1_2_0, "1.1.0", "1.2.0",
          "Quy trình nhiệm vụ truyền dữ liệu cho thủ tục dùng chung theo một định nghĩa chung của từng thủ tục"
              + " (đầu vào, đầu ra) thay cho bản sao tại từng quy trình; ý kiến của Sở Tài chính (3.1, 8.2) do chuyên"
              + " viên dự thảo, lãnh đạo Sở ký, có số văn bản; các bước cũ giữ nguyên mã nên chuyển toàn bộ."),
      new PreparedMigration("ubnd-approval-1.1.0", List.of("ubndApproval"), "1.0.0", "1.1.0",
          "Tờ trình do lãnh đạo UBND phụ trách lĩnh vực quyết định, hoặc do tập thể UBND biểu quyết (phiên họp,"
              + " phiếu lấy ý kiến) khi quy trình yêu cầu; các bước cũ giữ nguyên mã nên chuyển toàn bộ."),
      new PreparedMigration("procedures-1.2.0", PROCEDURES_1_2_0, "1.1.0", "1.2.0",
          "Thủ tục theo Luật Ban hành văn bản quy phạm pháp luật 2025 và Nghị định 78/2025 (sửa đổi bởi Nghị định"
              + " 187/2025): Ban HĐND theo lĩnh vực thẩm tra, Chủ tịch HĐND ký chứng thực nghị quyết, đăng Công báo"
              + " điện tử và ngày có hiệu lực; ý kiến chính thức do lãnh đạo đơn vị ký duyệt, có số văn bản; đăng tải"
              + " dự thảo lấy ý kiến Nhân dân. Các bước cũ giữ nguyên mã nên chuyển toàn bộ."));

  private final ProcessEngine engine;

  public ModelMigrations(ProcessEngine engine) {
    this.engine = engine;
  }

  /** One deployed version of a process and its running instances. */
  public record ModelVersion(String processKey, int version, String versionTag, String definitionId,
      long runningInstances) {
  }

  /** Every deployed version of every process, by key then version. */
  public List<ModelVersion> versions() {
    List<ModelVersion> versions = new ArrayList<>();
    for (ProcessDefinition d : engine.getRepositoryService().createProcessDefinitionQuery()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().list()) {
      long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(d.getId()).count();
      versions.add(new ModelVersion(d.getKey(), d.getVersion(), d.getVersionTag(), d.getId(), running));
    }
    return versions;
  }

  /** What running a prepared migration would move now, per process key; nothing changes. */
  public record Step(String processKey, String from, String to, long instances, String problem) {
  }

  public record Outcome(String id, String reason, List<Step> steps, long migrated) {
  }

  public Optional<PreparedMigration> prepared(String id) {
    return PREPARED.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public Outcome check(PreparedMigration migration) {
    return apply(migration, false);
  }

  /**
   * Migrates every running instance of each source version (all source definitions carrying the tag) to the
   * newest definition carrying the target tag. Synchronous: the plan's instances number in the hundreds.
   */
  public Outcome run(PreparedMigration migration) {
    return apply(migration, true);
  }

  private Outcome apply(PreparedMigration migration, boolean execute) {
    List<Step> steps = new ArrayList<>();
    long migrated = 0;
    for (String key : migration.processKeys()) {
      Optional<ProcessDefinition> target = definitions(key, migration.toTag()).stream()
          .max(Comparator.comparingInt(ProcessDefinition::getVersion));
      for (ProcessDefinition source : definitions(key, migration.fromTag())) {
        String sourceName = key + ":" + source.getVersion();
        long instances = engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionId(source.getId()).count();
        if (target.isEmpty()) {
          steps.add(new Step(key, sourceName, null, instances,
              "Chưa triển khai phiên bản đích " + migration.toTag() + "."));
          continue;
        }
        String targetName = key + ":" + target.get().getVersion();
        MigrationPlan plan;
        try {
          plan = engine.getRuntimeService().createMigrationPlan(source.getId(), target.get().getId())
              .mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
          steps.add(new Step(key, sourceName, targetName, instances, "Kế hoạch chuyển đổi không hợp lệ: "
              + e.getMessage()));
          continue;
        }
        if (execute && instances > 0) {
          engine.getRuntimeService().newMigration(plan)
              .processInstanceQuery(engine.getRuntimeService().createProcessInstanceQuery()
                  .processDefinitionId(source.getId()))
              .execute();
          migrated += instances;
        }
        steps.add(new Step(key, sourceName, targetName, instances, null));
      }
    }
    return new Outcome(migration.id(), migration.reason(), steps, migrated);
  }

  private List<ProcessDefinition> definitions(String key, String tag) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).versionTag(tag)
        .list();
  }

  /** Versions grouped by key, for the API's answer. */
  public Map<String, List<ModelVersion>> versionsByKey() {
    Map<String, List<ModelVersion>> byKey = new LinkedHashMap<>();
    versions().forEach(v -> byKey.computeIfAbsent(v.processKey(), k -> new ArrayList<>()).add(v));
    return byKey;
  }
}
