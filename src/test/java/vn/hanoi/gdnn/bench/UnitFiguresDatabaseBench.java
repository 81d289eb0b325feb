package vn.hanoi.gdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.monitoring.HistoryDerivedUnitTasks;
import vn.hanoi.gdnn.monitoring.ReportPeriod;
import vn.hanoi.gdnn.monitoring.UnitPerformanceReport;
import vn.hanoi.gdnn.monitoring.UnitPerformanceService;
import vn.hanoi.gdnn.monitoring.UnitTaskHistory;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/**
 * Issue 20's units' figures measured on a seeded database without starting the application: for a bench database
 * that the application refuses to start on (its deployed models carry the version tags of models that have changed
 * since it was seeded, which {@code system.VersionTagGuard} rightly refuses). It brings the database forward with
 * the project's Flyway migrations (V7 fills the units' task summary from history; timed), checks that the summary
 * gives exactly the history's figures for the running and last month, one unit and the running year, then times
 * the history-derived SQL (the previous way) and the application's own {@link UnitPerformanceService} on the
 * summary, JSON figures and XLSX alike — everything the API does except HTTP, authentication and JSON writing.
 *
 * <p>{@code GDNN_BENCH_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) names the database, e.g. a copy of
 * {@code target/bench-pg} served on its own port; settings {@code bench.calls} (100), {@code bench.history.calls}
 * (20), {@code bench.unit} (so-gddt), {@code bench.units} (60, the city file's units).
 */
class UnitFiguresDatabaseBench {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  private final List<String> lines = new ArrayList<>();

  @Test
  void unitFigures() throws Exception {
    String url = System.getenv("GDNN_BENCH_DB_URL");
    Assumptions.assumeTrue(url != null, "GDNN_BENCH_DB_URL names the seeded database to measure");
    SingleConnectionDataSource db = new SingleConnectionDataSource(url, System.getenv("GDNN_BENCH_DB_USER"),
        System.getenv("GDNN_BENCH_DB_PASSWORD"), true);
    JdbcTemplate jdbc = new JdbcTemplate(db);
    int calls = Integer.getInteger("bench.calls", 100);
    int historyCalls = Integer.getInteger("bench.history.calls", 20);
    String unit = System.getProperty("bench.unit", "so-gddt");
    line(Machine.describe());
    line("tasks: open " + jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class) + ", finished "
        + jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL", Long.class));

    YearMonth month = YearMonth.now(HANOI);
    Instant now = Instant.now();
    Instant monthStart = month.atDay(1).atStartOfDay(HANOI).toInstant();
    HistoryDerivedUnitTasks history = new HistoryDerivedUnitTasks(db);
    UnitTaskHistory summary = new UnitTaskHistory(db);
    Map<String, Object[]> selections = new LinkedHashMap<>();
    selections.put("running month, every unit", new Object[] {month.atDay(1), now, null});
    selections.put("last month (closed), every unit", new Object[] {month.minusMonths(1).atDay(1), monthStart, null});
    selections.put("last month, one unit", new Object[] {month.minusMonths(1).atDay(1), monthStart, unit});
    selections.put("running year, every unit", new Object[] {LocalDate.of(month.getYear(), 1, 1), now, null});
    if (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'gdnn_unit_task'",
        Integer.class) == 0) {
      for (Map.Entry<String, Object[]> s : selections.entrySet()) {
        Object[] p = s.getValue();
        time("history-derived SQL (before V7), " + s.getKey(), historyCalls,
            () -> all(history.buckets((LocalDate) p[0], (Instant) p[1], (String) p[2]),
                history.involvement((LocalDate) p[0], (Instant) p[1], (String) p[2])));
      }
    }
    line("load before the migrations: " + Machine.loadAverage());
    long started = System.nanoTime();
    MigrateResult migrated = vn.hanoi.gdnn.system.SchemaMigrations.apply(db);
    line("Flyway: " + migrated.migrationsExecuted + " migrations in " + (System.nanoTime() - started) / 1_000_000
        + " ms, now at V" + migrated.targetSchemaVersion + "; " + jdbc.queryForObject(
            "SELECT COUNT(*) FROM gdnn_unit_task", Long.class) + " rows in gdnn_unit_task");
    for (Map.Entry<String, Object[]> s : selections.entrySet()) {
      Object[] p = s.getValue();
      LocalDate from = (LocalDate) p[0];
      Instant cut = (Instant) p[1];
      String only = (String) p[2];
      List<String> expected = all(history.buckets(from, cut, only), history.involvement(from, cut, only),
          only == null ? List.of() : history.deliverables(from, cut, only));
      assertThat(all(summary.buckets(from, cut, only), summary.involvement(from, cut, only),
          only == null ? List.of() : summary.deliverables(from, cut, only))).as(s.getKey()).isEqualTo(expected);
      line("summary = history for " + s.getKey() + " (" + expected.size() + " groups)");
    }

    Path city = BenchOrganisation.cityFile(Integer.getInteger("bench.units", 60));
    UnitPerformanceService service = new UnitPerformanceService(summary, WorkingDayCalendar.shipped(),
        new OrganisationDirectory(new FileSystemResource(city)));
    ReportPeriod running = ReportPeriod.parse(month.toString());
    ReportPeriod last = ReportPeriod.parse(month.minusMonths(1).toString());
    time("service, running month, every unit", calls, () -> service.figures(running, Optional.empty()));
    time("service, last month (closed), every unit", calls, () -> service.figures(last, Optional.empty()));
    time("service, last month, one unit (" + unit + ")", calls, () -> service.figures(last, Optional.of(unit)));
    time("service, running month, one unit (" + unit + ")", calls,
        () -> service.figures(running, Optional.of(unit)));
    time("service + XLSX, last month, every unit", calls,
        () -> UnitPerformanceReport.xlsx(service.figures(last, Optional.empty())));
    time("service + XLSX, running month, every unit", calls,
        () -> UnitPerformanceReport.xlsx(service.figures(running, Optional.empty())));
    time("service, running year, every unit", calls,
        () -> service.figures(ReportPeriod.parse(String.valueOf(month.getYear())), Optional.empty()));
    write();
  }

  private void time(String what, int calls, Supplier<Object> call) {
    call.get();
    Latencies latencies = new Latencies();
    for (int i = 0; i < calls; i++) {
      long t = System.nanoTime();
      call.get();
      latencies.add(System.nanoTime() - t);
    }
    line(what + ": " + latencies.summary() + " (load " + Machine.loadAverage() + ")");
  }

  private static List<String> all(List<?>... parts) {
    List<String> rows = new ArrayList<>();
    for (List<?> part : parts) {
      part.forEach(r -> rows.add(r.toString()));
    }
    Collections.sort(rows);
    return rows;
  }

  private void line(String text) {
    System.out.println(text);
    lines.add(text);
  }

  private void write() throws IOException {
    Path file = Path.of("target/bench/units-db-" + Instant.now().toString().replace(':', '-') + ".txt");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
    System.out.println("figures written to " + file.toAbsolutePath());
  }
}
