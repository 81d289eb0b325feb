package vn.hanoi.gdnn.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * Processes of three user tasks in a row, for one unit each (candidate group {@code ${unit}}), deployed into the
 * application's engine only by the benchmark: they take the platform's path for a completion — REST, HTTP Basic,
 * authorizations, history, the application's parse listeners — without the work of a real procedure step (form
 * checks, variables, multi-instance consultation, boundary timers). One kind carries a due date, and so the
 * deadline policy's timer on each task, as every real task with a deadline does.
 */
final class BareProcesses {

  enum Kind {
    WITHOUT_DEADLINE("benchBareTasks", "bare process, no due date", null),
    WITH_DEADLINE("benchBareTasksWithDeadline", "bare process, due in 10 working days (deadline timer per task)",
        "P10WD");

    final String key;
    final String label;
    final String dueDate;

    Kind(String key, String label, String dueDate) {
      this.key = key;
      this.label = label;
      this.dueDate = dueDate;
    }
  }

  private static final int BATCH = 50;

  private BareProcesses() {
  }

  /** Deploys the kind (unchanged deployments are filtered) and tops its running instances up to {@code count}. */
  static int ensure(ProcessEngine engine, Kind kind, List<String> units, int count) {
    engine.getRepositoryService().createDeployment().name("benchmark-" + kind.key).enableDuplicateFiltering(false)
        .addModelInstance(kind.key + ".bpmn", model(kind)).deploy();
    long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(kind.key).count();
    int missing = (int) Math.max(0, count - running);
    CommandExecutor tx = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    for (int from = 0; from < missing; from += BATCH) {
      int first = from;
      int last = Math.min(missing, from + BATCH);
      tx.execute(commandContext -> {
        for (int n = first; n < last; n++) {
          Map<String, Object> variables = new HashMap<>();
          variables.put("unit", units.get(n % units.size()));
          engine.getRuntimeService().startProcessInstanceByKey(kind.key, variables);
        }
        return null;
      });
    }
    return missing;
  }

  static BpmnModelInstance model(Kind kind) {
    var start = Bpmn.createExecutableProcess(kind.key).name("Đo tải: ba bước liền nhau")
        .camundaHistoryTimeToLive(3650).camundaVersionTag("bench").startEvent("Event_Started");
    // fixed flow ids: the same model on every run, so that duplicate filtering keeps one version
    UserTaskBuilder first = step(start.sequenceFlowId("Flow_ToFirst").userTask("Task_First").name("Bước thứ nhất"),
        kind);
    UserTaskBuilder second = step(first.sequenceFlowId("Flow_ToSecond").userTask("Task_Second")
        .name("Bước thứ hai"), kind);
    UserTaskBuilder third = step(second.sequenceFlowId("Flow_ToThird").userTask("Task_Third").name("Bước thứ ba"),
        kind);
    return third.sequenceFlowId("Flow_ToDone").endEvent("Event_Done").done();
  }

  private static UserTaskBuilder step(UserTaskBuilder task, Kind kind) {
    task.camundaCandidateGroups("${unit}");
    if (kind.dueDate != null) {
      task.camundaDueDate(kind.dueDate);
    }
    return task;
  }
}
