package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.NodeTools;

/**
 * Every BPMN file passes bpmnlint's recommended rules (src/test/node/.bpmnlintrc), warnings included — except
 * "no-inclusive-gateway": the consultation's public posting runs beside the units' replies through an inclusive
 * split and join, because an instance migrated from 1.1.0 (no posting branch) must not wait at a parallel join for
 * a token that never comes (docs/procedures.md, "Versions on purpose").
 */
class BpmnLintTest {

  @Test
  void everyProcessPassesTheRecommendedBpmnlintRules() throws Exception {
    Path tools = NodeTools.install();
    List<String> command = new ArrayList<>(List.of("node",
        tools.resolve("node_modules/bpmnlint/bin/bpmnlint.js").toAbsolutePath().toString(),
        "--max-warnings=0", "--config", tools.resolve(".bpmnlintrc").toAbsolutePath().toString()));
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      files.filter(p -> p.toString().endsWith(".bpmn")).sorted()
          .forEach(p -> command.add(p.toAbsolutePath().toString()));
    }

    NodeTools.Result result = NodeTools.run(Path.of("."), command, 120);

    assertThat(result.exitCode()).as("bpmnlint found problems:\n%s", result.output()).isZero();
  }
}
