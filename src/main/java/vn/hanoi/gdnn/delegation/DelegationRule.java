package vn.hanoi.gdnn.delegation;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * The delegation rule, in one place: who may be a deputy, and when a deputy acts for an absent leader. The engine
 * side of it is enforced by {@code security.WorkGuard} (which calls {@link #refusal}) and applied by the absence
 * process and the task listeners of {@link DelegationPlugin}; nothing else decides it.
 *
 * <p>A deputy must be a leader of the leader's own unit (a member of {@code <unit>-lanh-dao}), not the leader. A
 * deputy acts for the leader only while the absence is in force (started, not ended, and today within its days),
 * and only on tasks of the kinds in its scope.
 */
@Component
public class DelegationRule {

  /** Task-local: the leader a task was moved from to the deputy (set while delegated, removed at the end). */
  public static final String ON_BEHALF_OF = "onBehalfOf";
  /** Task-local: the task was the leaders' group's, unassigned, when it was given to the deputy. */
  public static final String FROM_LEADERS_GROUP = "delegatedFromLeadersGroup";
  /** Task-local, kept in history: the leader a completed task was signed for (ký thay). */
  public static final String SIGNED_ON_BEHALF_OF = "signedOnBehalfOf";
  /** Task-local, kept in history: the signature line "KT. <leader> — <deputy>". */
  public static final String SIGNED_AS = "signedAs";

  private final Absences absences;
  private final IdentityService identity;

  public DelegationRule(Absences absences, @Lazy IdentityService identity) {
    this.absences = absences;
    this.identity = identity;
  }

  /** Whether a person is a leader of a unit. */
  public boolean isLeaderOf(String userId, String unit) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(Groups.leadersOf(unit))
        .count() > 0;
  }

  /** The absence in force of a leader that covers a kind of task, if any. */
  public Optional<Absence> absenceOf(String leaderId, String processKey, Instant now) {
    if (leaderId == null) {
      return Optional.empty();
    }
    return absences.openOf(leaderId).stream().filter(a -> a.inForce(now) && a.covers(processKey)).findFirst();
  }

  /** The absence in force of a leader of the unit that covers a kind of task, for the leaders' group's tasks. */
  public Optional<Absence> absenceInUnit(String unit, String processKey, Instant now) {
    return absences.activeInUnit(unit).stream().filter(a -> a.inForce(now) && a.covers(processKey)).findFirst();
  }

  /**
   * Why {@code user} may not complete {@code task}, or empty when they may. {@code onBehalfOf} is the task's
   * {@link #ON_BEHALF_OF} marker. A task moved to a deputy is theirs only while the absence is in force; a task
   * assigned to someone else is the assignee's, or their deputy's during their absence.
   */
  public Optional<String> refusal(String user, Task task, String onBehalfOf, String processKey, Instant now) {
    String assignee = task.getAssignee();
    if (onBehalfOf != null) {
      if (user.equals(assignee) && absenceOf(onBehalfOf, processKey, now).filter(a -> a.deputyId().equals(user))
          .isPresent()) {
        return Optional.empty();
      }
      return Optional.of("Không được xử lý công việc \"" + task.getName() + "\": thời gian ủy quyền ký thay của "
          + onBehalfOf + " đã kết thúc hoặc Anh/Chị không phải người được ủy quyền.");
    }
    if (assignee == null || assignee.equals(user)) {
      return Optional.empty();
    }
    if (absenceOf(assignee, processKey, now).filter(a -> a.deputyId().equals(user)).isPresent()) {
      return Optional.empty(); // the absent leader's deputy signs for them
    }
    return Optional.of("Công việc \"" + task.getName() + "\" đang do " + assignee + " xử lý: chỉ người được giao "
        + "(hoặc người được ủy quyền ký thay trong thời gian người đó vắng mặt) được hoàn thành.");
  }

  /** The leader a completion by {@code user} is signed for, if it is a ký thay. */
  public Optional<String> signedFor(String user, Task task, String onBehalfOf, String processKey, Instant now) {
    if (onBehalfOf != null && user.equals(task.getAssignee())) {
      return Optional.of(onBehalfOf);
    }
    String assignee = task.getAssignee();
    if (assignee != null && !assignee.equals(user)
        && absenceOf(assignee, processKey, now).filter(a -> a.deputyId().equals(user)).isPresent()) {
      return Optional.of(assignee);
    }
    return Optional.empty();
  }
}
