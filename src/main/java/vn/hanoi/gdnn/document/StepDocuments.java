package vn.hanoi.gdnn.document;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What document a step produces, declared once on its user task in the BPMN model:
 * {@code <camunda:property name="requiredDocument" value="draft"/>} (a {@link DocumentKind} id) and, for a step
 * that records a signed document, {@code <camunda:property name="requiredSignature" value="true"/>}. The upload
 * reads it (default kind, signed PDF required), the submission guard reads it (no completion without the
 * document), Tasklist's document tab shows it. The model comes from the engine's deployment cache.
 */
@Component
public class StepDocuments {

  public static final String REQUIRED_DOCUMENT = "requiredDocument";
  public static final String REQUIRED_SIGNATURE = "requiredSignature";

  /** The document a step cannot be completed without. */
  public record Requirement(DocumentKind kind, boolean signed) {
  }

  private final RepositoryService repository;

  public StepDocuments(ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
  }

  public Optional<Requirement> of(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Optional.empty();
    }
    if (!(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey)
        instanceof UserTask task)) {
      return Optional.empty();
    }
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    String kind = null;
    boolean signed = false;
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (REQUIRED_DOCUMENT.equals(property.getCamundaName())) {
          kind = property.getCamundaValue();
        } else if (REQUIRED_SIGNATURE.equals(property.getCamundaName())) {
          signed = Boolean.parseBoolean(property.getCamundaValue());
        }
      }
    }
    if (kind == null) {
      return Optional.empty();
    }
    String id = kind;
    DocumentKind documentKind = DocumentKind.of(id).orElseThrow(() -> new IllegalStateException(
        "Unknown requiredDocument '" + id + "' on " + taskDefinitionKey + " of " + processDefinitionId));
    return Optional.of(new Requirement(documentKind, signed));
  }
}
