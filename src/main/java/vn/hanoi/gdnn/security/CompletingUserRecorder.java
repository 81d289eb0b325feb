package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Makes every completed user task name the person who completed it. Tasklist lets a member of the candidate
 * group complete a task without claiming it first; the task would then go to history with no assignee. This
 * engine plugin adds a built-in {@code complete} listener to every user task of every deployed process: when
 * the task has no assignee, the authenticated user becomes its assignee, so the historic task instance shows
 * who completed it. (The user operation log records the completing user as well.)
 */
@Component
public class CompletingUserRecorder extends AbstractCamundaConfiguration {

  static final TaskListener ASSIGN_COMPLETING_USER = CompletingUserRecorder::assignCompletingUser;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              ASSIGN_COMPLETING_USER);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void assignCompletingUser(DelegateTask task) {
    if (task.getAssignee() != null || Context.getCommandContext() == null) {
      return;
    }
    String userId = Context.getCommandContext().getAuthenticatedUserId();
    if (userId != null) {
      task.setAssignee(userId);
    }
  }
}
