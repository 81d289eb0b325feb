package vn.hanoi.gdnn.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The assertions the process tests use, on the engine's public API: {@code assertThat(instance)} for where a
 * process instance waits, what it passed and its variables, {@code assertThat(task)} for a task's name and
 * candidate groups, {@code task()}, {@code complete(...)} and {@code withVariables(...)}. Like AssertJ's
 * {@link Assertions}, whose other {@code assertThat} overloads it keeps, so a test imports one {@code assertThat}.
 * The project's own because the Operaton build can fetch no assertion library for the engine
 * (.ci/operaton/rewrite.yml, TestSupport); {@code BpmnAwareTestsTest} holds it to the library's behaviour.
 */
public class BpmnAwareTests extends Assertions {

  private static final ThreadLocal<ProcessEngine> ENGINE = new ThreadLocal<>();
  private static final ThreadLocal<ProcessInstance> LAST = new ThreadLocal<>();

  protected BpmnAwareTests() {
  }

  /** Binds the assertions of this thread to {@code engine}. */
  public static void init(ProcessEngine engine) {
    ENGINE.set(engine);
  }

  public static void reset() {
    ENGINE.remove();
    LAST.remove();
  }

  static ProcessEngine engine() {
    ProcessEngine engine = ENGINE.get();
    if (engine == null) {
      throw new IllegalStateException("BpmnAwareTests.init(engine) was not called for this test");
    }
    return engine;
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance instance) {
    LAST.set(instance);
    return new ProcessInstanceAssert(engine(), instance);
  }

  public static TaskAssert assertThat(Task task) {
    return new TaskAssert(engine(), task);
  }

  /** The one open task of the process instance last passed to {@code assertThat}. */
  public static Task task() {
    ProcessInstance last = LAST.get();
    if (last == null) {
      throw new IllegalStateException("task() needs a process instance asserted first");
    }
    return task(last);
  }

  /** The one open task of {@code instance} (not of the processes it called); null when it has none. */
  public static Task task(ProcessInstance instance) {
    List<Task> tasks = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
    if (tasks.size() > 1) {
      throw new AssertionError("Process instance " + instance.getId() + " has " + tasks.size()
          + " open tasks, expected one: " + tasks.stream().map(Task::getTaskDefinitionKey).toList());
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  public static void complete(Task task) {
    complete(task, Map.of());
  }

  public static void complete(Task task, Map<String, Object> variables) {
    if (task == null) {
      throw new AssertionError("Expected an open task to complete, found none");
    }
    engine().getTaskService().complete(task.getId(), variables);
  }

  /** {@code withVariables("a", 1, "b", 2)}: pairs of name and value. */
  public static Map<String, Object> withVariables(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("withVariables takes pairs of name and value");
    }
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }
}
