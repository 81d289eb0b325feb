package vn.hanoi.gdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.hanoi.gdnn.procedure.UnitRegistry;

/**
 * City-scale benchmark (docs/performance.md): the application with the postgres profile on a real PostgreSQL,
 * security and authorizations on, history full; 100,000 open user tasks across 60 units made by the project's
 * own shared procedure {@code consultation} (each task with its deadline timer); then the inbox,
 * the overdue filter, the progress report and its XLSX export through the HTTP API, REST completions per second
 * with 2 client threads (phase {@code session}: the same through the webapps' engine API with a Tasklist session;
 * also on bare processes of three user tasks, {@link BareProcesses}, phase {@code bare},
 * not in the default set), the same for plain Camunda through its Java API ({@link RawCamundaBaseline}), a burst of
 * 10,000 reminder timers, and pgbench on the same server.
 *
 * <p>Run: {@code mvn -Pbench test -Dtest=CityScaleBench}. Settings (system properties): {@code bench.tasks}
 * (100000), {@code bench.units} (60), {@code bench.calls} (200), {@code bench.warmup} (60 s),
 * {@code bench.measure} (40 s), {@code bench.timers} (10000), {@code bench.report.budget} (60 s per report endpoint when
 * a call is too slow for {@code bench.calls} calls), {@code bench.fresh} (false: a seeded database in
 * GDNN_BENCH_PG_DIR is topped up, not rebuilt), {@code bench.phases} (all: seed,inbox,overdue,report,xlsx,
 * throughput,timers,baseline,pgbench; also {@code bare}, {@code history} and {@code units} for the units' figures
 * of issue 20 ({@code bench.history} finished tasks over a year, 24,000), and {@code hold}, which keeps everything up for
 * {@code bench.hold} seconds).
 */
class CityScaleBench {

  static final String PROCESS = "consultation";
  static final String FIRST_TASK = "Task_ConfirmConsultedUnits";
  /** Timeout task listener of the reminder before the due date (calendar.DeadlineStep.REMIND_BEFORE_DUE). */
  static final String REMINDER_LISTENER = "deadlineReminder";
  static final int BATCH = 50;

  private final int tasks = Integer.getInteger("bench.tasks", 100_000);
  private final int unitCount = Integer.getInteger("bench.units", 60);
  private final int calls = Integer.getInteger("bench.calls", 200);
  private final int warmup = Integer.getInteger("bench.warmup", 60);
  private final int measure = Integer.getInteger("bench.measure", 40);
  private final int timers = Integer.getInteger("bench.timers", 10_000);
  private final boolean fresh = Boolean.getBoolean("bench.fresh");
  private final List<String> phases = List.of(System.getProperty("bench.phases",
      "seed,inbox,overdue,report,xlsx,throughput,timers,baseline,pgbench").split(","));

  private final StringBuilder report = new StringBuilder();
  private final ObjectMapper json = new ObjectMapper();

  private ProcessEngine engine;
  private BenchOrganisation organisation;
  private BenchHttp http;
  private String baseUrl;
  private BenchDatabase db;

  @Test
  void cityScale() throws Exception {
    line("=== GDNN city-scale benchmark, " + Instant.now() + " ===");
    line(Machine.describe());
    line("load average at start: " + Machine.loadAverage());
    try (BenchDatabase database = BenchDatabase.open("gdnn_bench", fresh)) {
      db = database;
      line("PostgreSQL: " + db.queryOne("SELECT version()"));
      line("server settings: " + String.join(", ", List.of("shared_buffers", "effective_cache_size", "work_mem",
          "random_page_cost", "max_wal_size", "checkpoint_timeout", "fsync", "synchronous_commit").stream()
          .map(this::setting).toList()));
      long started = System.nanoTime();
      try (ConfigurableApplicationContext context = BenchNode.start(db, Map.of(
          "gdnn.organisation.file", "file:" + BenchOrganisation.cityFile(unitCount)))) {
        line(String.format("application started in %.1f s", (System.nanoTime() - started) / 1e9));
        engine = context.getBean(ProcessEngine.class);
        baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        http = new BenchHttp(baseUrl);
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        line("engine: authorization=" + cfg.isAuthorizationEnabled() + ", history=" + cfg.getHistory()
            + ", job executor: core/max pool " + context.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size")
            + "/" + context.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size")
            + ", jobs per acquisition " + cfg.getJobExecutor().getMaxJobsPerAcquisition()
            + ", Hikari pool " + context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"));
        assertThat(cfg.isAuthorizationEnabled()).isTrue();
        organisation = BenchOrganisation.ensure(engine, context.getBean(UnitRegistry.class), unitCount);

        if (phases.contains("seed")) {
          seed();
        }
        line("open tasks: " + engine.getTaskService().createTaskQuery().count() + ", of which " + FIRST_TASK + ": "
            + engine.getTaskService().createTaskQuery().taskDefinitionKey(FIRST_TASK).count()
            + "; running process instances: " + engine.getRuntimeService().createProcessInstanceQuery().count()
            + "; jobs: " + engine.getManagementService().createJobQuery().count()
            + "; authorizations: " + engine.getAuthorizationService().createAuthorizationQuery().count());
        if (phases.contains("inbox")) {
          inbox();
        }
        if (phases.contains("overdue")) {
          overdueFilter();
        }
        String oneUnit = organisation.units.get(1);
        if (phases.contains("report")) {
          download("progress report (JSON), whole city", "/api/monitoring/progress", false);
          download("progress report (JSON), one unit", "/api/monitoring/progress?unit=" + oneUnit, false);
        }
        if (phases.contains("xlsx")) {
          download("progress report (XLSX), whole city", "/api/monitoring/report.xlsx", true);
          download("progress report (XLSX), one unit", "/api/monitoring/report.xlsx?unit=" + oneUnit, true);
        }
        if (phases.contains("history")) {
          seedHistory();
        }
        if (phases.contains("units")) {
          unitFigures();
        }
        double completions = Double.NaN;
        if (phases.contains("throughput")) {
          completions = throughput();
        }
        double sessionCompletions = Double.NaN;
        if (phases.contains("session")) {
          sessionCompletions = sessionThroughput();
        }
        double bareWithDeadline = Double.NaN;
        // the timer burst before the phases on other processes and databases: their churn leaves autovacuum and
        // checkpoint work behind that would compete with the burst
        if (phases.contains("timers")) {
          timerBurst();
        }
        if (phases.contains("bare")) {
          bareThroughput(BareProcesses.Kind.WITHOUT_DEADLINE);
          bareWithDeadline = bareThroughput(BareProcesses.Kind.WITH_DEADLINE);
        }
        RawCamundaBaseline.Result baseline = null;
        RawCamundaBaseline.Result baselineConsultation = null;
        if (phases.contains("baseline")) {
          line("baseline: plain Camunda, default settings (history full), Java API, no REST, no authorizations, "
              + "own database " + RawCamundaBaseline.DATABASE + "; load " + Machine.loadAverage());
          baseline = RawCamundaBaseline.run(db, RawCamundaBaseline.Shape.THREE_TASKS, warmup, measure);
          line("BASELINE " + baseline.summary() + "; load " + Machine.loadAverage());
          baselineConsultation = RawCamundaBaseline.run(db, RawCamundaBaseline.Shape.CONSULTATION, warmup, measure);
          line("BASELINE CONSULTATION " + baselineConsultation.summary() + "; load " + Machine.loadAverage());
          // the application against the engine alone on the same work, one run: independent of pgbench
          share("consultation REST", completions, baselineConsultation);
          share("consultation session", sessionCompletions, baselineConsultation);
          share("bare with due dates", bareWithDeadline, baseline);
        }
        if (phases.contains("hold")) {
          // keeps the seeded database and the application up, e.g. to read query plans with psql
          int seconds = Integer.getInteger("bench.hold", 300);
          line("holding for " + seconds + " s: psql -h " + db.host + " -p " + db.port + " -U " + db.user + " "
              + db.database + "; the application at " + baseUrl);
          Thread.sleep(seconds * 1000L);
        }
        if (phases.contains("pgbench")) {
          line("load average before pgbench: " + Machine.loadAverage());
          Pgbench.Result pg = Pgbench.run(db, 30);
          line("pgbench -s 10 -c 2 -j 2 -T 30: " + pg.tps() + " tps");
          line(pg.output().lines().filter(l -> l.startsWith("latency") || l.startsWith("tps")
              || l.contains("done in")).reduce((a, b) -> a + "\n" + b).orElse(""));
          if (!Double.isNaN(completions)) {
            line(String.format("RATIO completions/s / pgbench tps = %.1f / %.1f = %.3f (target >= 0.08)",
                completions, pg.tps(), completions / pg.tps()));
          }
          if (!Double.isNaN(sessionCompletions)) {
            line(String.format("SESSION RATIO completions/s / pgbench tps = %.1f / %.1f = %.3f (target >= 0.08)",
                sessionCompletions, pg.tps(), sessionCompletions / pg.tps()));
          }
          if (!Double.isNaN(bareWithDeadline)) {
            line(String.format("BARE RATIO (due dates) completions/s / pgbench tps = %.1f / %.1f = %.3f "
                + "(target >= 0.10)", bareWithDeadline, pg.tps(), bareWithDeadline / pg.tps()));
          }
          if (baseline != null) {
            line(String.format("BASELINE RATIO plain Camunda completions/s / pgbench tps = %.1f / %.1f = %.3f "
                + "(the issue's reference: about 0.10)", baseline.completionsPerSecond(), pg.tps(),
                baseline.completionsPerSecond() / pg.tps()));
          }
          if (baselineConsultation != null) {
            line(String.format("BASELINE CONSULTATION RATIO plain Camunda, the consultation's first step's shape, "
                + "completions/s / pgbench tps = %.1f / %.1f = %.3f (what Camunda alone reaches against the "
                + "target 0.08)", baselineConsultation.completionsPerSecond(), pg.tps(),
                baselineConsultation.completionsPerSecond() / pg.tps()));
          }
        }
      }
    } finally {
      line("load average at end: " + Machine.loadAverage());
      Path out = Path.of("target/bench/city-scale-" + Instant.now().toString().replace(':', '-') + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println("figures written to " + out.toAbsolutePath());
    }
  }

  // ---------------------------------------------------------------- seeding

  private void seed() throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    var openTasks = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS)
        .taskDefinitionKey(FIRST_TASK);
    long existing = openTasks.count();
    long overdueOpen = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS)
        .taskDefinitionKey(FIRST_TASK).dueBefore(new Date()).count();
    int missing = (int) Math.max(0, tasks - existing);
    // One in forty of the unit's tasks is overdue: assigned three weeks ago (the engine's clock set back).
    int overdue = (int) Math.min(missing, Math.max(0, tasks / 40 - overdueOpen));
    line("seeding: " + existing + " open " + FIRST_TASK + " tasks exist (" + overdueOpen + " overdue), " + missing
        + " to start, " + overdue + " of them overdue; load " + Machine.loadAverage());
    if (missing == 0) {
      return;
    }
    long started = System.nanoTime();
    int first = (int) engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .count();
    if (overdue > 0) {
      ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(21))));
      try {
        startInstances(runtime, first, overdue, true);
      } finally {
        ClockUtil.reset();
      }
    }
    startInstances(runtime, first + overdue, missing - overdue, false);
    double seconds = (System.nanoTime() - started) / 1e9;
    line(String.format("SEED %d consultation instances (%d overdue) in %.1f s = %.0f instances/s, load %s",
        missing, overdue, seconds, missing / seconds, Machine.loadAverage()));
    long vacuum = System.nanoTime();
    db.execute("VACUUM ANALYZE");
    line(String.format("VACUUM ANALYZE in %.1f s", (System.nanoTime() - vacuum) / 1e9));
    awaitNoDueJobs("jobs made due by the overdue part of the seed");
    // a settled database, as a running city's is: the bulk load's writes reach the data files now, not in a
    // checkpoint in the middle of the measured phases
    long checkpoint = System.nanoTime();
    db.execute("CHECKPOINT");
    line(String.format("CHECKPOINT in %.1f s", (System.nanoTime() - checkpoint) / 1e9));
  }

  private void startInstances(RuntimeService runtime, int from, int count, boolean overdue) throws Exception {
    CommandExecutor tx = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    int threads = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger(from);
    int end = from + count;
    AtomicLong lastPrint = new AtomicLong(System.nanoTime());
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        int first;
        while ((first = next.getAndAdd(BATCH)) < end) {
          int last = Math.min(end, first + BATCH);
          int batchFirst = first;
          tx.execute(commandContext -> {
            for (int n = batchFirst; n < last; n++) {
              startOne(runtime, n, overdue);
            }
            return null;
          });
          long now = System.nanoTime();
          long previous = lastPrint.get();
          if (now - previous > 30e9 && lastPrint.compareAndSet(previous, now)) {
            System.out.println("  seeded up to " + last + " of " + end + ", load " + Machine.loadAverage());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private void startOne(RuntimeService runtime, int n, boolean overdue) {
    List<String> units = organisation.units;
    String lead = units.get(n % units.size());
    String consulted = units.get((n + 1 + n / units.size() % (units.size() - 1)) % units.size());
    if (consulted.equals(lead)) {
      consulted = units.get((n + 1) % units.size());
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("deliverableCode", "TP-" + (n / 1000) + "." + (n % 1000));
    variables.put("deliverableTitle", "Văn bản số " + n + "/TP về công việc thường xuyên của đơn vị");
    variables.put("leadUnit", lead);
    variables.put("consultedUnits", SpinValues.jsonValue(json(List.of(consulted))).create());
    // due in 3 to 30 working days; overdue ones within 12 working days of a start three weeks ago
    variables.put("preparationDays", overdue ? 3 + n % 10 : 3 + n % 28);
    runtime.createProcessInstanceByKey(PROCESS).businessKey("TP-" + n).setVariables(variables).execute();
  }

  // ---------------------------------------------------------------- units' figures (issue 20)

  static final String HISTORY_PROCESS = "benchUnitHistory";

  /**
   * A year of finished work for the units' figures: {@code bench.history} one-task deliverables (default
   * 24,000, 2,000 a month), each started on a day of the last twelve months and completed 1–14 days later,
   * due 3–10 days after its start (so some are late), routed to a unit of the city and led by it or another.
   * Single thread: the engine's clock is one per JVM.
   */
  private void seedHistory() throws java.sql.SQLException {
    int count = Integer.getInteger("bench.history", 24_000);
    long existing = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(HISTORY_PROCESS).count();
    line("history: " + existing + " finished one-task deliverables exist, " + Math.max(0, count - existing)
        + " to add; load " + Machine.loadAverage());
    if (existing >= count) {
      return;
    }
    engine.getRepositoryService().createDeployment().name("bench-unit-history").enableDuplicateFiltering(true)
        .addModelInstance(HISTORY_PROCESS + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn
            .createExecutableProcess(HISTORY_PROCESS).name("Việc thường xuyên (benchmark)")
            .camundaHistoryTimeToLive(3650).startEvent().userTask("Task_Work").name("Xử lý việc được giao")
            .camundaCandidateGroups("${taskUnit}").camundaDueDate("${taskDue}").endEvent().done())
        .deploy();
    long started = System.nanoTime();
    java.time.ZoneId hanoi = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    java.time.LocalDate firstDay = java.time.LocalDate.now(hanoi).minusDays(365);
    List<String> units = organisation.units;
    // The seeded tasks' deadline timers fire too; with the job executor firing them while the clock jumps
    // between the seeded days, completions deadlock with it on ACT_RU_JOB. Seeding is not what is measured.
    org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getJobExecutor();
    jobExecutor.shutdown();
    try {
      for (int n = (int) existing; n < count; n++) {
        java.time.LocalDate day = firstDay.plusDays((long) n * 365 / count);
        String unit = units.get(n % units.size());
        String lead = n % 3 == 0 ? units.get((n + 7) % units.size()) : unit;
        Date start = Date.from(day.atTime(9, 0).atZone(hanoi).toInstant());
        Date due = Date.from(day.plusDays(3 + n % 8).atTime(17, 0).atZone(hanoi).toInstant());
        ClockUtil.setCurrentTime(start);
        String instance = engine.getRuntimeService().startProcessInstanceByKey(HISTORY_PROCESS, "LS-" + n,
            Map.of("leadUnit", lead, "taskUnit", unit, "taskDue", due)).getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        ClockUtil.setCurrentTime(Date.from(day.plusDays(1 + n % 14).atTime(10, 0).atZone(hanoi).toInstant()));
        completeDespiteTheWatch(task);
        if (n % 2000 == 0) {
          System.out.println("  history up to " + n + " of " + count + ", load " + Machine.loadAverage());
        }
      }
    } finally {
      ClockUtil.reset();
      jobExecutor.start();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    line(String.format("HISTORY %d finished tasks over 12 months in %.1f s", count - existing, seconds));
    db.execute("VACUUM ANALYZE");
  }

  /**
   * Completes a seeded task; the job executor may be firing the task's deadline timer at that moment (the
   * engine's clock jumps between the seeded days), which the completion then deletes: retried as a client would.
   */
  private void completeDespiteTheWatch(String task) {
    for (int attempt = 1; ; attempt++) {
      try {
        engine.getTaskService().complete(task);
        return;
      } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** Issue 20's target: the monthly figures of every unit in at most 1 s; also a quarter, a year, the XLSX. */
  private void unitFigures() throws Exception {
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    line("units' figures: " + engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()
        + " finished and " + engine.getTaskService().createTaskQuery().count() + " open tasks in the engine");
    download("units' figures (JSON), running month, every unit", "/api/monitoring/units?period=" + month, false);
    download("units' figures (JSON), last month, every unit", "/api/monitoring/units?period="
        + month.minusMonths(1), false);
    download("units' figures (JSON), last month, one unit", "/api/monitoring/units?period=" + month.minusMonths(1)
        + "&unit=" + organisation.units.get(1), false);
    download("units' figures (JSON), running year, every unit", "/api/monitoring/units?period=" + month.getYear(),
        false);
    download("units' figures (XLSX), last month, every unit", "/api/monitoring/units.xlsx?period="
        + month.minusMonths(1), true);
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitNoDueJobs(String what) throws InterruptedException {
    ManagementService management = engine.getManagementService();
    long started = System.nanoTime();
    long due = management.createJobQuery().executable().count();
    if (due == 0) {
      return;
    }
    line("waiting for " + due + " " + what);
    while ((due = management.createJobQuery().executable().count()) > 0) {
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(20)) {
        throw new IllegalStateException(due + " jobs still due after 20 minutes");
      }
      Thread.sleep(1000);
    }
    line(String.format("  done in %.1f s", (System.nanoTime() - started) / 1e9));
  }

  // ---------------------------------------------------------------- latencies

  private void inbox() throws Exception {
    Latencies latencies = new Latencies();
    int rows = 0;
    FlightRecording recording = null;
    for (int i = -50; i < calls; i++) {
      if (i == 0) {
        recording = FlightRecording.start("inbox");
      }
      String unit = organisation.units.get(Math.floorMod(i * 7, organisation.units.size()));
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.get("/engine-rest/task?candidateGroup=" + unit
          + "&sortBy=dueDate&sortOrder=asc&maxResults=50", BenchOrganisation.staffOf(unit));
      long t1 = System.nanoTime();
      BenchHttp.expect(response, 200, "inbox of " + unit);
      if (i >= 0) {
        latencies.add(t1 - t0);
        rows += json.readTree(response.body()).size();
      }
    }
    Path jfr = recording.stop();
    line("INBOX first 50 by due date, as the unit's staff (REST, HTTP Basic): " + latencies.summary()
        + String.format(", %.1f tasks per answer (target p95 <= 40 ms)", rows / (double) calls)
        + (jfr == null ? "" : "; JFR recording " + jfr));
  }

  private void overdueFilter() throws Exception {
    Optional<Filter> filter = engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && "overdue".equals(f.getProperties().get("gdnnFilter")))
        .findFirst();
    if (filter.isEmpty()) {
      line("OVERDUE filter: missing (the monitoring package's Tasklist filters are not in this build)");
      return;
    }
    Latencies latencies = new Latencies();
    int rows = 0;
    for (int i = -50; i < calls; i++) {
      String unit = organisation.units.get(Math.floorMod(i * 7, organisation.units.size()));
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.get("/engine-rest/filter/" + filter.get().getId()
          + "/list?firstResult=0&maxResults=50", BenchOrganisation.staffOf(unit));
      long t1 = System.nanoTime();
      BenchHttp.expect(response, 200, "overdue filter of " + unit);
      if (i >= 0) {
        latencies.add(t1 - t0);
        rows += json.readTree(response.body()).size();
      }
    }
    line("OVERDUE filter '" + filter.get().getName() + "' (REST /filter/{id}/list, first 50): "
        + latencies.summary() + String.format(", %.1f tasks per answer", rows / (double) calls));
  }

  /** At least {@code calls} calls, unless one takes so long that they would need more than the time budget. */
  private void download(String what, String path, boolean binary) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> first = http.getBytes(path, BenchOrganisation.MANAGER);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    if (first.statusCode() == 404) {
      line(what.toUpperCase() + ": missing (" + path + " answers 404 in this build)");
      return;
    }
    if (first.statusCode() != 200) {
      String body = new String(first.body(), java.nio.charset.StandardCharsets.UTF_8);
      line(what.toUpperCase() + " " + path + ": FAILED with HTTP " + first.statusCode() + " after "
          + Math.round(firstMs) + " ms: " + body.substring(0, Math.min(200, body.length()))
          + " (see the application log above for the cause)");
      return;
    }
    // the first call pays for cold caches and JIT: a second one decides whether `calls` calls fit the budget
    long t1 = System.nanoTime();
    BenchHttp.expect(http.getBytes(path, BenchOrganisation.MANAGER), 200, what);
    double warmMs = Math.min(firstMs, (System.nanoTime() - t1) / 1e6);
    double budgetMs = Integer.getInteger("bench.report.budget", 60) * 1000.0;
    int n = warmMs * calls > budgetMs ? Math.max(5, (int) (budgetMs / warmMs)) : calls;
    Latencies latencies = new Latencies();
    int size = 0;
    for (int i = -Math.min(20, n / 10); i < n; i++) {
      long s = System.nanoTime();
      HttpResponse<byte[]> response = http.getBytes(path, BenchOrganisation.MANAGER);
      long e = System.nanoTime();
      BenchHttp.expect(response, 200, what);
      if (i >= 0) {
        latencies.add(e - s);
        size = response.body().length;
      }
    }
    String deliverables = "";
    if (!binary) {
      JsonNode body = json.readTree(first.body());
      deliverables = ", answer " + body.toString().length() / 1024 + " KiB";
    }
    line(what.toUpperCase() + " " + path + ": " + latencies.summary() + ", " + size / 1024 + " KiB"
        + deliverables + (n < calls ? " (fewer calls: a warm call took " + Math.round(warmMs) + " ms)" : "")
        + String.format(" (first call %d ms)", Math.round(firstMs))
        + " (target <= 500 ms)");
  }

  // ---------------------------------------------------------------- throughput

  private double throughput() throws Exception {
    // latest due first: repeated runs keep the overdue part of the data set for the overdue filter
    return completionRate("THROUGHPUT", consultationPage(), consultationBody());
  }

  /**
   * The same completions as {@link #throughput} through the webapps' own engine API, as Tasklist sends them: a
   * Tasklist session per user (cookie) and the session's XSRF token instead of HTTP Basic on every call.
   */
  private double sessionThroughput() throws Exception {
    return completionRate("SESSION THROUGHPUT", consultationPage(), consultationBody(), this::sessionClient);
  }

  // latest due first: repeated runs keep the overdue part of the data set for the overdue filter
  private UnaryOperator<String> consultationPage() {
    return unit -> "/task?candidateGroup=" + unit + "&taskDefinitionKey=" + FIRST_TASK
        + "&sortBy=dueDate&sortOrder=desc&maxResults=10";
  }

  private CompletionBody consultationBody() {
    return (mine, round, unit) -> {
      String consulted = mine.get(round % mine.size()).equals(unit) ? mine.get((round + 1) % mine.size())
          : mine.get(round % mine.size());
      return "{\"variables\":{\"consultedUnits\":{\"type\":\"Json\",\"value\":"
          + json.writeValueAsString(json(List.of(consulted))) + "},"
          + "\"draftReference\":{\"value\":\"Dự thảo văn bản gửi lấy ý kiến, bản số 2\"}}}";
    };
  }

  /** The application's rate as a share of plain Camunda's on the same shape of work, when both were measured. */
  private void share(String what, double application, RawCamundaBaseline.Result plain) {
    if (!Double.isNaN(application) && plain != null) {
      line(String.format("SHARE OF PLAIN CAMUNDA %s: %.1f / %.1f completions/s = %.2f", what, application,
          plain.completionsPerSecond(), application / plain.completionsPerSecond()));
    }
  }

  /**
   * The same two REST clients on {@link BareProcesses}: what the platform (REST, HTTP Basic, authorizations,
   * history, the application's engine plugins) costs per completion without a procedure's own work, and what the
   * deadline timer adds.
   */
  private double bareThroughput(BareProcesses.Kind kind) throws Exception {
    // three tasks per instance: enough for 360 completions/s, so that a fast run never runs out inside its window
    int needed = (warmup + measure) * 120;
    long started = System.nanoTime();
    int seeded = BareProcesses.ensure(engine, kind, organisation.units, needed);
    line(String.format("%s: %d instances of 3 user tasks ready (%d started in %.1f s); load %s", kind.label,
        needed, seeded, (System.nanoTime() - started) / 1e9, Machine.loadAverage()));
    // newest first: the bare tasks are the unit's newest, so the page is found at once whichever plan PostgreSQL
    // picks; oldest first, second runs on the same database fell to under half the rate while the completion
    // call kept its time — the list call, not the completion, had set the rate
    return completionRate("BARE THROUGHPUT (" + kind.key + ")", unit -> "/task?candidateGroup=" + unit
        + "&processDefinitionKey=" + kind.key + "&sortBy=created&sortOrder=desc&maxResults=10",
        (mine, round, unit) -> "{}");
  }

  /** What the client sends to complete a task of {@code unit}, given the client's units and its round. */
  private interface CompletionBody {
    String of(List<String> mine, int round, String unit) throws Exception;
  }

  /** How a client thread reaches the engine as a user: paths are relative to the engine's REST root. */
  private interface EngineClient {
    HttpResponse<String> get(String path, String user) throws Exception;

    HttpResponse<String> post(String path, String user, String json) throws Exception;
  }

  /** REST ({@code /engine-rest}) with HTTP Basic on every call, as API clients do. */
  private EngineClient basicClient() {
    BenchHttp client = new BenchHttp(baseUrl);
    return new EngineClient() {
      @Override
      public HttpResponse<String> get(String path, String user) throws Exception {
        return client.get("/engine-rest" + path, user);
      }

      @Override
      public HttpResponse<String> post(String path, String user, String json) throws Exception {
        return client.post("/engine-rest" + path, user, json);
      }
    };
  }

  /** The webapps' engine API with a Tasklist session per user (logged in once, before the window opens). */
  private EngineClient sessionClient() {
    Map<String, BenchSession> sessions = new HashMap<>();
    return new EngineClient() {
      private BenchSession of(String user) throws Exception {
        BenchSession session = sessions.get(user);
        if (session == null) {
          session = BenchSession.login(baseUrl, user, BenchOrganisation.PASSWORD);
          sessions.put(user, session);
        }
        return session;
      }

      @Override
      public HttpResponse<String> get(String path, String user) throws Exception {
        return of(user).get(path);
      }

      @Override
      public HttpResponse<String> post(String path, String user, String json) throws Exception {
        return of(user).post(path, json);
      }
    };
  }

  /**
   * Two client threads, each with half of the units, each round reading a page of a unit's tasks through REST
   * as that unit's staff and completing them; completions per second over the measured window.
   */
  private double completionRate(String label, UnaryOperator<String> listOf,
      CompletionBody bodyOf) throws Exception {
    return completionRate(label, listOf, bodyOf, this::basicClient);
  }

  private double completionRate(String label, UnaryOperator<String> listOf, CompletionBody bodyOf,
      java.util.function.Supplier<EngineClient> clientOf) throws Exception {
    line(label + ": 2 client threads, " + warmup + " s warm-up, " + measure + " s measured; load "
        + Machine.loadAverage());
    MeasuredWindow window = new MeasuredWindow(warmup, measure);
    AtomicInteger errors = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      futures.add(clients.submit(() -> {
        EngineClient client = clientOf.get();
        List<String> mine = new ArrayList<>();
        for (int i = thread; i < organisation.units.size(); i += 2) {
          mine.add(organisation.units.get(i));
        }
        int round = 0;
        while (window.isOpen()) {
          String unit = mine.get(round++ % mine.size());
          String user = BenchOrganisation.staffOf(unit);
          long listed = System.nanoTime();
          HttpResponse<String> list = client.get(listOf.apply(unit), user);
          window.recordPage(listed, System.nanoTime());
          BenchHttp.expect(list, 200, "tasks of " + unit);
          for (JsonNode task : json.readTree(list.body())) {
            if (!window.isOpen()) {
              break;
            }
            String body = bodyOf.of(mine, round, unit);
            long s = System.nanoTime();
            HttpResponse<String> done = client.post("/task/" + task.get("id").asText() + "/complete", user, body);
            long e = System.nanoTime();
            if (done.statusCode() != 204 && done.statusCode() != 200) {
              if (errors.incrementAndGet() <= 3) {
                System.out.println("  completion failed: HTTP " + done.statusCode() + " " + done.body());
              }
              continue;
            }
            window.record(s, e);
          }
        }
        return null;
      }));
    }
    boolean statements = Boolean.getBoolean("bench.pg.statements");
    if (statements) {
      window.awaitMeasuredPart();
      db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      db.execute("SELECT pg_stat_statements_reset()");
    }
    FlightRecording recording = null;
    if (Boolean.getBoolean("bench.jfr")) {
      // where the measured completions spend their time
      window.awaitMeasuredPart();
      recording = FlightRecording.start(label);
    }
    for (Future<?> f : futures) {
      f.get();
    }
    clients.shutdown();
    if (recording != null) {
      line("JFR recording of the measured window: " + recording.stop());
    }
    double rate = window.perSecond();
    line(String.format("%s %.1f task completions/s over %d s after %d s warm-up (%d completed in all, "
        + "%d errors); completion call %s; page of tasks %s; load %s", label, rate, measure, warmup, window.total(),
        errors.get(), window.latencies().summary(), window.pages().summary(), Machine.loadAverage()));
    if (statements) {
      statementProfile(window.measured(), "completion");
    }
    return rate;
  }

  /** The statements of the measured window by total server time, per unit of work (-Dbench.pg.statements=true). */
  private void statementProfile(int completions, String unit) throws Exception {
    try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery(
        "SELECT calls, total_exec_time, mean_exec_time, rows, query FROM pg_stat_statements"
            + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " ORDER BY total_exec_time DESC")) {
      long calls = 0;
      double time = 0;
      List<String> top = new ArrayList<>();
      while (rs.next()) {
        calls += rs.getLong(1);
        time += rs.getDouble(2);
        if (top.size() < 40) {
          String query = rs.getString(5).replaceAll("\\s+", " ");
          top.add(String.format("  %6.2f calls/" + unit + ", mean %7.3f ms, total %8.0f ms, %6d rows: %s",
              rs.getLong(1) / (double) Math.max(1, completions), rs.getDouble(3), rs.getDouble(2), rs.getLong(4),
              query.substring(0, Math.min(220, query.length()))));
        }
      }
      line(String.format("STATEMENTS in the measured window: %.1f per " + unit + ", %.2f ms server time per "
          + unit + "; top by total time:", calls / (double) Math.max(1, completions),
          time / Math.max(1, completions)));
      top.forEach(this::line);
    }
  }

  // ---------------------------------------------------------------- timers

  private void timerBurst() throws Exception {
    ManagementService management = engine.getManagementService();
    awaitNoDueJobs("due jobs before the timer burst");
    // the tasks' own reminder timers (timeout task listener 'deadlineReminder' of the calendar's deadline policy)
    List<String> jobs = new ArrayList<>();
    try (var c = db.connect(); var s = c.prepareStatement("SELECT id_ FROM act_ru_job WHERE handler_type_ = "
        + "'timer-task-listener' AND handler_cfg_ LIKE ? AND duedate_ > now() ORDER BY id_ LIMIT ?")) {
      s.setString(1, "%$taskListener~" + REMINDER_LISTENER);
      s.setInt(2, timers);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          jobs.add(rs.getString(1));
        }
      }
    }
    if (jobs.size() < timers) {
      line("TIMER burst: only " + jobs.size() + " reminder timers waiting; burst made of those");
    }
    long failuresBefore = engine.getHistoryService().createHistoricJobLogQuery().failureLog().count();
    Date dueAt = Date.from(Instant.now().plusSeconds(45));
    CommandExecutor tx = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    long setStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < jobs.size(); from += 200) {
      List<String> slice = jobs.subList(from, Math.min(jobs.size(), from + 200));
      futures.add(pool.submit(() -> tx.execute(c -> {
        slice.forEach(job -> management.setJobDuedate(job, dueAt));
        return null;
      })));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    line(String.format("timer burst: %d reminder timers set due at %s in %.1f s", jobs.size(), dueAt.toInstant(),
        (System.nanoTime() - setStart) / 1e9));
    if (Instant.now().isAfter(dueAt.toInstant())) {
      line("  (setting took longer than the 45 s margin: the burst below starts late)");
    }
    Thread.sleep(Math.max(0, dueAt.getTime() - System.currentTimeMillis()));
    boolean statements = Boolean.getBoolean("bench.pg.statements");
    if (statements) {
      db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      db.execute("SELECT pg_stat_statements_reset()");
    }
    FlightRecording recording = FlightRecording.start("timer-burst");
    long burstStart = System.nanoTime();
    // Done when none of the burst's timers is left waiting: a fired timer's job is gone (the task's next step is a
    // new job, due later; a failed one stays with fewer retries). Polled through the due-date index; the job log
    // is counted once at the end.
    Date justAfter = new Date(dueAt.getTime() + 1000);
    while (management.createJobQuery().timers().duedateLowerThan(justAfter).count() > 0) {
      if (System.nanoTime() - burstStart > TimeUnit.MINUTES.toNanos(15)) {
        break;
      }
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - burstStart) / 1e9;
    Path jfr = recording.stop();
    long fired;
    double firstAfterDue;
    double lastAfterDue;
    // when the first and the last timer fired, from the job log: the wait for the idle job executor's next
    // acquisition (at most its max-wait) apart from the firing itself
    try (var c = db.connect(); var s = c.prepareStatement("SELECT count(DISTINCT job_id_), min(timestamp_), "
        + "max(timestamp_) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ANY(?)")) {
      s.setArray(1, c.createArrayOf("varchar", jobs.toArray()));
      try (var rs = s.executeQuery()) {
        rs.next();
        fired = rs.getLong(1);
        firstAfterDue = (rs.getTimestamp(2).getTime() - dueAt.getTime()) / 1e3;
        lastAfterDue = (rs.getTimestamp(3).getTime() - dueAt.getTime()) / 1e3;
      }
    }
    long failures = engine.getHistoryService().createHistoricJobLogQuery().failureLog().count() - failuresBefore;
    line(String.format("TIMER BURST %d reminder timers fired in %.1f s = %.0f jobs/s (%d successes logged, "
        + "%d failures) (target <= 30 s); first fired %.1f s after the due instant, last %.1f s after it "
        + "(%.0f jobs/s while firing); load %s%s", jobs.size(), seconds, fired / seconds, fired, failures,
        firstAfterDue, lastAfterDue, fired / Math.max(0.001, lastAfterDue - firstAfterDue), Machine.loadAverage(),
        jfr == null ? "" : "; JFR recording " + jfr));
    if (statements) {
      statementProfile(jobs.size(), "timer");
    }
  }

  // ---------------------------------------------------------------- output

  private String setting(String name) {
    try {
      return name + "=" + db.queryOne("SHOW " + name);
    } catch (Exception e) {
      return name + "=?";
    }
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
