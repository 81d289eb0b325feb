package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a benchmark prints about the machine it ran on: cores, memory, kernel, load. */
final class Machine {

  private Machine() {
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String describe() {
    return "nproc=" + run(List.of("nproc")).trim() + "; uname -r=" + run(List.of("uname", "-r")).trim()
        + "; java=" + System.getProperty("java.version") + "\nfree -g:\n" + run(List.of("free", "-g"));
  }

  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.MINUTES);
      return out;
    } catch (IOException e) {
      return "(" + command.get(0) + " unavailable: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
