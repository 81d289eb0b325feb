package vn.hanoi.gdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two application nodes (separate JVMs, the same jar classpath, loopback ports) on one PostgreSQL, job executor
 * on both, webapp sessions in the database. Shows: both nodes starting at the same moment on an empty
 * database come up and deploy each model once; a webapp login made on node A is honoured by node B; under completions and due timers, node A is killed
 * with SIGKILL and node B carries on; afterwards every timer fired exactly once, no task was completed twice, no
 * instance was lost. Run: {@code mvn -Pbench test -Dtest=ClusterFailoverBench} (about 3 minutes).
 */
class ClusterFailoverBench {

  static final int INSTANCES = Integer.getInteger("bench.cluster.instances", 1600);
  static final int TIMERS = Integer.getInteger("bench.cluster.timers", 700);
  static final String STAFF_PASSWORD = BenchOrganisation.PASSWORD;
  /** A job locked by a node that died is taken over when its lock expires; short here to keep the run short. */
  static final int LOCK_MILLIS = 20_000;

  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder report = new StringBuilder();

  @Test
  void survivesLosingANode() throws Exception {
    line("=== GDNN two-node failover, " + Instant.now() + " === load " + Machine.loadAverage());
    try (BenchDatabase db = BenchDatabase.open("gdnn_cluster", true, "target/bench-pg-cluster", 55433)) {
      // 1. both nodes start at the same moment on an empty database (schema, models, organisation, grants)
      Node a = Node.start("node-a", db, freePort());
      Node b = Node.start("node-b", db, freePort());
      a.awaitHealthy();
      b.awaitHealthy();
      line("both nodes up: " + a + ", " + b);
      Map<String, Integer> versions = versionsPerProcess(db);
      line("process versions after concurrent start: " + versions + "; deployments: "
          + db.queryOne("SELECT count(*) FROM act_re_deployment"));
      assertThat(versions.values()).as("one version per process, whichever node deployed").allMatch(v -> v == 1);

      // 2. a webapp login on node A is a session node B knows
      sharedSession(a, b);

      // 3. work: instances, staff, timers due in the middle of the run
      List<String> units = List.of("so-gddt", "so-tc", "so-tp", "so-nv", "so-xd", "so-khcn", "so-vhtt", "so-nnmt");
      // the first four units' tasks are completed under load; the others' tasks carry the timers
      List<String> completing = units.subList(0, 4);
      List<String> watched = units.subList(4, 8);
      BenchHttp admin = new BenchHttp(a.base);
      createStaff(admin, units);
      List<String> instances = startInstances(a, b, units);
      line("started " + instances.size() + " consultation instances through both nodes");

      // 4. completions through both nodes; node A is killed with SIGKILL mid-load
      Set<String> completedOk = ConcurrentHashMap.newKeySet();
      Set<String> uncertain = ConcurrentHashMap.newKeySet();
      AtomicBoolean aAlive = new AtomicBoolean(true);
      AtomicBoolean stop = new AtomicBoolean(false);
      AtomicInteger afterKill = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(2);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        futures.add(clients.submit(() -> {
          BenchHttp viaA = new BenchHttp(a.base);
          BenchHttp viaB = new BenchHttp(b.base);
          int round = thread;
          while (!stop.get()) {
            String unit = completing.get(round++ % completing.size());
            boolean useA = aAlive.get() && round % 2 == 0;
            BenchHttp node = useA ? viaA : viaB;
            HttpResponse<String> list;
            try {
              list = node.get("/engine-rest/task?candidateGroup=" + unit + "&taskDefinitionKey="
                  + CityScaleBench.FIRST_TASK + "&maxResults=5&firstResult=" + (thread * 5), staffOf(unit));
            } catch (IOException e) {
              continue; // node A just died: the next round goes to node B
            }
            if (list.statusCode() != 200) {
              continue;
            }
            for (JsonNode task : json.readTree(list.body())) {
              String id = task.get("id").asText();
              String other = completing.get((completing.indexOf(unit) + 1) % completing.size());
              String body = "{\"variables\":{\"consultedUnits\":{\"type\":\"Json\",\"value\":"
                  + json.writeValueAsString("[\"" + other + "\"]") + "},"
                  + "\"draftReference\":{\"value\":\"Dự thảo gửi lấy ý kiến\"}}}";
              boolean beforeKill = aAlive.get();
              try {
                HttpResponse<String> done = node.post("/engine-rest/task/" + id + "/complete", staffOf(unit), body);
                Thread.sleep(100); // a user's pace, so that work remains for node B after the kill
                if (done.statusCode() == 204) {
                  completedOk.add(id);
                  if (!beforeKill) {
                    afterKill.incrementAndGet();
                  }
                }
              } catch (IOException e) {
                uncertain.add(id); // the node died while answering: committed or not, history decides
                break;
              }
            }
          }
          return null;
        }));
      }
      // once completions flow through both nodes, reminder timers become due; node A dies while they fire
      long warm = System.nanoTime();
      while (completedOk.size() < 50 && System.nanoTime() - warm < TimeUnit.SECONDS.toNanos(90)) {
        Thread.sleep(500);
      }
      List<String> timerJobs = timersDueSoon(db, b, watched, Duration.ofSeconds(40));
      line(completedOk.size() + " completions so far; " + timerJobs.size()
          + " reminder timers set due at one moment; node A is killed once a tenth of them has fired");
      long firing = System.nanoTime();
      while (timersFired(db, timerJobs) < timerJobs.size() / 10
          && System.nanoTime() - firing < TimeUnit.SECONDS.toNanos(90)) {
        Thread.sleep(50);
      }
      int beforeKill = completedOk.size();
      long firedBeforeKill = timersFired(db, timerJobs);
      a.kill();
      long lockedAtKill = countIn(db, "SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND id_ = ANY(?)",
          timerJobs);
      aAlive.set(false);
      Instant killedAt = Instant.now();
      line(String.format("SIGKILL node A at %s: %d completions and %d of %d timers done so far; %d timers "
          + "locked by a node at that moment", killedAt, beforeKill, firedBeforeKill, timerJobs.size(), lockedAtKill));
      Thread.sleep(25_000);
      stop.set(true);
      for (Future<?> f : futures) {
        f.get();
      }
      clients.shutdown();
      line("completions through node B after the kill: " + afterKill.get() + "; calls cut by the kill: "
          + uncertain.size());

      // 5. node B finishes every due timer, including those node A had locked when it died
      long waitStart = System.nanoTime();
      while (timersFired(db, timerJobs) < timerJobs.size()
          && System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(LOCK_MILLIS / 1000 + 120)) {
        Thread.sleep(1000);
      }
      assertThat(b.process.isAlive()).as("node B still up").isTrue();
      HttpResponse<String> health = new BenchHttp(b.base).get("/actuator/health", "demo");
      line("node B health after the run: " + health.statusCode() + " " + health.body());

      // 6. the checks
      checkTimers(db, timerJobs, killedAt);
      checkCompletions(db, completedOk, uncertain);
      checkInstances(db, instances);
      b.stop();
    } finally {
      Node.stopAll();
      line("load average at end: " + Machine.loadAverage());
      Path out = Path.of("target/bench/cluster-failover-" + Instant.now().toString().replace(':', '-') + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println("figures written to " + out.toAbsolutePath());
    }
  }

  // ------------------------------------------------------------------ steps

  private Map<String, Integer> versionsPerProcess(BenchDatabase db) throws SQLException {
    Map<String, Integer> versions = new java.util.TreeMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT key_, count(*) FROM act_re_procdef GROUP BY key_")) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getInt(2));
      }
    }
    return versions;
  }

  private void sharedSession(Node a, Node b) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    browser.send(HttpRequest.newBuilder(URI.create(a.base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(a.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login on node A: " + login.body()).isEqualTo(200);
    // The same cookies (a browser behind a load balancer without sticky sessions) now reach node B.
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(
        URI.create(b.base + "/camunda/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> count = browser.send(HttpRequest.newBuilder(
        URI.create(b.base + "/camunda/api/engine/engine/default/task/count")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    line("SESSION login on node A, then node B: GET auth/user -> " + me.statusCode() + " " + me.body()
        + "; Tasklist API task/count -> " + count.statusCode() + " " + count.body());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).path("userId").asText()).isEqualTo("demo");
    assertThat(count.statusCode()).isEqualTo(200);
  }

  private void createStaff(BenchHttp admin, List<String> units) throws Exception {
    for (String unit : units) {
      String body = "{\"profile\":{\"id\":\"" + staffOf(unit) + "\",\"firstName\":\"Chuyên viên\",\"lastName\":\""
          + unit + "\"},\"credentials\":{\"password\":\"" + STAFF_PASSWORD + "\"}}";
      BenchHttp.expect(admin.postAs("/engine-rest/user/create", "demo", "demo", body), 204, "user " + unit);
      BenchHttp.expect(admin.putAs("/engine-rest/group/" + unit + "/members/" + staffOf(unit), "demo", "demo"),
          204, "membership " + unit);
    }
  }

  private List<String> startInstances(Node a, Node b, List<String> units) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      BenchHttp node = new BenchHttp(t == 0 ? a.base : b.base);
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int n = thread; n < INSTANCES; n += 2) {
          String lead = units.get(n % units.size());
          String consulted = units.get((n + 1) % units.size());
          String body = "{\"businessKey\":\"CL-" + n + "\",\"variables\":{"
              + "\"deliverableCode\":{\"value\":\"CL-" + n + "\"},"
              + "\"deliverableTitle\":{\"value\":\"Văn bản kiểm thử cụm máy chủ số " + n + "\"},"
              + "\"leadUnit\":{\"value\":\"" + lead + "\"},"
              + "\"preparationDays\":{\"value\":" + (3 + n % 20) + "},"
              + "\"consultedUnits\":{\"type\":\"Json\",\"value\":" + json.writeValueAsString("[\"" + consulted + "\"]")
              + "}}}";
          HttpResponse<String> started = node.postAs("/engine-rest/process-definition/key/consultation/start",
              "demo", "demo", body);
          BenchHttp.expect(started, 200, "start " + n);
          ids.add(json.readTree(started.body()).get("id").asText());
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return ids;
  }

  /** Sets the reminder timers of the tasks' deadlines due at one moment, through node A's REST API. */
  private List<String> timersDueSoon(BenchDatabase db, Node node, List<String> units, Duration in)
      throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        // a task's deadline timer sits on the task's execution; the task's candidate group is the unit
        "SELECT j.id_ FROM act_ru_job j JOIN act_ru_task t ON t.execution_id_ = j.execution_id_ "
            + "JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' "
            + "WHERE j.type_ = 'timer' AND j.handler_type_ = 'timer-task-listener' "
            + "AND j.handler_cfg_ LIKE '%$taskListener~deadlineReminder' AND l.group_id_ = ANY(?) "
            + "ORDER BY j.id_ LIMIT ?")) {
      s.setArray(1, c.createArrayOf("varchar", units.toArray()));
      s.setInt(2, TIMERS);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    assertThat(ids).as("reminder timers waiting in the watched units").hasSize(TIMERS);
    String due = OffsetDateTime.now(ZoneOffset.UTC).plus(in)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    BenchHttp admin = new BenchHttp(node.base);
    for (String id : ids) {
      BenchHttp.expect(admin.putJsonAs("/engine-rest/job/" + id + "/duedate", "demo", "demo",
          "{\"duedate\":\"" + due + "\"}"), 204, "due date of job " + id);
    }
    return ids;
  }

  private long timersFired(BenchDatabase db, List<String> jobIds) throws SQLException {
    return countIn(db, "SELECT count(DISTINCT job_id_) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ANY(?)",
        jobIds);
  }

  private void checkTimers(BenchDatabase db, List<String> jobIds, Instant killedAt) throws SQLException {
    Map<String, Integer> perNode = new java.util.TreeMap<>();
    Map<String, Integer> successes = new HashMap<>();
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT job_id_, hostname_, after_kill, count(*) FROM (SELECT job_id_, hostname_, timestamp_ > ? AS after_kill "
            + "FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ANY(?)) t GROUP BY 1, 2, 3")) {
      s.setTimestamp(1, java.sql.Timestamp.from(killedAt));
      s.setArray(2, c.createArrayOf("varchar", jobIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          successes.merge(rs.getString(1), rs.getInt(4), Integer::sum);
          perNode.merge(rs.getString(2) + (rs.getBoolean(3) ? " after the kill" : " before the kill"), rs.getInt(4),
              Integer::sum);
        }
      }
    }
    long failures = countIn(db, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1 AND job_id_ = ANY(?)",
        jobIds);
    long reminders = countIn(db, "SELECT count(*) FROM act_hi_comment WHERE message_ LIKE 'Nhắc việc lần 1%' "
        + "AND task_id_ IN (SELECT v.text_ FROM act_hi_varinst v WHERE v.name_ = 'taskId' AND v.proc_inst_id_ IN "
        + "(SELECT l.process_instance_id_ FROM act_hi_job_log l WHERE l.job_id_ = ANY(?)))", jobIds);
    long once = successes.values().stream().filter(n -> n == 1).count();
    line(String.format("TIMERS %d of %d fired exactly once (more than once: %d, never: %d; failed attempts "
        + "logged: %d); reminder comments written: %d; fired per node: %s", once, jobIds.size(),
        successes.values().stream().filter(n -> n > 1).count(), jobIds.size() - successes.size(), failures,
        reminders, perNode));
    assertThat(once).isEqualTo(jobIds.size());
    assertThat(reminders).isEqualTo(jobIds.size());
  }

  private void checkCompletions(BenchDatabase db, Set<String> ok, Set<String> uncertain) throws SQLException {
    Set<String> all = new HashSet<>(ok);
    all.addAll(uncertain);
    List<String> ids = new ArrayList<>(all);
    long completedInHistory = countIn(db, "SELECT count(*) FROM act_hi_taskinst WHERE id_ = ANY(?) "
        + "AND end_time_ IS NOT NULL AND delete_reason_ = 'completed'", ids);
    List<String> cutOnly = uncertain.stream().filter(id -> !ok.contains(id)).toList();
    long cutCompleted = countIn(db, "SELECT count(*) FROM act_hi_taskinst WHERE id_ = ANY(?) "
        + "AND delete_reason_ = 'completed'", cutOnly);
    long twiceInLog = countIn(db, "SELECT count(*) FROM (SELECT task_id_ FROM act_hi_op_log WHERE "
        + "operation_type_ = 'Complete' AND task_id_ = ANY(?) GROUP BY task_id_ HAVING count(DISTINCT operation_id_) > 1) t",
        ids);
    long okInHistory = countIn(db, "SELECT count(*) FROM act_hi_taskinst WHERE id_ = ANY(?) "
        + "AND delete_reason_ = 'completed'", new ArrayList<>(ok));
    long stillOpen = countIn(db, "SELECT count(*) FROM act_ru_task WHERE id_ = ANY(?)", ids);
    line(String.format("COMPLETIONS %d answered 204, completed in history: %d; calls cut by the kill: %d, of "
        + "which not completed later through node B: %d (committed before the kill: %d, still open: %d); "
        + "tasks with more than one completion in the operation log: %d", ok.size(), okInHistory,
        uncertain.size(), cutOnly.size(), cutCompleted, cutOnly.size() - cutCompleted, twiceInLog));
    assertThat(okInHistory).isEqualTo(ok.size());
    assertThat(twiceInLog).isZero();
    assertThat(completedInHistory + stillOpen).isEqualTo(ids.size());
  }

  private void checkInstances(BenchDatabase db, List<String> instances) throws SQLException {
    long known = countIn(db, "SELECT count(*) FROM act_hi_procinst WHERE id_ = ANY(?)", instances);
    long running = countIn(db, "SELECT count(*) FROM act_ru_execution WHERE id_ = ANY(?) AND id_ = proc_inst_id_",
        instances);
    long withWork = countIn(db, "SELECT count(DISTINCT proc_inst_id_) FROM act_ru_task WHERE proc_inst_id_ = ANY(?)",
        instances);
    line(String.format("INSTANCES %d started, %d in history, %d running, %d with an open task", instances.size(),
        known, running, withWork));
    assertThat(known).isEqualTo(instances.size());
    assertThat(running).isEqualTo(instances.size());
    assertThat(withWork).isEqualTo(instances.size());
  }

  private long countIn(BenchDatabase db, String sql, List<String> ids) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String staffOf(String unit) {
    return BenchOrganisation.staffOf(unit);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  // ------------------------------------------------------------------ nodes

  /** One application node: its own JVM running {@link BenchNode} with the postgres profile. */
  static final class Node {
    private static final List<Node> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(Node::stopAll));
    }

    final String name;
    final String base;
    final Process process;

    private Node(String name, String base, Process process) {
      this.name = name;
      this.base = base;
      this.process = process;
    }

    static Node start(String name, BenchDatabase db, int port) throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Ho_Chi_Minh",
          "-Dfile.encoding=UTF-8", "-cp", classPath(), BenchNode.class.getName(),
          "--server.port=" + port,
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
          "--camunda.bpm.job-execution.wait-time-in-millis=1000",
          "--camunda.bpm.job-execution.max-wait=2000"));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("GDNN_DB_URL", db.url);
      builder.environment().put("GDNN_DB_USER", db.user);
      builder.environment().put("GDNN_DB_PASSWORD", db.password);
      builder.environment().put("GDNN_DB_POOL_SIZE", "10");
      File log = Path.of("target/bench/" + name + ".log").toFile();
      log.getParentFile().mkdirs();
      builder.redirectErrorStream(true).redirectOutput(log);
      Node node = new Node(name, "http://localhost:" + port, builder.start());
      STARTED.add(node);
      return node;
    }

    /** Every node this JVM started is stopped when the benchmark ends, passed or failed. */
    static void stopAll() {
      for (Node node : STARTED) {
        if (node.process.isAlive()) {
          node.process.destroyForcibly();
        }
      }
      STARTED.clear();
    }

    void awaitHealthy() throws Exception {
      HttpClient client = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/bench/"
              + name + ".log");
        }
        try {
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
              .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().contains("UP")) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(1000);
      }
      throw new IllegalStateException(name + " not healthy after 4 minutes");
    }

    /** SIGKILL: no shutdown hook, no graceful stop, locks and transactions left as they are. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }

    @Override
    public String toString() {
      return name + " " + base + " (pid " + process.pid() + ")";
    }

    /** The test classpath, read through surefire's manifest-only jar when it stands in for it. */
    static String classPath() throws IOException {
      String cp = System.getProperty("java.class.path");
      if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) {
        try (JarFile jar = new JarFile(cp)) {
          Manifest manifest = jar.getManifest();
          String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (entries != null) {
            List<String> paths = new ArrayList<>();
            for (String entry : entries.trim().split("\\s+")) {
              paths.add(Path.of(URI.create(entry.startsWith("file:") ? entry : "file:" + entry)).toString());
            }
            return String.join(File.pathSeparator, paths);
          }
        }
      }
      return cp;
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
