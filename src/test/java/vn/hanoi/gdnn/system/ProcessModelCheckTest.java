package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import vn.hanoi.gdnn.ProcessVersionTags;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/**
 * Static checks over every model in processes/ and form in forms/, with the BPMN Model API. Each problem
 * is reported as "file › element: what is wrong", all at once, so a broken model is fixed in one pass.
 */
class ProcessModelCheckTest {

  private static final OrganisationDirectory ORGANISATION =
      new OrganisationDirectory(new FileSystemResource("src/main/resources/organisation/organisation.yaml"));

  private final List<String> problems = new ArrayList<>();

  @Test
  void everyModelAndFormFollowsTheProjectRules() throws IOException {
    Map<String, Path> forms = formIds();
    List<Path> bpmnFiles = files("processes", ".bpmn");
    assertThat(bpmnFiles).as("BPMN files in processes/").isNotEmpty();

    for (Path file : bpmnFiles) {
      checkBpmn(file, forms);
    }
    for (Path file : files("processes", ".dmn")) {
      try {
        Dmn.readModelFromFile(file.toFile());
      } catch (RuntimeException e) {
        problems.add(file + ": does not parse as DMN: " + e.getMessage());
      }
    }
    assertThat(problems).as("model problems").isEmpty();
  }

  private void checkBpmn(Path file, Map<String, Path> forms) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      problems.add(file + ": does not parse as BPMN: " + e.getMessage());
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      String where = file + " › " + process.getId();
      if (!process.isExecutable()) {
        problems.add(where + ": process is not executable (isExecutable=\"true\")");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(where + ": no camunda:historyTimeToLive");
      }
      if (process.getCamundaVersionTag() == null) {
        problems.add(where + ": no camunda:versionTag");
      }
      if (process.getName() == null || process.getName().isBlank()) {
        problems.add(where + ": process has no name");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String where = file + " › " + node.getId();
      boolean seenByUsers = node instanceof Activity || node instanceof Event
          || (node instanceof Gateway && node.getOutgoing().size() > 1);
      if (seenByUsers && (node.getName() == null || node.getName().isBlank())) {
        problems.add(where + ": " + node.getElementType().getTypeName() + " has no name");
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      checkCallActivity(file + " › " + call.getId(), call);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = file + " › " + task.getId();
      checkCandidateGroups(where, task.getCamundaCandidateGroups());
      String formRef = task.getCamundaFormRef();
      if (formRef == null) {
        problems.add(where + ": user task has no camunda:formRef");
      } else if (!forms.containsKey(formRef)) {
        problems.add(where + ": camunda:formRef \"" + formRef + "\" names no form id in forms/");
      }
    }
  }

  /**
   * Versions on purpose (docs/procedures.md, "Versions"): a call activity names the version tag it calls, and
   * that tag is the one the called process carries in processes/ — a procedure changed without its callers
   * being pointed at it (or the other way round) fails here, not in a running deliverable. The call starts
   * behind an asynchronous continuation, so the procedure's start (project code) fails as an incident.
   */
  private void checkCallActivity(String where, CallActivity call) {
    if (!"versionTag".equals(call.getCamundaCalledElementBinding())) {
      problems.add(where + ": call activity binds \"" + call.getCamundaCalledElementBinding()
          + "\" instead of camunda:calledElementBinding=\"versionTag\"");
    } else {
      String expected = ProcessVersionTags.all().get(call.getCalledElement());
      if (expected == null) {
        problems.add(where + ": calls \"" + call.getCalledElement() + "\", which is no process in processes/");
      } else if (!expected.equals(call.getCamundaCalledElementVersionTag())) {
        problems.add(where + ": calls " + call.getCalledElement() + " version tag \""
            + call.getCamundaCalledElementVersionTag() + "\" but processes/ has \"" + expected + "\"");
      }
    }
    if (!call.isCamundaAsyncBefore()) {
      problems.add(where + ": call activity without camunda:asyncBefore=\"true\"");
    }
  }

  /** Literal candidate groups must be groups of the organisation; expressions are resolved at run time. */
  private void checkCandidateGroups(String where, String candidateGroups) {
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return;
    }
    for (String group : candidateGroups.split(",")) {
      String id = group.strip();
      if (!id.contains("${") && !id.contains("#{") && !ORGANISATION.isKnownGroup(id)) {
        problems.add(where + ": candidate group \"" + id + "\" is not a group of the organisation "
            + "(organisation/organisation.yaml)");
      }
    }
  }

  private Map<String, Path> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Path> ids = new HashMap<>();
    for (Path form : files("forms", ".form")) {
      JsonNode id = json.readTree(form.toFile()).get("id");
      if (id == null || id.asText().isBlank()) {
        problems.add(form + ": form has no top-level \"id\"");
      } else if (ids.containsKey(id.asText())) {
        problems.add(form + ": form id \"" + id.asText() + "\" is also used by " + ids.get(id.asText()));
      } else {
        ids.put(id.asText(), form);
      }
    }
    return ids;
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
