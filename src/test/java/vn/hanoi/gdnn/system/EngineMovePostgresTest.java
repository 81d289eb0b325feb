package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.SecondApplication;
import vn.hanoi.gdnn.plan.PlanPostgresTest;
import vn.hanoi.gdnn.plan.PlanReadModel;

/**
 * Same data, both engines (docs/operations.md, "Moving to Operaton"). Run by .ci/operaton/build in two steps on
 * one PostgreSQL data directory ({@code gdnn.engine-move.dir}): step {@code start}, in the Camunda build, launches
 * the plan and drives it part-way (open tasks, waiting timers, called procedures, history), then stops the
 * application and the server; step {@code finish}, in the Operaton build made from the same sources, starts on
 * that database with nothing migrated but what the engine does itself, finds every running deliverable and drives
 * each to its end. Without the property (an ordinary `mvn verify` of either build) neither step runs.
 */
@EnabledIfSystemProperty(named = "gdnn.engine-move.dir", matches = ".+")
class EngineMovePostgresTest {

  private static final String DATABASE = "gdnn_move";
  private static final String RUNNING = "running-lifecycles.txt";

  private final Path dir = Path.of(System.getProperty("gdnn.engine-move.dir", "."));

  @Test
  @EnabledIfSystemProperty(named = "gdnn.engine-move.step", matches = "start")
  void theFirstEngineLeavesDeliverablesHalfWay() throws IOException, SQLException {
    try (EmbeddedPostgres server = server()) {
      try (Connection connection = server.getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      try (ConfigurableApplicationContext app = SecondApplication.onPostgres("moveStart",
          server.getJdbcUrl("postgres", DATABASE), Map.of("gdnn.plan.launch-on-start", "true"))) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        drive(app, engine, 2);
        List<String> running = runningLifecycles(engine);
        assertThat(running).as("deliverables still running after two rounds").hasSizeGreaterThan(10);
        assertThat(engine.getTaskService().createTaskQuery().count()).isPositive();
        Files.write(dir.resolve(RUNNING), running);
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "gdnn.engine-move.step", matches = "finish")
  void theSecondEngineFinishesThemOnTheSameDatabase() throws IOException {
    List<String> running = Files.readAllLines(dir.resolve(RUNNING));
    try (EmbeddedPostgres server = server();
         ConfigurableApplicationContext app = SecondApplication.onPostgres("moveFinish",
             server.getJdbcUrl("postgres", DATABASE), Map.of("gdnn.plan.launch-on-start", "true"))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(runningLifecycles(engine)).as("running deliverables seen by the second engine")
          .containsExactlyInAnyOrderElementsOf(running);

      drive(app, engine, 60);

      for (String id : running) {
        HistoricProcessInstance lifecycle = engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(id).singleResult();
        assertThat(lifecycle.getEndTime()).as("end of %s", lifecycle.getBusinessKey()).isNotNull();
      }
      assertThat(app.getBean(PlanReadModel.class).list(null, null, null, null))
          .allSatisfy(r -> assertThat(r.status().code()).as("status of %s", r.code()).isEqualTo("done"));
      Files.write(dir.resolve("finished.txt"), running);
    }
  }

  /**
   * The server on the shared data directory: initialised by the first step (the script hands it an empty folder),
   * kept when the server stops.
   */
  private EmbeddedPostgres server() throws IOException {
    Path data = dir.resolve("pgdata");
    Files.createDirectories(data);
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
  }

  private static List<String> runningLifecycles(ProcessEngine engine) {
    return engine.getRuntimeService().createProcessInstanceQuery().active().list().stream()
        .filter(p -> p.getProcessDefinitionId().startsWith("lifecycle")).map(p -> p.getId()).sorted().toList();
  }

  /** Up to {@code rounds} rounds: the long timers, every open task as its holder, the asynchronous steps. */
  private static void drive(ConfigurableApplicationContext app, ProcessEngine engine, int rounds) {
    for (int round = 0; round < rounds; round++) {
      int done = 0;
      for (String activity : PlanPostgresTest.TIMERS_TO_RUN) {
        for (Job job : engine.getManagementService().createJobQuery().timers().activityId(activity).list()) {
          engine.getManagementService().executeJob(job.getId());
          done++;
        }
      }
      for (Task task : engine.getTaskService().createTaskQuery().list()) {
        if (!task.getProcessDefinitionId().startsWith("deadlineWatch:")) {
          PlanPostgresTest.completeAsHolder(app, engine, task);
          done++;
        }
      }
      done += AsyncSteps.run(engine, null);
      if (done == 0) {
        return;
      }
    }
  }
}
