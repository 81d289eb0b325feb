package vn.hanoi.gdnn.calendar;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every parsed user task (except the escalation's own and the legacy watch's) the deadline policy: built-in
 * listeners (they run even when custom listeners are skipped) for create, update, complete and delete, and one
 * timeout listener per {@link DeadlineStep}, which Camunda's timer-task-listener jobs call. No timer declaration
 * is added to the activity, so the user task stays a non-scope activity and running instances of every deployed
 * version keep their execution tree; {@link TaskTimers} creates the jobs when the task is created.
 */
public class DeadlineWatchParseListener extends AbstractBpmnParseListener {

  private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
      TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

  private final DeadlinePolicy policy;

  public DeadlineWatchParseListener(DeadlinePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (DeadlineWatch.isWatchActivity(activity)) {
      return;
    }
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      TaskDefinition taskDefinition = behavior.getTaskDefinition();
      for (String event : EVENTS) {
        taskDefinition.addBuiltInTaskListener(event, policy);
      }
      for (DeadlineStep step : DeadlineStep.values()) {
        taskDefinition.addTimeoutTaskListener(step.listenerId(), policy.timeoutListener(step));
      }
    }
  }
}
