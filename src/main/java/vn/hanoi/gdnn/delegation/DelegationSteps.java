package vn.hanoi.gdnn.delegation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.notification.People;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * The steps of the {@code absenceDelegation} process (bean {@code absenceDelegation}): at the start of the absence
 * the leader's open tasks of the delegated kinds, and the unassigned tasks of the unit's leaders' group, go to the
 * deputy; at its end every task still held because of it goes back (to the leader, or to the leaders' group's
 * queue) — nothing stays with someone no longer entitled to it.
 */
@Component("absenceDelegation")
public class DelegationSteps {

  public static final String PROCESS_KEY = "absenceDelegation";
  public static final String ABSENCE_ID = "absenceId";

  private static final Logger LOG = LoggerFactory.getLogger(DelegationSteps.class);

  private final Absences absences;
  private final TaskService tasks;
  private final People people;

  public DelegationSteps(Absences absences, @Lazy TaskService tasks, People people) {
    this.absences = absences;
    this.tasks = tasks;
    this.people = people;
  }

  /** "Chuyển việc cho người được ủy quyền". */
  public void begin(DelegateExecution execution) {
    Absence absence = absence(execution);
    absences.setState(absence.id(), Absence.State.ACTIVE);
    List<Task> own = tasks.createTaskQuery().taskAssignee(absence.leaderId()).active().list();
    List<Task> group = tasks.createTaskQuery().taskCandidateGroup(Groups.leadersOf(absence.unit())).taskUnassigned()
        .active().list();
    int moved = 0;
    for (Task task : own) {
      if (absence.covers(processKey(task))) {
        handOver(task, absence, false);
        moved++;
      }
    }
    for (Task task : group) {
      if (absence.covers(processKey(task))) {
        handOver(task, absence, true);
        moved++;
      }
    }
    LOG.info("Absence {} of {} began: {} task(s) given to the deputy {}", absence.id(), absence.leaderId(), moved,
        absence.deputyId());
  }

  /** "Trả lại việc, kết thúc ủy quyền". */
  public void end(DelegateExecution execution) {
    Absence absence = absence(execution);
    absences.setState(absence.id(), Absence.State.ENDED);
    List<Task> delegated = tasks.createTaskQuery().taskVariableValueEquals(DelegationRule.ON_BEHALF_OF,
        absence.leaderId()).list();
    for (Task task : delegated) {
      boolean fromGroup = Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), DelegationRule.FROM_LEADERS_GROUP));
      tasks.removeVariablesLocal(task.getId(), List.of(DelegationRule.ON_BEHALF_OF,
          DelegationRule.FROM_LEADERS_GROUP));
      tasks.createComment(task.getId(), task.getProcessInstanceId(), "Hết thời gian ủy quyền ("
          + absence.period() + "): công việc được trả lại " + (fromGroup ? "lãnh đạo đơn vị"
          : people.nameOf(absence.leaderId())) + ".");
      tasks.setAssignee(task.getId(), fromGroup ? null : absence.leaderId());
    }
    LOG.info("Absence {} of {} ended: {} task(s) given back", absence.id(), absence.leaderId(), delegated.size());
  }

  /** Gives one task to the deputy, marked so that its completion is a ký thay and its end gives it back. */
  void handOver(Task task, Absence absence, boolean fromGroup) {
    tasks.setVariablesLocal(task.getId(), Map.of(DelegationRule.ON_BEHALF_OF, absence.leaderId(),
        DelegationRule.FROM_LEADERS_GROUP, fromGroup));
    tasks.createComment(task.getId(), task.getProcessInstanceId(), "Ủy quyền: " + people.nameOf(absence.deputyId())
        + " xử lý thay (ký thay) " + people.nameOf(absence.leaderId()) + " trong thời gian vắng mặt "
        + absence.period() + ".");
    tasks.setAssignee(task.getId(), absence.deputyId());
  }

  private Absence absence(DelegateExecution execution) {
    String id = (String) execution.getVariable(ABSENCE_ID);
    return absences.find(id).orElseThrow(() -> new IllegalStateException("No absence " + id));
  }

  static String processKey(Task task) {
    return task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
  }
}
