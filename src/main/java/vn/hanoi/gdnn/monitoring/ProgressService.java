package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.hanoi.gdnn.procedure.TaskNaming;

/**
 * Reads the progress of every deliverable of the plan with a fixed number of engine queries, whatever the number
 * of deliverables and tasks: history of the deliverables' variables, their root process instances, open tasks,
 * recently completed tasks, open incidents, jobs with no retries left and running closing procedures.
 *
 * <p>A deliverable is a root process instance carrying the variables {@code deliverableCode} and {@code area} (the
 * plan's data contract: each deliverable belongs to a content area of the plan); the procedures it calls share its
 * business key and are counted as part of it. Procedures started on their own for the city's other work carry a
 * code but no area of the plan: they are not read, so the report's cost follows the plan, not the city. Cancelled
 * deliverables are left out. Access is decided by the caller (managers and administrators read the whole plan):
 * the reads run without the engine's per-user authorization checks, which would otherwise need read grants on
 * every process, task and incident of the city.
 */
public class ProgressService {

  /** Ids per query: well under PostgreSQL's limit of 65,535 bind parameters. */
  static final int CHUNK = 1000;

  static final List<String> VARIABLES = List.of("deliverableCode", "deliverableTitle", "area", "areaTitle",
      "leadUnit", "coUnits", "deadline", "product", "documentNumber", "issuedOn");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBERED_AREA = Pattern.compile("(\\d+)\\.\\s*(.+)", Pattern.DOTALL);
  /** End events of the plan's lifecycles: "Đã hủy" leaves the deliverable out, "Bị từ chối" is noted. */
  static final String CANCELLED_END = "Event_Cancelled";
  static final String REJECTED_END = "Event_Rejected";

  private final ProcessEngine engine;
  private final HealthRules rules;
  private final MonitoringProperties properties;

  private final Prerequisites prerequisites;

  public ProgressService(ProcessEngine engine, HealthRules rules, MonitoringProperties properties) {
    this(engine, rules, properties, Prerequisites.NONE);
  }

  public ProgressService(ProcessEngine engine, HealthRules rules, MonitoringProperties properties,
      Prerequisites prerequisites) {
    this.engine = engine;
    this.rules = rules;
    this.properties = properties;
    this.prerequisites = prerequisites;
  }

  /**
   * Every deliverable (or those {@code unit} leads or co-operates in, as a unit reports on both), ordered by area
   * and code, assessed at the engine's clock.
   */
  public List<DeliverableProgress> deliverables(Optional<String> unit) {
    return asSystem(() -> read(unit, ClockUtil.getCurrentTime().toInstant()));
  }

  /** The name of the organisation's group {@code unit}, empty when there is no such group. */
  public Optional<String> unitName(String unit) {
    return asSystem(() -> Optional.ofNullable(engine.getIdentityService().createGroupQuery().groupId(unit)
        .singleResult()).map(g -> g.getName() == null ? g.getId() : g.getName()));
  }

  /** Counts per health, by content area and by lead unit. */
  public ProgressSummary summary(List<DeliverableProgress> deliverables) {
    Map<String, List<DeliverableProgress>> byArea = new TreeMap<>(ProgressService::compareCodes);
    Map<String, List<DeliverableProgress>> byUnit = new TreeMap<>();
    Map<String, String> areaTitles = new HashMap<>();
    Map<String, String> unitNames = new HashMap<>();
    for (DeliverableProgress d : deliverables) {
      String area = d.area() == null ? "" : d.area();
      byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(d);
      areaTitles.putIfAbsent(area, d.areaTitle());
      String lead = d.leadUnit() == null ? "" : d.leadUnit();
      byUnit.computeIfAbsent(lead, u -> new ArrayList<>()).add(d);
      unitNames.putIfAbsent(lead, d.leadUnitName());
    }
    List<ProgressSummary.Group> areas = byArea.entrySet().stream()
        .map(e -> ProgressSummary.group(e.getKey(), areaTitles.get(e.getKey()), e.getValue())).toList();
    List<ProgressSummary.Group> units = byUnit.entrySet().stream()
        .map(e -> ProgressSummary.group(e.getKey(), unitNames.get(e.getKey()), e.getValue())).toList();
    return new ProgressSummary(ProgressSummary.counts(deliverables), areas, units);
  }

  private List<DeliverableProgress> read(Optional<String> unit, Instant now) {
    HistoryService history = engine.getHistoryService();

    // Deliverables are root instances in a content area of the plan: the procedures they call carry the area too,
    // so start from the roots and read only their variables, in chunks the database accepts as bind parameters.
    Map<String, HistoricProcessInstance> candidates = new HashMap<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().rootProcessInstances()
        .variableValueLike("area", "%").list()) {
      candidates.put(pi.getId(), pi);
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (List<String> ids : chunks(candidates.keySet())) {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new))
          .variableNameIn(VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
          variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), value(v));
        }
      }
    }
    variables.values().removeIf(vars -> vars.get("deliverableCode") == null);
    // a unit's own list is cut at the end: its deliverables' prerequisites may be another unit's
    if (variables.isEmpty()) {
      return List.of();
    }

    Map<String, HistoricProcessInstance> roots = new HashMap<>();
    for (String id : variables.keySet()) {
      HistoricProcessInstance pi = candidates.get(id);
      String state = pi.getState();
      boolean cancelled = pi.getEndActivityId() != null && pi.getEndActivityId().startsWith(CANCELLED_END);
      if (!cancelled && !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state)
          && !HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(state)) {
        roots.put(pi.getId(), pi);
      }
    }
    List<String> businessKeys = roots.values().stream().map(HistoricProcessInstance::getBusinessKey)
        .filter(k -> k != null).distinct().toList();

    Map<String, List<String>> openSteps = new HashMap<>();
    Set<String> nearEnd = new HashSet<>();
    Map<String, Instant> lastCompleted = new HashMap<>();
    Date idleThreshold = Date.from(rules.idleThreshold(now));
    for (List<String> keys : chunks(businessKeys)) {
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKeyIn(keys.toArray(String[]::new)).unfinished()
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        openSteps.computeIfAbsent(task.getRootProcessInstanceId(), id -> new ArrayList<>())
            .add(TaskNaming.stepOf(task.getName()));
        if (properties.closingTaskKeys().contains(task.getTaskDefinitionKey())) {
          nearEnd.add(task.getRootProcessInstanceId());
        }
      }
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKeyIn(keys.toArray(String[]::new)).finished().finishedAfter(idleThreshold)
          .list()) {
        if ("completed".equals(task.getDeleteReason()) && task.getEndTime() != null) {
          lastCompleted.merge(task.getRootProcessInstanceId(), task.getEndTime().toInstant(),
              (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }

    Map<String, Integer> incidents = new HashMap<>();
    for (HistoricIncident incident : history.createHistoricIncidentQuery().open().list()) {
      incidents.merge(incident.getRootProcessInstanceId(), 1, Integer::sum);
    }

    List<Job> failedJobs = engine.getManagementService().createJobQuery().noRetriesLeft().list();
    Map<String, Integer> failed = new HashMap<>();
    Set<String> jobInstances = failedJobs.stream().map(Job::getProcessInstanceId).filter(id -> id != null)
        .collect(Collectors.toSet());
    if (!jobInstances.isEmpty()) {
      Map<String, String> rootOf = new HashMap<>();
      for (List<String> ids : chunks(jobInstances)) {
        history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list()
            .forEach(pi -> rootOf.put(pi.getId(), pi.getRootProcessInstanceId()));
      }
      for (Job job : failedJobs) {
        String root = rootOf.get(job.getProcessInstanceId());
        if (root != null) {
          failed.merge(root, 1, Integer::sum);
        }
      }
    }

    if (!properties.closingProcessKeys().isEmpty()) {
      for (HistoricProcessInstance closing : history.createHistoricProcessInstanceQuery()
          .processDefinitionKeyIn(properties.closingProcessKeys().toArray(String[]::new)).unfinished().list()) {
        nearEnd.add(closing.getRootProcessInstanceId());
      }
    }

    Map<String, String> groupNames = engine.getIdentityService().createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName()));

    List<DeliverableProgress> result = new ArrayList<>();
    for (HistoricProcessInstance pi : roots.values()) {
      Map<String, Object> vars = variables.get(pi.getId());
      boolean completed = pi.getEndTime() != null;
      Instant deadline = instant(vars.get("deadline"));
      DeliverableFacts facts = new DeliverableFacts(deadline, pi.getStartTime().toInstant(),
          lastCompleted.get(pi.getId()), incidents.getOrDefault(pi.getId(), 0), failed.getOrDefault(pi.getId(), 0),
          nearEnd.contains(pi.getId()), completed);
      Assessment assessment = rules.assess(facts, now);
      if (completed && pi.getEndActivityId() != null && pi.getEndActivityId().startsWith(REJECTED_END)) {
        assessment = new Assessment(assessment.health(), List.of("Bị từ chối"));
      }
      String[] area = area(text(vars.get("area")), text(vars.get("areaTitle")));
      String leadUnit = text(vars.get("leadUnit"));
      List<String> coUnits = units(vars.get("coUnits"));
      String code = pi.getBusinessKey() != null ? pi.getBusinessKey() : text(vars.get("deliverableCode"));
      result.add(new DeliverableProgress(pi.getId(), code,
          text(vars.get("deliverableTitle")), area[0], area[1], leadUnit,
          leadUnit == null ? null : groupNames.getOrDefault(leadUnit, leadUnit), coUnits,
          coUnits.stream().map(u -> groupNames.getOrDefault(u, u)).toList(), deadline,
          text(vars.get("product")), result(vars), openSteps.getOrDefault(pi.getId(), List.of()),
          assessment.health(), assessment.notes(), !completed, List.of()));
    }
    result = new ArrayList<>(PrerequisiteRule.apply(result, prerequisites));
    if (unit.isPresent()) {
      result.removeIf(d -> !unit.get().equals(d.leadUnit()) && !d.coUnits().contains(unit.get()));
    }
    result.sort(Comparator.comparing((DeliverableProgress d) -> d.area() == null ? "" : d.area(),
        ProgressService::compareCodes).thenComparing(d -> d.code(), ProgressService::compareCodes));
    return result;
  }

  /**
   * The area's key and title: the plan stores one variable {@code area} "2. Phát triển đội ngũ…" (number and
   * title); other starters may give {@code area} "2" and {@code areaTitle} apart.
   */
  static String[] area(String area, String areaTitle) {
    if (area != null && areaTitle == null) {
      Matcher m = NUMBERED_AREA.matcher(area);
      if (m.matches()) {
        return new String[] {m.group(1), m.group(2).strip()};
      }
    }
    return new String[] {area, areaTitle};
  }

  /** A variable's value; a JSON variable (coUnits) as its text, without deserializing objects. */
  private static Object value(HistoricVariableInstance v) {
    TypedValue typed = v.getTypedValue();
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }

  private static String result(Map<String, Object> vars) {
    String product = text(vars.get("product"));
    String number = text(vars.get("documentNumber"));
    if (number == null) {
      return product;
    }
    String issued = vars.get("issuedOn") instanceof Date date ? ReportFormat.date(date.toInstant())
        : text(vars.get("issuedOn"));
    String document = "Số " + number + (issued == null ? "" : " ngày " + issued);
    return product == null ? document : product + ": " + document;
  }

  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    return null;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /** Unit codes from a list variable: a Java list, a JSON array (text or Spin JSON) or comma-separated text. */
  static List<String> units(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        return units(JSON.readValue(text, new TypeReference<List<String>>() { }));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Variable coUnits is not a JSON list of unit codes: " + text, e);
      }
    }
    return units(List.of(text.split(",")));
  }

  /** Orders "2" before "10" and "4.2" before "4.10": numeric parts compare as numbers. */
  static int compareCodes(String a, String b) {
    String[] x = a.split("[.\\-]");
    String[] y = b.split("[.\\-]");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
          ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private <T> T asSystem(Supplier<T> read) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Splits ids into lists small enough for one query's bind parameters (PostgreSQL allows 65,535). */
  static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** The message of a 400 answer for an unknown unit code. */
  public static String unknownUnit(String unit) {
    return "Không có đơn vị nào có mã \"" + unit + "\".";
  }
}
