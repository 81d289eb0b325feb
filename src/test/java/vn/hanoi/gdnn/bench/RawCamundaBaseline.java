package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The yardstick behind the throughput target: plain Camunda with its default settings, through its Java API,
 * without REST, authorizations or any of this project's listeners, on the same PostgreSQL server as the
 * city-scale run, two threads completing tasks as the REST clients of the throughput phase do (read a page of ten
 * open tasks, complete them). Two shapes ({@link Shape}): three user tasks in a row, and the consultation's first
 * step — what Camunda itself does to open an opinion round, without what the application adds. Its own database
 * and engine, so nothing of the application's data or configuration takes part.
 */
final class RawCamundaBaseline {

  static final String DATABASE = "gdnn_baseline";
  private static final String PROCESS = "rawBaseline";
  private static final int CLIENTS = 2;
  /** Units of the consultation shape's lead units (even, so that each client has its own: {@code i % CLIENTS}). */
  private static final int UNITS = 60;

  /** What each measured completion completes. */
  enum Shape {
    /** Any task of a process of three user tasks in a row. */
    THREE_TASKS("3 user tasks in a row", 150),
    /**
     * The consultation's first step, as {@code processes/consultation.bpmn} is shaped: its completion (with the
     * units chosen, JSON, and a text, as the REST clients send) passes an inclusive gateway whose second branch is
     * not taken, opens a multi-instance sub-process per consulted unit with the model's two empty locals, and
     * creates the unit's task with its two empty locals, candidate group, due date and "silence = consent"
     * boundary timer. Without the application's additions: no grants, no inbox columns, no deadline timer, no
     * form check.
     */
    CONSULTATION("the consultation's first step", 400);

    final String label;
    final int seedPerSecond;

    Shape(String label, int seedPerSecond) {
      this.label = label;
      this.seedPerSecond = seedPerSecond;
    }
  }

  /** The consultation's shape in plain BPMN (see the file's comment). */
  private static final String CONSULTATION_MODEL = "bench/raw-consultation.bpmn";

  record Result(double completionsPerSecond, String summary) {
  }

  private RawCamundaBaseline() {
  }

  static Result run(BenchDatabase db, Shape shape, int warmupSeconds, int measureSeconds) throws Exception {
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
    // JSON variables, as the application stores the chosen units (Camunda's Spin plugin, as the starter adds it)
    cfg.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      BpmnModelInstance model = shape == Shape.CONSULTATION ? consultationModel()
          : Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent().userTask("Task_First")
              .userTask("Task_Second").userTask("Task_Third").endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
      int instances = (warmupSeconds + measureSeconds) * shape.seedPerSecond;
      seed(engine, shape, instances);
      return measure(engine, shape, instances, warmupSeconds, measureSeconds);
    } finally {
      engine.close();
    }
  }

  private static BpmnModelInstance consultationModel() throws IOException {
    try (InputStream in = RawCamundaBaseline.class.getClassLoader().getResourceAsStream(CONSULTATION_MODEL)) {
      if (in == null) {
        throw new IllegalStateException(CONSULTATION_MODEL + " is missing from the test classpath");
      }
      return Bpmn.readModelFromStream(in);
    }
  }

  /** Instances per client, told apart by business key so that the two clients never complete the same task. */
  private static void seed(ProcessEngine engine, Shape shape, int instances) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(starters.submit(() -> {
        for (int i = client; i < instances; i += CLIENTS) {
          engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "c" + client + "-" + i,
              shape == Shape.CONSULTATION ? Map.of("leadUnit", "unit-" + i % UNITS, "publicPosting", "no",
                  "consultedUnits", units(i)) : Map.of());
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    starters.shutdown();
  }

  /** A list of one unit as a JSON variable, as the application's form sends it. */
  private static ObjectValue units(int i) {
    return Variables.objectValue(new ArrayList<>(List.of("unit-" + (i + 1) % UNITS)))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  private static Result measure(ProcessEngine engine, Shape shape, int instances, int warmupSeconds,
      int measureSeconds) throws Exception {
    MeasuredWindow window = new MeasuredWindow(warmupSeconds, measureSeconds);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(clients.submit(() -> {
        TaskService tasks = engine.getTaskService();
        int round = client;
        while (window.isOpen()) {
          List<Task> page;
          if (shape == Shape.CONSULTATION) {
            // as the application's clients: a unit's first steps by due date, the unit changing every page (the
            // client's units are those of its instances); the opinion rounds' tasks stay open, as in the city
            String unit = "unit-" + (client + CLIENTS * (round++ % (UNITS / CLIENTS)));
            page = tasks.createTaskQuery().taskCandidateGroup(unit).taskDefinitionKey("Task_First")
                .orderByDueDate().desc().listPage(0, 10);
          } else {
            page = tasks.createTaskQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike("c" + client + "-%").orderByTaskCreateTime().asc().listPage(0, 10);
          }
          if (page.isEmpty()) {
            throw new IllegalStateException("Seeded work used up: raise the number of seeded instances");
          }
          for (Task task : page) {
            if (!window.isOpen()) {
              break;
            }
            long s = System.nanoTime();
            if (shape == Shape.CONSULTATION) {
              tasks.complete(task.getId(), Map.of("consultedUnits", units(round),
                  "draftReference", "Dự thảo văn bản gửi lấy ý kiến, bản số 2"));
            } else {
              tasks.complete(task.getId());
            }
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
    return new Result(rate, String.format("%.1f task completions/s over %d s after %d s warm-up (%s: %d instances "
        + "seeded, %d completed in all); completion call %s", rate, measureSeconds, warmupSeconds, shape.label,
        instances, window.total(), window.latencies().summary()));
  }
}
