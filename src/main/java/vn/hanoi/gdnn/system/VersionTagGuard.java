package vn.hanoi.gdnn.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Refuses a changed BPMN file whose process keeps a version tag that is already deployed. Callers bind
 * procedures by version tag, and Camunda cannot pick between two definitions with the same key and tag: the
 * first call would fail in a running deliverable. Failing the start instead names the file and the tag to raise.
 */
final class VersionTagGuard {

  private final RepositoryService repository;

  VersionTagGuard(RepositoryService repository) {
    this.repository = repository;
  }

  void check(String resourceName, byte[] content) {
    if (!resourceName.endsWith(".bpmn")) {
      return;
    }
    for (Process process : Bpmn.readModelFromStream(new ByteArrayInputStream(content))
        .getModelElementsByType(Process.class)) {
      String tag = process.getCamundaVersionTag();
      if (tag == null) {
        continue; // ProcessModelCheckTest requires one; an untagged process is never called by tag
      }
      for (ProcessDefinition deployed : repository.createProcessDefinitionQuery()
          .processDefinitionKey(process.getId()).versionTag(tag).list()) {
        if (!Arrays.equals(content, deployedContent(deployed))) {
          throw new IllegalStateException(resourceName + " has changed, but process " + process.getId()
              + " keeps version tag " + tag + ", which version " + deployed.getVersion() + " already carries."
              + " Raise camunda:versionTag, point its callers' camunda:calledElementVersionTag at it and add a"
              + " migration (system.ModelMigrations) or say why running instances stay (docs/procedures.md).");
        }
      }
    }
  }

  private byte[] deployedContent(ProcessDefinition definition) {
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
        definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
