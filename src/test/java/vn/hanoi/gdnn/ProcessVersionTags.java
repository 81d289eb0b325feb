package vn.hanoi.gdnn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/** The version tag of every process in processes/, read from the files: what call activities bind to. */
public final class ProcessVersionTags {

  private static Map<String, String> tags;

  private ProcessVersionTags() {
  }

  public static synchronized Map<String, String> all() {
    if (tags == null) {
      Map<String, String> found = new HashMap<>();
      try (Stream<Path> files = Files.list(Path.of("processes"))) {
        files.filter(f -> f.toString().endsWith(".bpmn")).forEach(f -> Bpmn.readModelFromFile(f.toFile())
            .getModelElementsByType(Process.class).forEach(p -> found.put(p.getId(), p.getCamundaVersionTag())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tags = Map.copyOf(found);
    }
    return tags;
  }

  public static String of(String processKey) {
    String tag = all().get(processKey);
    if (tag == null) {
      throw new IllegalArgumentException("No process " + processKey + " with a version tag in processes/");
    }
    return tag;
  }
}
