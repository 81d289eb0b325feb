package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.NodeTools;
import vn.hanoi.gdnn.SecondApplication;
import vn.hanoi.gdnn.document.DocumentService;
import vn.hanoi.gdnn.document.StoredDocument;
import vn.hanoi.gdnn.plan.PlanPostgresTest;
import vn.hanoi.gdnn.plan.PlanReadModel;
import vn.hanoi.gdnn.plan.PlanStore;

/**
 * The restore drill of docs/operations.md ("Backup and restore"), automated: the application on PostgreSQL with
 * a deliverable half way (draft and its document stored, the consultation open with one reply given), stopped,
 * {@code pg_dump -Fc}, {@code pg_restore --no-owner} into a fresh empty database, and the application started on
 * that copy. The deliverable is exactly where it was (open tasks, variables, timers, history, documents byte for
 * byte), nothing had to be created or migrated beyond the dump, and it is driven to its end from there.
 */
class BackupRestorePostgresTest {

  /** A short lifecycle (lifecycleUbndDecision): draft, consultation, UBND approval, issuance. */
  private static final String DELIVERABLE = "7.2";
  private static final String HOW_TO_INSTALL =
      "install Debian's postgresql-client (apt-get install postgresql-client, PostgreSQL 15 or later) to run it";

  private static ConfigurableApplicationContext start(String engineName, String jdbcUrl) {
    return SecondApplication.onPostgres(engineName, jdbcUrl, Map.of("gdnn.plan.launch-on-start", "true"));
  }

  @Test
  void aDumpRestoredIntoAFreshDatabaseCarriesAHalfWayDeliverableToItsEnd() throws Exception {
    NodeTools.requireCommand("pg_dump", HOW_TO_INSTALL);
    NodeTools.requireCommand("pg_restore", HOW_TO_INSTALL);

    String original = EmbeddedPostgres.newDatabase();
    Snapshot before;
    Schema schemaBefore;
    int launches;
    try (ConfigurableApplicationContext app = start("backupOriginal", original)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      driveHalfWay(app, engine);
      before = snapshot(app, engine);
      schemaBefore = schema(app);
      launches = app.getBean(PlanStore.class).launches().size();
    }
    assertThat(before.openTasks()).as("the consultation is open, one reply given")
        .anyMatch(t -> t.startsWith("Task_GiveOpinion|"));
    assertThat(before.documents()).as("the draft and the reply are stored").hasSizeGreaterThanOrEqualTo(2);
    assertThat(before.variables().keySet()).anyMatch(k -> k.startsWith("lifecycleUbndDecision:")
        && k.endsWith("/draftReference")).anyMatch(k -> k.startsWith("consultation:"));
    assertThat(before.history()).isNotEmpty();
    assertThat(before.activities()).isNotEmpty();
    assertThat(before.jobs()).as("the deadline timer").isNotEmpty();
    assertThat(schemaBefore.flyway()).hasSizeGreaterThan(1);
    assertThat(schemaBefore.camunda()).isNotEmpty();
    assertThat(schemaBefore.columns()).anyMatch(c -> c.startsWith("act_ru_task."))
        .anyMatch(c -> c.startsWith("document_content."));

    Path dump = Files.createTempFile("gdnn-backup", ".dump");
    String restored = EmbeddedPostgres.newDatabase();
    try {
      run(List.of("pg_dump", "-Fc", "-f", dump.toString(), "-d", libpqUri(original)));
      assertThat(Files.size(dump)).isPositive();
      assertThat(tableCount(restored)).as("the database restored into starts empty").isZero();
      run(List.of("pg_restore", "--no-owner", "--exit-on-error", "-d", libpqUri(restored), dump.toString()));
    } finally {
      Files.deleteIfExists(dump);
    }

    try (ConfigurableApplicationContext app = start("backupRestored", restored)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(schema(app)).as("Flyway applied nothing, Camunda created or changed nothing, nothing redeployed")
          .isEqualTo(schemaBefore);
      assertThat(app.getBean(PlanStore.class).launches()).as("the plan launch found its launches").hasSize(launches);
      Snapshot after = snapshot(app, engine);
      assertThat(after.openTasks()).isEqualTo(before.openTasks());
      assertThat(after.variables()).isEqualTo(before.variables());
      assertThat(after.jobs()).isEqualTo(before.jobs());
      assertThat(after.activities()).isEqualTo(before.activities());
      assertThat(after.history()).isEqualTo(before.history());
      assertThat(after.documents()).isEqualTo(before.documents());

      driveToTheEnd(app, engine);

      PlanReadModel.Detail detail = app.getBean(PlanReadModel.class).detail(DELIVERABLE);
      assertThat(detail.occurrences()).singleElement().satisfies(row -> {
        assertThat(row.status().code()).isEqualTo("done");
        assertThat(row.currentSteps()).isEmpty();
      });
      assertThat(detail.signOffs()).extracting(PlanReadModel.SignOff::name)
          .contains("approvalOutcome", "documentNumber");
      assertThat(detail.history()).as("the history from before the backup, and the steps since")
          .hasSizeGreaterThan(before.history().size());
      List<HistoricProcessInstance> lifecycles = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(DELIVERABLE).list().stream()
          .filter(p -> p.getProcessDefinitionKey().startsWith("lifecycle")).toList();
      assertThat(lifecycles).singleElement().satisfies(p -> {
        assertThat(p.getEndTime()).isNotNull();
        assertThat(p.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      });
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(DELIVERABLE)
          .count()).isZero();
      assertThat(app.getBean(DocumentService.class).ofDeliverable(DELIVERABLE))
          .as("the documents from before the backup are still there, with those added since")
          .extracting(StoredDocument::id).containsAll(before.documents().keySet());
    }
  }

  /** Draft written with its document, consulted units confirmed, the first reply given with its document. */
  private static void driveHalfWay(ConfigurableApplicationContext app, ProcessEngine engine) {
    for (int round = 0; round < 20; round++) {
      step(engine);
      List<Task> tasks = openTasks(engine);
      List<Task> opinions = tasks.stream().filter(t -> t.getTaskDefinitionKey().equals("Task_GiveOpinion")).toList();
      if (!opinions.isEmpty()) {
        assertThat(opinions).as("more than one unit consulted").hasSizeGreaterThan(1);
        PlanPostgresTest.completeAsHolder(app, engine, opinions.get(0));
        step(engine);
        return;
      }
      assertThat(tasks).as("open steps of %s", DELIVERABLE).isNotEmpty();
      tasks.forEach(task -> PlanPostgresTest.completeAsHolder(app, engine, task));
    }
    throw new AssertionError("the consultation of " + DELIVERABLE + " never opened");
  }

  private static void driveToTheEnd(ConfigurableApplicationContext app, ProcessEngine engine) {
    for (int round = 0; round < 30; round++) {
      step(engine);
      List<Task> tasks = openTasks(engine);
      if (tasks.isEmpty()) {
        return;
      }
      tasks.forEach(task -> PlanPostgresTest.completeAsHolder(app, engine, task));
    }
    throw new AssertionError(DELIVERABLE + " did not end after 30 rounds");
  }

  /** The waiting period's timer (if the year has not come) and the asynchronous steps, as the job executor would. */
  private static void step(ProcessEngine engine) {
    for (ProcessInstance p : instances(engine)) {
      for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(p.getId()).timers()
          .activityId("Event_WaitForPeriod").list()) {
        engine.getManagementService().executeJob(timer.getId());
      }
    }
    AsyncSteps.run(engine, DELIVERABLE);
  }

  private static List<ProcessInstance> instances(ProcessEngine engine) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(DELIVERABLE).list();
  }

  private static List<Task> openTasks(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(DELIVERABLE).orderByTaskId().asc()
        .list();
  }

  /** Where the deliverable stands, as seen through the engine, the read model and the document store. */
  private record Snapshot(List<String> openTasks, Map<String, String> variables, List<String> jobs,
      List<String> activities, List<PlanReadModel.HistoryEntry> history, Map<String, String> documents) {
  }

  private static Snapshot snapshot(ConfigurableApplicationContext app, ProcessEngine engine) throws Exception {
    List<String> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(DELIVERABLE)
        .orderByTaskId().asc().list().stream().map(t -> t.getTaskDefinitionKey() + "|" + t.getId() + "|"
            + t.getName() + "|" + t.getDueDate() + "|" + t.getAssignee()).toList();
    Map<String, String> variables = new TreeMap<>();
    List<String> jobs = new ArrayList<>();
    for (ProcessInstance p : instances(engine)) {
      var values = engine.getRuntimeService().getVariablesTyped(p.getId(), false);
      values.keySet().forEach(name ->
          variables.put(p.getProcessDefinitionId() + "/" + name, text(values.getValueTyped(name))));
      engine.getManagementService().createJobQuery().processInstanceId(p.getId()).orderByJobId().asc().list()
          .forEach(j -> jobs.add(j.getId() + "|" + j.getDuedate() + "|" + j.getRetries()));
    }
    List<String> activities = new ArrayList<>();
    for (HistoricProcessInstance p : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(DELIVERABLE).orderByProcessInstanceId().asc().list()) {
      for (HistoricActivityInstance a : engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(p.getId()).orderByHistoricActivityInstanceId().asc().list()) {
        activities.add(a.getId() + "|" + a.getActivityId() + "|" + a.getStartTime() + "|" + a.getEndTime() + "|"
            + a.getAssignee());
      }
    }
    Map<String, String> documents = new TreeMap<>();
    DocumentService service = app.getBean(DocumentService.class);
    for (StoredDocument d : service.ofDeliverable(DELIVERABLE)) {
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(service.content(d.id())));
      assertThat(sha256).as("content of %s matches its recorded SHA-256", d.name()).isEqualToIgnoringCase(d.sha256());
      documents.put(d.id(), d.kind() + "|" + d.version() + "|" + d.name() + "|" + d.size() + "|" + sha256);
    }
    List<PlanReadModel.HistoryEntry> history = app.getBean(PlanReadModel.class).detail(DELIVERABLE).history();
    return new Snapshot(tasks, variables, jobs, activities, history, documents);
  }

  private static String text(TypedValue value) {
    if (value instanceof SerializableValue s && s.getValueSerialized() != null) {
      return value.getType().getName() + ":" + s.getValueSerialized();
    }
    Object plain = value.getValue();
    return value.getType().getName() + ":" + (plain instanceof byte[] bytes ? sha256(bytes) : String.valueOf(plain));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole schema (tables, columns, indexes), Flyway's history and Camunda's schema log and deployments. */
  private record Schema(List<String> columns, List<String> indexes, List<String> flyway, List<String> camunda,
      long deployments) {
  }

  private static Schema schema(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    return new Schema(
        jdbc.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns "
            + "WHERE table_schema = 'public' ORDER BY table_name, column_name", String.class),
        jdbc.queryForList("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' "
            + "ORDER BY indexname", String.class),
        jdbc.queryForList("SELECT \"installed_rank\" || '|' || coalesce(\"version\", '') || '|' || \"script\" || '|' || "
            + "coalesce(\"checksum\"::text, '') || '|' || \"installed_on\" FROM \"" + SchemaMigrations.HISTORY_TABLE
            + "\" ORDER BY \"installed_rank\"", String.class),
        jdbc.queryForList("SELECT id_ || '|' || version_ || '|' || timestamp_ FROM act_ge_schema_log ORDER BY id_",
            String.class),
        app.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count());
  }

  private static int tableCount(String jdbcUrl) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
         var result = connection.createStatement().executeQuery(
             "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      result.next();
      return result.getInt(1);
    }
  }

  /** The JDBC URL of a test database as a libpq connection URI, which pg_dump and pg_restore take as -d. */
  private static String libpqUri(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return "postgresql://postgres@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "postgres");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " timed out");
    }
    assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command),
        new String(output, StandardCharsets.UTF_8)).isZero();
  }
}
