package vn.hanoi.gdnn.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import vn.hanoi.gdnn.delegation.DelegationRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.GdnnApplication;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * The audit trail of a deliverable (a process instance and every process it called), read from Camunda's
 * history: the steps it went through, each task with who completed it and when, and each decision and reason
 * with who gave it. Who completed a task comes from the user operation log (written for every authenticated
 * API or Tasklist call) and, failing that, from the historic task's assignee ({@link CompletingUserRecorder}).
 *
 * <p>History is read without the engine's per-user checks; {@link AccessRules} (with {@link DeliverableAccess})
 * decides who may see the trail before this runs.
 */
@Component
public class AuditTrail {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of(GdnnApplication.ZONE));

  private final HistoryService historyService;
  private final CommandExecutor commandExecutor;
  private final Pattern decisionVariables;

  public AuditTrail(ProcessEngine processEngine,
      @Value("${gdnn.audit.decision-variables:.*(Decision|Reasons|Outcome|Opinion)|signatureBlock}") String decisionVariables) {
    this.historyService = processEngine.getHistoryService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.decisionVariables = Pattern.compile(decisionVariables);
  }

  /** The whole trail, or empty when no process instance has this id. */
  public record View(String processInstanceId, String businessKey, String processDefinitionKey,
      String processName, String leadUnit, String state, String startedAt, String endedAt,
      List<Step> steps, List<TaskEntry> tasks, List<Decision> decisions) {
  }

  /** A step (activity) the deliverable went through, in order. */
  public record Step(String processInstanceId, String activityId, String activityName, String activityType,
      String startedAt, String endedAt, String assignee, String calledProcessInstanceId) {
  }

  /** A user task: to whom it went, who completed it and when. */
  public record TaskEntry(String taskId, String taskDefinitionKey, String name, List<String> candidateGroups,
      String assignee, String completedBy, String createdAt, String completedAt, String status,
      String statusLabel, String signedOnBehalfOf, String signedAs) {
  }

  /** A decision or reason recorded by a task: variable, value, who and when. */
  public record Decision(String at, String by, String taskId, String taskName, String variable, String value) {
  }

  public Optional<View> load(String processInstanceId) {
    return Optional.ofNullable(commandExecutor.execute(
        context -> context.runWithoutAuthorization(() -> build(processInstanceId))));
  }

  private View build(String rootId) {
    HistoricProcessInstance root = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(rootId).singleResult();
    if (root == null) {
      return null;
    }
    List<String> instanceIds = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(rootId));
    while (!pending.isEmpty()) {
      String id = pending.poll();
      instanceIds.add(id);
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
          .forEach(child -> pending.add(child.getId()));
    }

    List<HistoricActivityInstance> activities = new ArrayList<>();
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (String id : instanceIds) {
      activities.addAll(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
      historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
          .orderByHistoricActivityInstanceStartTime().asc().list()
          .forEach(task -> tasks.put(task.getId(), task));
      for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(id)
          .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
        if (detail instanceof HistoricVariableUpdate update
            && decisionVariables.matcher(update.getVariableName()).matches()) {
          updates.add(update);
        }
      }
    }

    Map<String, String> assigneeByActivityInstance = new LinkedHashMap<>();
    tasks.values().stream().filter(t -> t.getAssignee() != null)
        .forEach(t -> assigneeByActivityInstance.put(t.getActivityInstanceId(), t.getAssignee()));
    List<Step> steps = activities.stream()
        .filter(a -> !"multiInstanceBody".equals(a.getActivityType()))
        // unnamed joining gateways are wiring, not steps anyone took
        .filter(a -> a.getActivityName() != null || !a.getActivityType().endsWith("Gateway"))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(a -> new Step(a.getProcessInstanceId(), a.getActivityId(), a.getActivityName(), a.getActivityType(),
            format(a.getStartTime()), format(a.getEndTime()),
            assigneeByActivityInstance.getOrDefault(a.getId(), a.getAssignee()), a.getCalledProcessInstanceId()))
        .toList();

    List<TaskEntry> taskEntries = tasks.values().stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime))
        .map(this::taskEntry).toList();

    List<Decision> decisions = updates.stream()
        .sorted(Comparator.comparing(HistoricDetail::getTime))
        .map(update -> decision(update, tasks)).toList();

    HistoricVariableInstance leadUnit = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(rootId).variableName("leadUnit").singleResult();

    return new View(root.getId(), root.getBusinessKey(), root.getProcessDefinitionKey(),
        root.getProcessDefinitionName(), leadUnit == null ? null : Objects.toString(leadUnit.getValue(), null),
        root.getState(), format(root.getStartTime()), format(root.getEndTime()), steps, taskEntries, decisions);
  }

  private TaskEntry taskEntry(HistoricTaskInstance task) {
    List<String> candidates = historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .type(IdentityLinkType.CANDIDATE).list().stream()
        .filter(link -> "add".equals(link.getOperationType()))
        .map(HistoricIdentityLinkLog::getGroupId).filter(Objects::nonNull).distinct().toList();
    String status;
    String label;
    String completedBy = null;
    if (task.getEndTime() == null) {
      status = "open";
      label = "Đang xử lý";
    } else if ("completed".equals(task.getDeleteReason())) {
      status = "completed";
      label = "Đã hoàn thành";
      completedBy = historyService.createUserOperationLogQuery().taskId(task.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
          .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
          .orElse(task.getAssignee());
    } else {
      status = "cancelled";
      label = "Đã hủy";
    }
    // a deputy's sign-off during a leader's absence (ủy quyền): both names, as the delegation recorded them
    Map<String, Object> signature = new LinkedHashMap<>();
    historyService.createHistoricVariableInstanceQuery().taskIdIn(task.getId())
        .variableNameIn(DelegationRule.SIGNED_ON_BEHALF_OF, DelegationRule.SIGNED_AS).list()
        .forEach(v -> signature.put(v.getName(), v.getValue()));
    return new TaskEntry(task.getId(), task.getTaskDefinitionKey(), task.getName(), candidates,
        task.getAssignee(), completedBy, format(task.getStartTime()), format(task.getEndTime()), status, label,
        (String) signature.get(DelegationRule.SIGNED_ON_BEHALF_OF), (String) signature.get(DelegationRule.SIGNED_AS));
  }

  private Decision decision(HistoricVariableUpdate update, Map<String, HistoricTaskInstance> tasks) {
    String by = null;
    String taskId = update.getTaskId();
    if (update.getUserOperationId() != null) {
      Optional<UserOperationLogEntry> entry = historyService.createUserOperationLogQuery()
          .operationId(update.getUserOperationId()).list().stream().findFirst();
      if (entry.isPresent()) {
        by = entry.get().getUserId();
        taskId = taskId != null ? taskId : entry.get().getTaskId();
      }
    }
    HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
    if (by == null && task != null) {
      by = task.getAssignee();
    }
    return new Decision(format(update.getTime()), by, taskId, task == null ? null : task.getName(),
        update.getVariableName(), update.getValue() == null ? null : update.getValue().toString());
  }

  static String format(Date date) {
    return date == null ? null : DATE_TIME.format(date.toInstant());
  }
}
