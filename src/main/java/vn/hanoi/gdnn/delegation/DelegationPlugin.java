package vn.hanoi.gdnn.delegation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.notification.People;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * Built-in listeners on every user task, for the absences in force ({@link DelegationRule} decides):
 * <ul>
 *   <li>{@code create}: a task created for an absent leader, or for the leaders' group of a unit whose leader is
 *   away, goes to the deputy, marked (as the absence's start step does for the tasks already open);</li>
 *   <li>{@code complete}: a task completed by the deputy for the leader is recorded as signed on the leader's
 *   behalf (task-local {@code signedOnBehalfOf}, {@code signedAs}, kept in history, and a comment in the task).</li>
 * </ul>
 */
@Component
public class DelegationPlugin extends AbstractCamundaConfiguration {

  private final DelegationRule rule;
  private final People people;

  public DelegationPlugin(@Lazy DelegationRule rule, @Lazy People people) {
    this.rule = rule;
    this.people = people;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, DelegationPlugin.this::created);
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              DelegationPlugin.this::completed);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void created(DelegateTask task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String kind = DelegationSteps.processKey((Task) task);
    Optional<Absence> absence = rule.absenceOf(task.getAssignee(), kind, now);
    boolean fromGroup = false;
    if (absence.isEmpty() && task.getAssignee() == null) {
      for (var link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && link.getGroupId().endsWith(Groups.LEADER_SUFFIX)) {
          absence = rule.absenceInUnit(Groups.unitCodeOf(link.getGroupId()), kind, now);
          fromGroup = absence.isPresent();
          if (fromGroup) {
            break;
          }
        }
      }
    }
    absence.ifPresent(a -> handOver(task, a));
  }

  /** As {@link DelegationSteps#handOver}, on the task being created (through its own delegate, not a command). */
  private void handOver(DelegateTask task, Absence absence) {
    task.setVariablesLocal(Map.of(DelegationRule.ON_BEHALF_OF, absence.leaderId(),
        DelegationRule.FROM_LEADERS_GROUP, task.getAssignee() == null));
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
        "Ủy quyền: " + people.nameOf(absence.deputyId()) + " xử lý thay (ký thay) " + people.nameOf(absence.leaderId())
            + " trong thời gian vắng mặt " + absence.period() + ".");
    task.setAssignee(absence.deputyId());
  }

  void completed(DelegateTask task) {
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (user == null) {
      return;
    }
    Object marker = task.getVariableLocal(DelegationRule.ON_BEHALF_OF);
    rule.signedFor(user, (Task) task, marker == null ? null : marker.toString(), DelegationSteps.processKey((Task) task),
        ClockUtil.getCurrentTime().toInstant()).ifPresent(leader -> {
          String signedAs = "KT. " + people.nameOf(leader) + " — " + people.nameOf(user) + " ký thay";
          task.setVariablesLocal(Map.of(DelegationRule.SIGNED_ON_BEHALF_OF, leader, DelegationRule.SIGNED_AS,
              signedAs));
          task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
              "Ký thay: " + signedAs + " (thay mặt " + people.nameOf(leader) + ", theo ủy quyền).");
        });
  }
}
