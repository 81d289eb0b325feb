package vn.hanoi.gdnn.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import vn.hanoi.gdnn.calendar.DeadlineWatch;

/**
 * Gives every user task of every deployed process, once, the create listeners that shape how it reads in a task
 * list: its name ({@code procedure.TaskNaming}: "[4.2] Title — step") and its list columns and priority
 * ({@link TaskInboxFields}). They are built-in listeners, so no BPMN file refers to them and none can forget
 * them. The deadline's escalation task is left alone: its name already quotes the late task's.
 *
 * <p>Registered as a pre-parse listener, so a task is named and prioritised before any other create listener sees
 * it — the deadline policy's (a post-parse listener) included.
 */
public class TaskPresentationPlugin extends AbstractProcessEnginePlugin {

  private final List<TaskListener> createListeners;

  public TaskPresentationPlugin(List<TaskListener> createListeners) {
    this.createListeners = List.copyOf(createListeners);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (DeadlineWatch.isWatchActivity(activity)) {
          return;
        }
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          createListeners.forEach(l -> behavior.getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, l));
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  @Override
  public String toString() {
    return "TaskPresentationPlugin";
  }
}
