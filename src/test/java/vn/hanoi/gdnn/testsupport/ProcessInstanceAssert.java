package vn.hanoi.gdnn.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/** Where a process instance waits, whether it ended, what it passed (history) and its variables. */
public class ProcessInstanceAssert extends AbstractObjectAssert<ProcessInstanceAssert, ProcessInstance> {

  private final ProcessEngine engine;

  ProcessInstanceAssert(ProcessEngine engine, ProcessInstance actual) {
    super(actual, ProcessInstanceAssert.class);
    this.engine = engine;
  }

  /** Running, with every one of {@code activityIds} among its current activities (a waiting async step included). */
  public ProcessInstanceAssert isWaitingAt(String... activityIds) {
    isNotNull();
    ActivityInstance tree = engine.getRuntimeService().getActivityInstance(actual.getId());
    if (tree == null) {
      failWithMessage("Expected process instance %s to be waiting at %s, but it has ended", actual.getId(),
          Arrays.toString(activityIds));
    }
    List<String> current = new ArrayList<>();
    collect(tree, current);
    Assertions.assertThat(current).as("activities process instance %s waits at", actual.getId())
        .contains(activityIds);
    return this;
  }

  public ProcessInstanceAssert isEnded() {
    isNotNull();
    boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(actual.getId())
        .count() > 0;
    if (running) {
      List<String> current = new ArrayList<>();
      collect(engine.getRuntimeService().getActivityInstance(actual.getId()), current);
      failWithMessage("Expected process instance %s to have ended, but it waits at %s", actual.getId(), current);
    }
    HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(actual.getId()).singleResult();
    if (history == null || history.getEndTime() == null) {
      failWithMessage("Expected process instance %s to have ended, but history has no end for it", actual.getId());
    }
    return this;
  }

  public ProcessInstanceAssert isNotEnded() {
    isNotNull();
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(actual.getId()).count() == 0) {
      failWithMessage("Expected process instance %s to be running, but it has ended", actual.getId());
    }
    return this;
  }

  /** Every one of {@code activityIds} was completed at least once. */
  public ProcessInstanceAssert hasPassed(String... activityIds) {
    isNotNull();
    Assertions.assertThat(passed()).as("activities process instance %s passed", actual.getId())
        .contains(activityIds);
    return this;
  }

  /** None of {@code activityIds} was ever completed. */
  public ProcessInstanceAssert hasNotPassed(String... activityIds) {
    isNotNull();
    Assertions.assertThat(passed()).as("activities process instance %s passed", actual.getId())
        .doesNotContain(activityIds);
    return this;
  }

  /** The variables: the running instance's, or the last values history kept for an ended one. */
  public MapAssert<String, Object> variables() {
    isNotNull();
    Map<String, Object> variables;
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(actual.getId()).count() > 0) {
      variables = engine.getRuntimeService().getVariables(actual.getId());
    } else {
      variables = new HashMap<>();
      for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(actual.getId()).list()) {
        if (actual.getId().equals(variable.getActivityInstanceId()) || variable.getActivityInstanceId() == null
            || !variables.containsKey(variable.getName())) {
          variables.put(variable.getName(), variable.getValue());
        }
      }
    }
    return Assertions.assertThat(variables);
  }

  private List<String> passed() {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(actual.getId())
        .finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private static void collect(ActivityInstance instance, List<String> ids) {
    if (instance == null) {
      return;
    }
    ids.add(instance.getActivityId());
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids);
    }
  }
}
