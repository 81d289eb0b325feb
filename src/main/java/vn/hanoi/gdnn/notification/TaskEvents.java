package vn.hanoi.gdnn.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.calendar.DeadlineWatch;
import vn.hanoi.gdnn.delegation.Absence;
import vn.hanoi.gdnn.delegation.DelegationRule;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * Notifications caused by user tasks, written in the task's own transaction: a task arriving for a person or a
 * unit, a task handed to someone by another person, the deadline's escalation task, and decisions on a
 * submission (approved / returned / rejected) for the people of the lead unit who worked on it.
 */
@Component
public class TaskEvents {

  /** A decision field of a form, with the field holding its reasons. */
  record DecisionField(String variable, String reasons) {
  }

  /** Forms that carry a decision, by form id (forms/*.form). */
  static final Map<String, DecisionField> DECISION_FORMS = Map.of(
      "submission-sign-off", new DecisionField("signOffDecision", "signOffReasons"),
      "draft-sign-off", new DecisionField("signOffDecision", "signOffReasons"),
      "submission-office-check", new DecisionField("officeCheckResult", "officeCheckReasons"),
      "submission-decision", new DecisionField("approvalDecision", "decisionReasons"),
      "plan-leader-review", new DecisionField("leaderDecision", "leaderReasons"),
      "legal-appraisal", new DecisionField("appraisalResult", "appraisalOpinion"));

  private final Outbox outbox;
  private final People people;
  private final Templates templates;
  private final NotificationProperties properties;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final DelegationRule delegation;

  public TaskEvents(Outbox outbox, People people, Templates templates, NotificationProperties properties,
      @Lazy TaskService tasks, @Lazy HistoryService history, @Lazy IdentityService identity,
      @Lazy DelegationRule delegation) {
    this.delegation = delegation;
    this.outbox = outbox;
    this.people = people;
    this.templates = templates;
    this.properties = properties;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
  }

  /** create: a task without an assignee goes to its units' members, one mail per unit. */
  void created(DelegateTask task) {
    if (!outbox.isOn()) {
      return; // nothing is sent: no recipients, facts or templates to compute
    }
    if (DeadlineWatch.isDeadlineProcess(processKey(task))) {
      escalated(task);
      return;
    }
    if (task.getAssignee() != null) {
      return; // the assignment event that follows the create event tells the person
    }
    TaskFacts facts = facts(task);
    for (String group : facts.unitGroups()) {
      // those the mail can reach: a member without an address does not make it a unit mail
      List<Person> members = people.immediateMembersOf(List.of(group)).stream().filter(p -> p.email() != null)
          .toList();
      Map<String, String> values = facts.values();
      values.put("unit", people.groupName(group));
      outbox.write(members.size() == 1 ? Kind.TASK_FOR_PERSON : Kind.TASK_FOR_UNIT, members,
          members.size() == 1 ? personal(facts, members.get(0), "") : templates.render(Kind.TASK_FOR_UNIT, values),
          task.getId(), facts.businessKey());
    }
  }

  /** assignment: the new holder is told, unless they took the task themselves. */
  void assigned(DelegateTask task, String note) {
    if (!outbox.isOn()) {
      return;
    }
    String assignee = task.getAssignee();
    String actor = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (assignee == null || assignee.equals(actor) || DeadlineWatch.isDeadlineProcess(processKey(task))) {
      return;
    }
    TaskFacts facts = facts(task);
    Object leader = task.getVariableLocal(DelegationRule.ON_BEHALF_OF);
    Optional<Absence> absence = leader == null ? Optional.empty() : delegation.absenceOf(leader.toString(),
        processKey(task), ClockUtil.getCurrentTime().toInstant());
    for (Person person : people.immediate(List.of(assignee))) {
      Mail mail = absence.map(a -> onBehalf(facts, person, a)).orElseGet(() -> personal(facts, person, note));
      outbox.write(absence.isPresent() ? Kind.DELEGATION : Kind.TASK_FOR_PERSON, List.of(person), mail,
          task.getId(), facts.businessKey());
    }
  }

  /** complete of a task whose form carries a decision: the lead unit's people who worked on the case. */
  void decided(DelegateTask task, DecisionField field) {
    if (!outbox.isOn()) {
      return;
    }
    Object decision = task.getVariable(field.variable());
    String label = decisionLabel(decision);
    if (label == null) {
      return;
    }
    String decider = task.getAssignee() != null ? task.getAssignee()
        : Context.getCommandContext().getAuthenticatedUserId();
    TaskFacts facts = facts(task);
    Object lead = task.getVariable("leadUnit");
    List<String> workedOnIt = new ArrayList<>();
    if (lead instanceof String unit && facts.businessKey() != null) {
      for (HistoricTaskInstance done : history.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(facts.businessKey()).finished().taskAssigned().list()) {
        String who = done.getAssignee();
        if (!who.equals(decider) && !workedOnIt.contains(who) && (identity.createUserQuery().userId(who)
            .memberOfGroup(unit).count() + identity.createUserQuery().userId(who)
            .memberOfGroup(Groups.leadersOf(unit)).count() > 0)) {
          workedOnIt.add(who);
        }
      }
    }
    Object reasons = task.getVariable(field.reasons());
    for (Person person : people.immediate(workedOnIt)) {
      Map<String, String> values = facts.values();
      values.put("recipient", person.name());
      values.put("decision", label);
      values.put("decider", people.nameOf(decider));
      values.put("decidedOn", TaskFacts.date(ClockUtil.getCurrentTime()));
      values.put("reasons", reasons == null || reasons.toString().isBlank() ? "không có" : reasons.toString());
      outbox.write(Kind.DECISION, List.of(person), templates.render(Kind.DECISION, values), task.getId(),
          facts.businessKey());
    }
  }

  /** The deadline's escalation task: the monitoring team (link to it) and the watched unit's leaders. */
  private void escalated(DelegateTask escalation) {
    String watchedId = (String) escalation.getVariable(DeadlineWatch.TASK_ID);
    Task watched = watchedId == null ? null : tasks.createTaskQuery().taskId(watchedId).singleResult();
    if (watched == null) {
      return;
    }
    TaskFacts facts = TaskFacts.of(watched, tasks.getVariables(watchedId, TaskFacts.VARIABLES),
        tasks.getIdentityLinksForTask(watchedId), escalation.getExecution().getProcessBusinessKey(), properties);
    Object count = escalation.getVariable(DeadlineWatch.REMINDER_COUNT);
    Object unitName = escalation.getVariable(DeadlineWatch.UNIT_NAME);
    Map<String, String> values = facts.values();
    values.put("count", String.valueOf(count == null ? "" : count));
    values.put("unit", unitName == null ? "—" : unitName.toString());
    for (Person monitor : people.immediateMembersOf(escalation.getCandidates().stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList())) {
      Map<String, String> own = new java.util.LinkedHashMap<>(values);
      own.put("recipient", monitor.name());
      own.put("link", properties.taskLink(escalation.getId()));
      outbox.write(Kind.ESCALATION, List.of(monitor), templates.render(Kind.ESCALATION, own), escalation.getId(),
          facts.businessKey());
    }
    List<String> leaders = facts.unitGroups().stream().map(Groups::unitCodeOf).distinct().map(Groups::leadersOf)
        .toList();
    List<Person> unitLeaders = people.immediateMembersOf(leaders);
    if (!unitLeaders.isEmpty()) {
      values.put("recipient", "Lãnh đạo " + values.get("unit"));
      outbox.write(Kind.ESCALATION, unitLeaders, templates.render(Kind.ESCALATION, values), watchedId,
          facts.businessKey());
    }
  }

  private Mail onBehalf(TaskFacts facts, Person person, Absence absence) {
    Map<String, String> values = facts.values();
    values.put("recipient", person.name());
    values.put("leader", people.nameOf(absence.leaderId()));
    values.put("from", absence.period().split(" – ")[0]);
    values.put("to", absence.period().split(" – ")[1]);
    return templates.render(Kind.DELEGATION, values);
  }

  Mail personal(TaskFacts facts, Person person, String note) {
    Map<String, String> values = facts.values();
    values.put("recipient", person.name());
    values.put("note", note == null || note.isBlank() ? "" : "\n" + note + "\n");
    return templates.render(Kind.TASK_FOR_PERSON, values);
  }

  TaskFacts facts(DelegateTask task) {
    return TaskFacts.of(taskView(task), TaskFacts.variablesOf(task), new ArrayList<>(task.getCandidates()),
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), properties);
  }

  static String decisionLabel(Object decision) {
    if (decision == null) {
      return null;
    }
    return switch (decision.toString()) {
      case "approve", "accept", "pass" -> "Được chấp thuận";
      case "return", "revise" -> "Trả lại để chỉnh sửa";
      case "reject" -> "Bị từ chối";
      default -> null;
    };
  }

  private static String processKey(DelegateTask task) {
    return Optional.ofNullable(task.getProcessDefinitionId()).map(id -> id.split(":")[0]).orElse(null);
  }

  /** A DelegateTask is a TaskEntity, which is a Task. */
  private static Task taskView(DelegateTask task) {
    return (Task) task;
  }
}
