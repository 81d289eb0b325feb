package vn.hanoi.gdnn.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Hooks the notifications into the engine as built-in listeners (no BPMN file names them, none can forget them),
 * so each notification is written in the transaction of the event that causes it:
 * <ul>
 *   <li>every user task: {@code create} (a task for a unit, the deadline's escalation), {@code assignment} (a task
 *   for a person), {@code complete} of a task whose form carries a decision.</li>
 * </ul>
 * The deadline policy's steps reach {@link DeadlineEvents} as a {@code DeadlineObserver} of the calendar package.
 * Post-parse listeners: the task has been named ({@code monitoring.TaskPresentationPlugin}, pre-parse) first.
 */
@Component
public class NotificationPlugin extends AbstractCamundaConfiguration {

  private final TaskEvents taskEvents;

  public NotificationPlugin(@Lazy TaskEvents taskEvents) {
    this.taskEvents = taskEvents;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new Listeners());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private final class Listeners extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      TaskDefinition definition = behavior.getTaskDefinition();
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskEvents::created);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, task -> taskEvents.assigned(task, ""));
      String form = definition.getCamundaFormDefinitionKey() == null ? null
          : definition.getCamundaFormDefinitionKey().getExpressionText();
      TaskEvents.DecisionField decision = form == null ? null : TaskEvents.DECISION_FORMS.get(form);
      if (decision != null) {
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> taskEvents.decided(task, decision));
      }
    }
  }
}
