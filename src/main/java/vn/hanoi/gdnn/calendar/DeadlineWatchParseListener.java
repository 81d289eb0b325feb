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
 * Adds the {@link DeadlineWatchTaskListener} to every parsed user task as a built-in listener (so it runs even
 * when custom listeners are skipped), except in the watch process itself.
 */
public class DeadlineWatchParseListener extends AbstractBpmnParseListener {

  private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
      TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

  private final TaskListener listener;

  public DeadlineWatchParseListener(TaskListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (DeadlineWatch.isWatchActivity(activity)) {
      return;
    }
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      TaskDefinition taskDefinition = behavior.getTaskDefinition();
      for (String event : EVENTS) {
        taskDefinition.addBuiltInTaskListener(event, listener);
      }
    }
  }
}
