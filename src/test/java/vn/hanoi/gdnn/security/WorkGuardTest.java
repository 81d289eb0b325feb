package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The parts of the guard that depend on the engine's own classes: reading what a command carries (fails here
 * first when an engine upgrade renames a field) and telling reads from changes.
 */
class WorkGuardTest {

  @Test
  void theGuardReadsWhatEachGuardedCommandCarries() {
    Map<String, Object> variables = Variables.createVariables().putValue("opinion", "agree");

    assertThat(EngineCommands.taskId(new CompleteTaskCmd("t1", variables))).isEqualTo("t1");
    assertThat(EngineCommands.submittedVariables(new CompleteTaskCmd("t1", variables))).isEqualTo(variables);
    assertThat(EngineCommands.taskId(new SubmitTaskFormCmd("t2", variables, false, false))).isEqualTo("t2");
    assertThat(EngineCommands.submittedVariables(new SubmitTaskFormCmd("t2", variables, false, false)))
        .containsEntry("opinion", "agree");
    assertThat(EngineCommands.taskId(new ClaimTaskCmd("t3", "so-gddt-cv"))).isEqualTo("t3");
    assertThat(EngineCommands.assignee(new ClaimTaskCmd("t3", "so-gddt-cv"))).isEqualTo("so-gddt-cv");
    assertThat(EngineCommands.taskId(new AssignTaskCmd("t4", null))).isEqualTo("t4");
    assertThat(EngineCommands.assignee(new AssignTaskCmd("t4", "so-gddt-cv"))).isEqualTo("so-gddt-cv");
    UserEntity user = new UserEntity("so-gddt-cv");
    assertThat(EngineCommands.savedUser(new SaveUserCmd(user))).isSameAs(user);
  }

  @Test
  void readsAreToldApartFromChanges() {
    List<Command<?>> reads = List.of(new TaskQueryImpl(), new GetTaskVariableCmd("t", "x", false),
        new GetTaskFormCmd("t"));
    List<Command<?>> changes = List.of(new HandleTaskBpmnErrorCmd("t", "approved"),
        new HandleTaskEscalationCmd("t", "approved"), new ResolveTaskCmd("t", Map.of()),
        new SetTaskVariablesCmd("t", Map.of("leadUnit", "so-tc"), false),
        new PatchTaskVariablesCmd("t", Map.of(), List.of(), false), new SignalCmd("e", "s", null, Map.of()));

    assertThat(reads).allMatch(WorkGuard::isRead);
    assertThat(changes).noneMatch(WorkGuard::isRead);
  }
}
