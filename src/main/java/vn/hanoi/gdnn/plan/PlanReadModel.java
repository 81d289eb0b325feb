package vn.hanoi.gdnn.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.procedure.TaskNaming;

/**
 * Reads where every deliverable stands from the engine (runtime and history) and the plan's tables: the list of
 * occurrences with status, current steps and who holds them, and a deliverable's history.
 *
 * <p>Conventions the lifecycles follow: end events {@code Event_Done}, {@code Event_Rejected},
 * {@code Event_Cancelled}; a process waiting for its period to begin waits at {@code Event_WaitForPeriod}; an
 * activity that waits for a body outside the city's administration has "Await" in its id.
 */
@Component
public class PlanReadModel {

  static final Set<String> SIGN_OFF_VARIABLES = Set.of("approvalOutcome", "approvalRounds", "approvalReasons",
      "hdndOutcome", "resolutionNumber", "resolutionDate", "documentNumber", "issuedOn", "documentLink",
      "leaderDecision", "leaderReasons", "ministryOutcome", "ministryDecisionNumber", "councilOutcome",
      "schoolType", "landRecoveryNeeded", "handoverRecordNumber", "financeOpinion", "standingCommitteeOutcome",
      "chairDecision", "cancelReason", "resultSummary", "milestoneReport");

  private final PlanCatalogue catalogue;
  private final PlanStore store;
  private final PlanUnits units;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  public PlanReadModel(PlanCatalogue catalogue, PlanStore store, PlanUnits units, RuntimeService runtime,
      TaskService tasks, HistoryService history) {
    this.catalogue = catalogue;
    this.store = store;
    this.units = units;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  public record Unit(String code, String name) {
  }

  public record Status(String code, String label) {
  }

  public record Step(String taskId, String task, List<String> candidateGroups, String assignee, String since,
      String due) {
  }

  public record Row(String code, String deliverableCode, Integer year, String title, int area, String areaTitle,
      Unit lead, List<Unit> coUnits, String product, String signer, String deadline, Status status,
      List<Step> currentSteps, String processInstanceId, List<String> after, List<String> latePrerequisites) {

    /** A prerequisite (catalogue {@code after}) is overdue: this deliverable is at risk whatever its own state. */
    public boolean atRisk() {
      return !latePrerequisites.isEmpty();
    }

    Row withLatePrerequisites(List<String> late) {
      return new Row(code, deliverableCode, year, title, area, areaTitle, lead, coUnits, product, signer, deadline,
          status, currentSteps, processInstanceId, after, List.copyOf(late));
    }

    /**
     * The row as a person outside the deliverable sees it: where it stands and which units hold the current steps,
     * but not who holds them, nor the ids that lead to its tasks and history.
     */
    public Row withoutHolders() {
      return new Row(code, deliverableCode, year, title, area, areaTitle, lead, coUnits, product, signer, deadline,
          status, currentSteps.stream().map(s -> new Step(null, s.task(), s.candidateGroups(), null, s.since(),
              s.due())).toList(), null, after, latePrerequisites);
    }
  }

  public record HistoryEntry(String at, String ended, String kind, String step, String process, String assignee,
      String businessKey) {
  }

  public record SignOff(String businessKey, String name, Object value, String at) {
  }

  public record AmendmentView(String kind, String detail, String reason, String author, String at) {
  }

  public record Detail(String code, String title, int area, String areaTitle, String product, String signer,
      Unit lead, List<Unit> coUnits, String deadline, String lifecycle, String note, String seedText,
      boolean cancelled, List<Row> occurrences, List<HistoryEntry> history, List<SignOff> signOffs,
      List<AmendmentView> amendments, List<String> after) {
  }

  public List<Row> list(Integer area, String unit, String status, Boolean overdue) {
    Catalogue current = catalogue.current();
    Map<String, PlanStore.Launch> launches = new HashMap<>();
    store.launches().forEach(l -> launches.put(l.businessKey(), l));
    Map<String, PlanStore.StoredDeliverable> stored = new HashMap<>();
    store.deliverables().forEach(s -> stored.put(s.code(), s));
    List<Row> rows = new ArrayList<>();
    for (Deliverable d : current.deliverables()) {
      if (area != null && d.area().number() != area) {
        continue;
      }
      if (unit != null && !unit.equals(d.leadUnit()) && !d.coUnits().contains(unit)) {
        continue;
      }
      boolean cancelled = !stored.get(d.code()).active();
      for (Occurrence o : d.occurrences(current.planStart())) {
        Row row = row(d, o, launches.get(o.businessKey()), cancelled);
        if (status != null && !status.equals(row.status().code())) {
          continue;
        }
        if (Boolean.TRUE.equals(overdue) && !DeliverableStatus.OVERDUE.code().equals(row.status().code())) {
          continue;
        }
        rows.add(row);
      }
    }
    return withLatePrerequisites(rows, current, launches, stored);
  }

  /**
   * Marks the rows whose prerequisites (catalogue {@code after}) have an overdue occurrence. Prerequisites are
   * read whatever the filter, so a unit's own list still says its deliverable waits on another unit's late one.
   */
  private List<Row> withLatePrerequisites(List<Row> rows, Catalogue current, Map<String, PlanStore.Launch> launches,
      Map<String, PlanStore.StoredDeliverable> stored) {
    Map<String, Boolean> late = new HashMap<>();
    List<Row> marked = new ArrayList<>();
    for (Row row : rows) {
      List<String> lateOnes = row.after().stream().filter(code -> late.computeIfAbsent(code, c -> current.find(c)
          .map(p -> p.occurrences(current.planStart()).stream().anyMatch(o -> DeliverableStatus.OVERDUE.code()
              .equals(row(p, o, launches.get(o.businessKey()), stored.get(c) != null && !stored.get(c).active())
                  .status().code())))
          .orElse(false))).toList();
      marked.add(lateOnes.isEmpty() ? row : row.withLatePrerequisites(lateOnes));
    }
    return marked;
  }

  public Detail detail(String code) {
    Catalogue current = catalogue.current();
    Deliverable d = current.find(code).orElse(null);
    if (d == null) {
      return null;
    }
    boolean cancelled = !store.deliverable(code).orElseThrow().active();
    Map<String, PlanStore.Launch> launches = new HashMap<>();
    store.launches(code).forEach(l -> launches.put(l.businessKey(), l));
    List<Row> occurrences = new ArrayList<>();
    List<HistoryEntry> steps = new ArrayList<>();
    List<SignOff> signOffs = new ArrayList<>();
    for (Occurrence o : d.occurrences(current.planStart())) {
      occurrences.add(row(d, o, launches.get(o.businessKey()), cancelled));
      if (launches.containsKey(o.businessKey())) {
        steps.addAll(history(o.businessKey()));
        signOffs.addAll(signOffs(o.businessKey()));
      }
    }
    steps.sort(Comparator.comparing(HistoryEntry::businessKey).thenComparing(h -> h.at() == null ? "" : h.at()));
    List<AmendmentView> amendments = store.amendments(code).stream()
        .map(a -> new AmendmentView(a.kind(), a.detail(), a.reason(), a.author(), format(Date.from(a.madeAt()))))
        .toList();
    return new Detail(d.code(), d.title(), d.area().number(), d.area().title(), d.product(), d.signer(),
        unit(d.leadUnit()), d.coUnits().stream().map(this::unit).toList(), d.deadline().label(), d.lifecycle(),
        d.note(), d.seedText(), cancelled, occurrences, steps, signOffs, amendments, d.after());
  }

  private Row row(Deliverable d, Occurrence o, PlanStore.Launch launch, boolean cancelled) {
    String instanceId = launch == null ? null : launch.processInstanceId();
    Date deadline = Dates.endOfDay(o.due());
    DeliverableStatus status;
    List<Step> steps = List.of();
    String lead = d.leadUnit();
    if (instanceId == null) {
      status = cancelled ? DeliverableStatus.CANCELLED : DeliverableStatus.NOT_STARTED;
    } else {
      HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult();
      Object current = variable(instanceId, "deadline");
      if (current instanceof Date date) {
        deadline = date;
      }
      Object leadNow = variable(instanceId, "leadUnit");
      if (leadNow instanceof String s) {
        lead = s;
      }
      if (hpi.getEndTime() != null) {
        status = ended(hpi);
      } else {
        steps = currentSteps(o.businessKey());
        status = running(o.businessKey(), deadline);
      }
    }
    return new Row(o.businessKey(), d.code(), o.year(), d.titleFor(o.year()),
        d.area().number(), d.area().title(), unit(lead), d.coUnits().stream().map(this::unit).toList(), d.product(),
        d.signer(), Dates.format(deadline), new Status(status.code(), status.label()), steps, instanceId, d.after(),
        List.of());
  }

  private static DeliverableStatus ended(HistoricProcessInstance hpi) {
    String end = hpi.getEndActivityId();
    if (end == null || end.contains("Cancelled") || hpi.getDeleteReason() != null) {
      return DeliverableStatus.CANCELLED;
    }
    if (end.contains("Rejected")) {
      return DeliverableStatus.REJECTED;
    }
    return DeliverableStatus.DONE;
  }

  private DeliverableStatus running(String businessKey, Date deadline) {
    List<String> active = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .active().list()) {
      active.addAll(runtime.getActiveActivityIds(instance.getId()));
    }
    if (active.contains("Event_WaitForPeriod")) {
      return DeliverableStatus.NOT_STARTED;
    }
    if (deadline.before(ClockUtil.getCurrentTime())) {
      return DeliverableStatus.OVERDUE;
    }
    if (active.stream().anyMatch(a -> a.contains("Await"))) {
      return DeliverableStatus.WAITING_EXTERNAL;
    }
    return DeliverableStatus.IN_PROGRESS;
  }

  private List<Step> currentSteps(String businessKey) {
    List<Step> steps = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().asc()
        .list()) {
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList();
      steps.add(new Step(task.getId(), TaskNaming.stepOf(task.getName()), groups, task.getAssignee(),
          format(task.getCreateTime()), Dates.format(task.getDueDate())));
    }
    return steps;
  }

  private List<HistoryEntry> history(String businessKey) {
    List<HistoryEntry> entries = new ArrayList<>();
    Map<String, String> processNames = new LinkedHashMap<>();
    for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      processNames.put(p.getId(), p.getProcessDefinitionName() == null ? p.getProcessDefinitionKey()
          : p.getProcessDefinitionName());
    }
    for (String processInstanceId : processNames.keySet()) {
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
          .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list()) {
        if (a.getActivityName() == null || a.getActivityType().contains("Gateway")
            || "multiInstanceBody".equals(a.getActivityType())) {
          continue;
        }
        entries.add(new HistoryEntry(format(a.getStartTime()), format(a.getEndTime()), a.getActivityType(),
            a.getActivityName(), processNames.get(processInstanceId), a.getAssignee(), businessKey));
      }
    }
    return entries;
  }

  private List<SignOff> signOffs(String businessKey) {
    List<SignOff> list = new ArrayList<>();
    for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
          .list()) {
        if (SIGN_OFF_VARIABLES.contains(v.getName()) && v.getValue() != null) {
          Object value = v.getValue() instanceof Date date ? format(date) : v.getValue();
          list.add(new SignOff(businessKey, v.getName(), value, format(v.getCreateTime())));
        }
      }
    }
    return list;
  }

  private Object variable(String processInstanceId, String name) {
    List<HistoricVariableInstance> list = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).list();
    return list.stream().filter(v -> v.getActivityInstanceId() != null && v.getActivityInstanceId()
        .equals(processInstanceId)).map(HistoricVariableInstance::getValue).findFirst()
        .orElse(list.isEmpty() ? null : list.get(0).getValue());
  }

  private Unit unit(String code) {
    return new Unit(code, units.name(code));
  }

  private static String format(Date date) {
    return Dates.formatTime(date);
  }
}
