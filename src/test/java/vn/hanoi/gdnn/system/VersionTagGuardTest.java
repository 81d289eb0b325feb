package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;

/** A changed process must carry a new version tag, because callers bind by tag. */
class VersionTagGuardTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private ProcessEngine engine;
  private String deployment;

  @BeforeEach
  void deployed() {
    engine = extension.getProcessEngine();
    deployment = engine.getRepositoryService().createDeployment()
        .addString("processes/guarded.bpmn", text(model("Bước một"), "1.0.0")).deploy().getId();
  }

  @AfterEach
  void remove() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void aChangedProcessKeepingADeployedTagIsRefusedNamingFileAndTag() {
    VersionTagGuard guard = new VersionTagGuard(engine.getRepositoryService());
    byte[] changed = text(model("Bước một đã đổi"), "1.0.0").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> guard.check("processes/guarded.bpmn", changed))
        .hasMessageContaining("processes/guarded.bpmn").hasMessageContaining("guardedProcess")
        .hasMessageContaining("1.0.0");
  }

  @Test
  void theSameContentOrANewTagPasses() {
    VersionTagGuard guard = new VersionTagGuard(engine.getRepositoryService());

    assertThatCode(() -> guard.check("processes/guarded.bpmn",
        text(model("Bước một"), "1.0.0").getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    assertThatCode(() -> guard.check("processes/guarded.bpmn",
        text(model("Bước một đã đổi"), "1.1.0").getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
  }

  /** The same model text every time for the same name and tag (the fluent builder would generate new ids). */
  private static String model(String taskName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Guarded" targetNamespace="test">
          <bpmn:process id="guardedProcess" name="Quy trình thử" isExecutable="true"
              camunda:historyTimeToLive="P1D" camunda:versionTag="TAG">
            <bpmn:startEvent id="Event_Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_One" />
            <bpmn:userTask id="Task_One" name="NAME" />
          </bpmn:process>
        </bpmn:definitions>
        """.replace("NAME", taskName);
  }

  private static String text(String model, String tag) {
    return model.replace("TAG", tag);
  }
}
