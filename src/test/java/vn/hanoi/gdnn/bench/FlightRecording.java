package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recording of one measured part of the benchmark ({@code -Dbench.jfr=true}), written to
 * {@code target/bench/<name>.jfr}; read it with {@code jfr print --stack-depth 200 --events jdk.ExecutionSample}.
 * Without the property it records nothing.
 */
final class FlightRecording {

  private final String name;
  private final Recording recording;

  private FlightRecording(String name, Recording recording) {
    this.name = name;
    this.recording = recording;
  }

  static FlightRecording start(String name) throws IOException, ParseException {
    if (!Boolean.getBoolean("bench.jfr")) {
      return new FlightRecording(name, null);
    }
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return new FlightRecording(name, recording);
  }

  /** Where the recording was written, or null when none was made. */
  Path stop() throws IOException {
    if (recording == null) {
      return null;
    }
    String file = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    Path path = Path.of("target/bench", file + ".jfr").toAbsolutePath();
    recording.stop();
    recording.dump(path);
    recording.close();
    return path;
  }
}
