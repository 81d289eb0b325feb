package vn.hanoi.gdnn.plan;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.procedure.JsonVariables;

/**
 * What an amendment or a launch does to the process instances of a deliverable, through the engine's API. A
 * deliverable's work runs in its lifecycle instance (business key = the occurrence's key) and in the shared
 * procedures it calls, which carry the same business key.
 */
@Component
public class DeliverableProcesses {

  /** Message of the lifecycles' interrupting event subprocess "Nhiệm vụ bị hủy". */
  public static final String CANCEL_MESSAGE = "DeliverableCancelled";
  /** The lifecycles' non-interrupting timer "Đến hạn hoàn thành nhiệm vụ" (timeDate ${deadline}). */
  public static final String DEADLINE_TIMER = "Event_DeadlineReached";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final PlanProperties properties;

  public DeliverableProcesses(RuntimeService runtime, TaskService tasks, ManagementService management,
      PlanProperties properties) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.properties = properties;
  }

  /** The variables a lifecycle starts with (see docs/plan.md). */
  public Map<String, Object> variables(Deliverable d, Occurrence o) {
    Map<String, Object> v = new HashMap<>();
    v.put("deliverableCode", d.code());
    v.put("deliverableTitle", d.titleFor(o.year()));
    v.put("deliverableYear", o.year());
    v.put("leadUnit", d.leadUnit());
    v.put("coUnits", JsonVariables.json(d.coUnits()));
    v.put("deadline", Dates.endOfDay(o.due()));
    v.put("periodStart", Dates.startOfDay(o.periodStart()));
    v.put("area", d.area().number() + ". " + d.area().title());
    v.put("product", d.product());
    v.put("signer", d.signer());
    properties.getPeriods().forEach((name, days) -> v.put(name + "Days", days));
    d.periods().forEach((name, days) -> v.put(name + "Days", days));
    v.putAll(decisionVariables(d.decision()));
    return v;
  }

  /**
   * The catalogue's decision route as the lifecycle reads it: who decides (procedure.UbndDeciders), which HĐND
   * committee reviews, whether a policy impact assessment and a price appraisal are due.
   */
  public static Map<String, Object> decisionVariables(DecisionRoute route) {
    Map<String, Object> v = new HashMap<>();
    v.put("decisionField", route.fieldOrDefault());
    v.put("decidedBy", route.chairDecides() ? DecisionRoute.CHAIR : "field");
    if (route.committee() != null) {
      v.put("hdndCommittee", route.committee());
    }
    v.put("pilotPolicy", route.isPilot());
    v.put("pricesSet", route.setsPrices());
    return v;
  }

  public ProcessInstance start(Deliverable d, Occurrence o) {
    return runtime.createProcessInstanceByKey(d.lifecycle()).businessKey(o.businessKey())
        .setVariables(variables(d, o)).execute();
  }

  /** The running lifecycle instance of an occurrence, or null when it has ended. */
  public ProcessInstance running(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Ends the lifecycle through its event subprocess "Nhiệm vụ bị hủy", so history shows why. */
  public void cancel(String processInstanceId, String reason, String author) {
    runtime.createMessageCorrelation(CANCEL_MESSAGE).processInstanceId(processInstanceId)
        .setVariable("cancelReason", reason).setVariable("cancelledBy", author).correlate();
  }

  /** Moves the occurrence's work to another lead unit: the variable everywhere, and open tasks' groups. */
  public int reassign(String businessKey, String oldLead, String newLead) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list()) {
      if (runtime.getVariable(instance.getId(), "leadUnit") != null) {
        runtime.setVariable(instance.getId(), "leadUnit", newLead);
      }
    }
    int moved = 0;
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
      boolean changed = false;
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
          continue;
        }
        String replacement = replacementGroup(link.getGroupId(), oldLead, newLead);
        if (replacement != null) {
          tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
          tasks.addCandidateGroup(task.getId(), replacement);
          changed = true;
        }
      }
      if (changed) {
        if (task.getAssignee() != null) {
          tasks.setAssignee(task.getId(), null); // back to the new unit's queue
        }
        moved++;
      }
    }
    return moved;
  }

  static String replacementGroup(String group, String oldLead, String newLead) {
    if (group.equals(oldLead)) {
      return newLead;
    }
    if (group.equals(oldLead + "-lanh-dao")) {
      return newLead + "-lanh-dao";
    }
    return null;
  }

  /** Sets the deadline and moves the deadline timer to it (the timer's date is the expression ${deadline}). */
  public void changeDeadline(String processInstanceId, Date deadline) {
    runtime.setVariable(processInstanceId, "deadline", deadline);
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(DEADLINE_TIMER).list()) {
      management.recalculateJobDuedate(job.getId(), false);
    }
  }

  /** Updates descriptive variables (title, product, signer, co-operating units) of a running instance. */
  public void updateVariables(String processInstanceId, Map<String, Object> values) {
    runtime.setVariables(processInstanceId, values);
  }

  public List<String> runningInstances(List<PlanStore.Launch> launches) {
    List<String> ids = new ArrayList<>();
    for (PlanStore.Launch launch : launches) {
      if (running(launch.processInstanceId()) != null) {
        ids.add(launch.processInstanceId());
      }
    }
    return ids;
  }

  /** The deadline a running lifecycle instance currently has. */
  public Date deadlineOf(String processInstanceId) {
    return (Date) runtime.getVariable(processInstanceId, "deadline");
  }
}
