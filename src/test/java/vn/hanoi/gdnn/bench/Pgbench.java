package vn.hanoi.gdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own TPC-B-like benchmark on the benchmark's server ({@code pgbench -i -s 10}, then 2 clients),
 * the yardstick that makes the engine's figures comparable across machines.
 */
final class Pgbench {

  static final String DATABASE = "gdnn_pgbench";
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private Pgbench() {
  }

  static String binary() {
    String given = System.getenv("GDNN_PGBENCH");
    if (given != null && !given.isBlank()) {
      return given;
    }
    for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs the initialisation and a {@code seconds} long run with 2 clients; returns the output and the tps. */
  static Result run(BenchDatabase db, int seconds) throws Exception {
    String pgbench = binary();
    if (pgbench == null) {
      return new Result(Double.NaN, "pgbench not found (apt-get install postgresql-contrib, or set GDNN_PGBENCH)");
    }
    db.recreateDatabase(DATABASE);
    List<String> connection = List.of("-h", db.host, "-p", String.valueOf(db.port), "-U", db.user);
    String init = exec(db, command(pgbench, connection, "-i", "-q", "-s", "10", DATABASE));
    String out = exec(db, command(pgbench, connection, "-c", "2", "-j", "2", "-T", String.valueOf(seconds),
        DATABASE));
    Matcher m = TPS.matcher(out);
    double tps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    return new Result(tps, init.lines().reduce((a, b) -> b).orElse("") + "\n" + out);
  }

  private static List<String> command(String pgbench, List<String> connection, String... args) {
    List<String> command = new ArrayList<>();
    command.add(pgbench);
    command.addAll(connection);
    command.addAll(List.of(args));
    return command;
  }

  private static String exec(BenchDatabase db, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (db.password != null) {
      builder.environment().put("PGPASSWORD", db.password);
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + String.join(" ", command) + "\n" + out);
    }
    return out;
  }

  record Result(double tps, String output) {
  }
}
