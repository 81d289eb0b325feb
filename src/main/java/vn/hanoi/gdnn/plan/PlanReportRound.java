package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;

/**
 * A periodic reporting round (periodic-report.bpmn): everyone the plan addresses reports — the lead and the
 * co-operating units of the open deliverables, every unit of the kinds the plan addresses as a whole
 * ({@code gdnn.plan.reporting-kinds}: public and non-public schools, GDNN-GDTX centres) and the communes where a
 * deliverable is under way (a land recovery's {@code landCommune}). Each gets its deliverables and where each
 * stands pre-filled ({@code unitSummaries}); each unit's report is collected into {@code unitReports} and the
 * text the consolidation form shows. When the round starts is configuration too ({@link #schedule()}).
 */
@Component("planReportRound")
public class PlanReportRound implements JavaDelegate {

  private static final Set<String> FINISHED = Set.of(DeliverableStatus.DONE.code(),
      DeliverableStatus.CANCELLED.code(), DeliverableStatus.REJECTED.code());

  private final Supplier<List<PlanReadModel.Row>> deliverables;
  private final PlanProperties properties;
  private final Supplier<List<String>> addressedUnits;
  private final Supplier<Set<String>> communesInvolved;

  @Autowired
  public PlanReportRound(ObjectProvider<PlanReadModel> readModel, PlanProperties properties,
      OrganisationDirectory directory, ObjectProvider<ProcessEngine> engine) {
    this(() -> readModel.getObject().list(null, null, null, null), properties,
        () -> directory.unitsWithGroups().stream().filter(u -> properties.getReportingKinds().contains(u.kind()))
            .map(Unit::code).toList(),
        () -> communesInvolved(engine.getObject()));
  }

  PlanReportRound(Supplier<List<PlanReadModel.Row>> deliverables, PlanProperties properties,
      Supplier<List<String>> addressedUnits, Supplier<Set<String>> communesInvolved) {
    this.deliverables = deliverables;
    this.properties = properties;
    this.addressedUnits = addressedUnits;
    this.communesInvolved = communesInvolved;
  }

  /**
   * A round that only knows its schedule: for an engine without the application's beans (a standalone engine that
   * deploys the models needs the timer's cycle at deployment, before any round runs).
   */
  public static PlanReportRound withSchedule(PlanProperties properties) {
    return new PlanReportRound(List::of, properties, List::of, Set::of);
  }

  /** The communes named as where land is recovered by a running deliverable. */
  static Set<String> communesInvolved(ProcessEngine engine) {
    Set<String> communes = new TreeSet<>();
    for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery().variableName("landCommune")
        .list()) {
      if (v.getValue() instanceof String code && !code.isBlank()) {
        communes.add(code);
      }
    }
    return communes;
  }

  /** The round's cron (timer start of periodic-report.bpmn): {@code gdnn.plan.report-schedule}. */
  public String schedule() {
    return properties.getReportSchedule();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = Dates.toLocalDate(ClockUtil.getCurrentTime());
    String period = today.getMonthValue() <= 6 ? "6 tháng đầu năm " + today.getYear() : "năm " + today.getYear();
    // by default the round starts on 01/6 (six-month report) and on 01/12 (yearly report): schedule()
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (PlanReadModel.Row row : deliverables.get()) {
      boolean finishedEarlier = FINISHED.contains(row.status().code());
      if (finishedEarlier || DeliverableStatus.NOT_STARTED.code().equals(row.status().code())) {
        continue;
      }
      String holder = row.currentSteps().isEmpty() ? "" : "; bước hiện tại: " + row.currentSteps().get(0).task();
      String line = row.code() + " " + row.title() + " (hạn " + row.deadline() + "): " + row.status().label()
          + holder;
      lines.computeIfAbsent(row.lead().code(), u -> new ArrayList<>()).add("- Chủ trì " + line);
      for (PlanReadModel.Unit co : row.coUnits()) {
        lines.computeIfAbsent(co.code(), u -> new ArrayList<>()).add("- Phối hợp " + line);
      }
    }
    for (String unit : addressedUnits.get()) {
      lines.computeIfAbsent(unit, u -> new ArrayList<>(List.of("- Báo cáo tình hình thực hiện Kế hoạch tại đơn vị "
          + "(không chủ trì, phối hợp nhiệm vụ đang thực hiện).")));
    }
    for (String commune : communesInvolved.get()) {
      lines.computeIfAbsent(commune, u -> new ArrayList<>()).add("- Báo cáo tiến độ thu hồi đất, giao đất cho cơ "
          + "sở giáo dục nghề nghiệp trên địa bàn.");
    }
    HashMap<String, String> summaries = new HashMap<>();
    lines.forEach((unit, list) -> summaries.put(unit, String.join("\n", list)));
    properties.getPeriods().forEach((name, days) -> execution.setVariable(name + "Days", days));
    execution.setVariable("reportPeriod", "Báo cáo kết quả thực hiện Kế hoạch 115/KH-UBND " + period);
    execution.setVariable("reportingUnits", new ArrayList<>(new TreeSet<>(summaries.keySet())));
    execution.setVariable("unitSummaries", summaries);
    execution.setVariable("unitReports", new HashMap<String, String>());
    execution.setVariable("unitReportsText", "");
  }

  /** Create listener of a unit's report task: pre-fills the unit's deliverables and their state. */
  @SuppressWarnings("unchecked")
  public void prefill(DelegateTask task) {
    Map<String, String> summaries = (Map<String, String>) task.getVariable("unitSummaries");
    Object unit = task.getVariable("reportingUnit");
    task.setVariableLocal("unitDeliverables", summaries == null ? "" : summaries.getOrDefault(unit, ""));
  }

  /** Keeps one unit's report (end listener of the unit's task, after the form check). */
  @SuppressWarnings("unchecked")
  public void collect(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String unit = (String) execution.getVariable("reportingUnit");
    Map<String, String> reports = new HashMap<>((Map<String, String>) execution.getVariable("unitReports"));
    reports.put(unit, String.valueOf(execution.getVariable("progressReport")).strip());
    StringBuilder text = new StringBuilder();
    new TreeSet<>(reports.keySet()).forEach(u -> text.append(u).append(": ").append(reports.get(u)).append("\n\n"));
    execution.getProcessInstance().setVariable("unitReports", new HashMap<>(reports));
    execution.getProcessInstance().setVariable("unitReportsText", text.toString().strip());
  }
}
