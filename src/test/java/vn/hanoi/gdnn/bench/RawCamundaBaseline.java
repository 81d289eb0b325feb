package vn.hanoi.gdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The yardstick behind the throughput target: plain Camunda with its default settings, through its Java API,
 * without REST, authorizations or any of this project's listeners, on the same PostgreSQL server as the
 * city-scale run — a process of three user tasks in a row, two threads completing tasks as the REST clients of
 * the throughput phase do (read a page of ten open tasks, complete them). Its own database and engine, so
 * nothing of the application's data or configuration takes part.
 */
final class RawCamundaBaseline {

  static final String DATABASE = "gdnn_baseline";
  private static final String PROCESS = "rawBaseline";
  private static final int CLIENTS = 2;

  record Result(double completionsPerSecond, String summary) {
  }

  private RawCamundaBaseline() {
  }

  static Result run(BenchDatabase db, int warmupSeconds, int measureSeconds) throws Exception {
    db.recreateDatabase(DATABASE);
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName(PROCESS)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUrl(db.urlOf(DATABASE))
        .setJdbcUsername(db.user)
        .setJdbcPassword(db.password)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setJobExecutorActivate(false);
    // the history level is the one thing set: "full", as in the measured application (the standalone default
    // is "audit"); everything else — connection pool, caches, batching — stays Camunda's default
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
          .startEvent().userTask("Task_First").userTask("Task_Second").userTask("Task_Third").endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
      int instances = (warmupSeconds + measureSeconds) * 150;
      seed(engine, instances);
      return measure(engine, instances, warmupSeconds, measureSeconds);
    } finally {
      engine.close();
    }
  }

  /** Instances per client, told apart by business key so that the two clients never complete the same task. */
  private static void seed(ProcessEngine engine, int instances) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(starters.submit(() -> {
        for (int i = client; i < instances; i += CLIENTS) {
          engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "c" + client + "-" + i);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    starters.shutdown();
  }

  private static Result measure(ProcessEngine engine, int instances, int warmupSeconds, int measureSeconds)
      throws Exception {
    MeasuredWindow window = new MeasuredWindow(warmupSeconds, measureSeconds);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(clients.submit(() -> {
        TaskService tasks = engine.getTaskService();
        while (window.isOpen()) {
          List<Task> page = tasks.createTaskQuery().processDefinitionKey(PROCESS)
              .processInstanceBusinessKeyLike("c" + client + "-%").orderByTaskCreateTime().asc().listPage(0, 10);
          if (page.isEmpty()) {
            throw new IllegalStateException("Seeded work used up: raise the number of seeded instances");
          }
          for (Task task : page) {
            if (!window.isOpen()) {
              break;
            }
            long s = System.nanoTime();
            tasks.complete(task.getId());
            window.record(s, System.nanoTime());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    clients.shutdown();
    double rate = window.perSecond();
    return new Result(rate, String.format("%.1f task completions/s over %d s after %d s warm-up (%d instances "
        + "of 3 user tasks seeded, %d completed in all); completion call %s", rate, measureSeconds, warmupSeconds,
        instances, window.total(), window.latencies().summary()));
  }
}
