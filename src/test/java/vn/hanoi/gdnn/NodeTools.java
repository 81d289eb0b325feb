package vn.hanoi.gdnn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node tools some tests run (bpmnlint, Playwright), installed from src/test/node/package.json into
 * target/node-tools once per build. Without Node.js the tests that need it are skipped with a plain message,
 * except under CI (CI=true), where a missing tool is a failure.
 */
public final class NodeTools {

  private static final Path SOURCE = Path.of("src", "test", "node");
  private static final Path HOME = Path.of("target", "node-tools");
  private static boolean installed;

  private NodeTools() {
  }

  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the calling test (or fails it under CI) when {@code command} is not on this machine. */
  public static void requireCommand(String command, String howToInstall) {
    boolean present = onPath(command);
    if (!present && underCi()) {
      throw new AssertionError(command + " is missing under CI; " + howToInstall);
    }
    if (!present) {
      // printed, not only recorded: the build log must say plainly what did not run and how to enable it
      System.out.println("\n*** SKIPPED: " + command + " is not installed; " + howToInstall + " ***\n");
    }
    assumeTrue(present, "SKIPPED: " + command + " is not installed; " + howToInstall);
  }

  /** Installs the packages of src/test/node (once) and returns the folder holding node_modules. */
  public static synchronized Path install() throws IOException, InterruptedException {
    requireCommand("npm", "install Node.js 20 and npm (Debian: apt-get install nodejs npm) to run it");
    if (!installed) {
      Files.createDirectories(HOME);
      try (var files = Files.list(SOURCE)) {
        for (Path file : files.toList()) {
          Files.copy(file, HOME.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Result result = run(HOME, List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"), 600);
      if (result.exitCode() != 0) {
        throw new IllegalStateException("npm install failed in " + HOME + ":\n" + result.output());
      }
      installed = true;
    }
    return HOME;
  }

  public static Result run(Path workDir, List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
        .redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  public record Result(int exitCode, String output) {
  }
}
