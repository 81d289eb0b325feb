package vn.hanoi.gdnn.testsupport;

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** A task's name and candidate groups, as the task service sees them now. */
public class TaskAssert extends AbstractObjectAssert<TaskAssert, Task> {

  private final ProcessEngine engine;

  TaskAssert(ProcessEngine engine, Task actual) {
    super(actual, TaskAssert.class);
    this.engine = engine;
  }

  public TaskAssert hasName(String name) {
    isNotNull();
    Assertions.assertThat(actual.getName()).as("name of task %s", actual.getTaskDefinitionKey()).isEqualTo(name);
    return this;
  }

  public TaskAssert hasCandidateGroup(String groupId) {
    isNotNull();
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(actual.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId).toList())
        .as("candidate groups of task %s", actual.getTaskDefinitionKey()).contains(groupId);
    return this;
  }
}
