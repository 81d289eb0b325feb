package vn.hanoi.gdnn.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Task grants follow the work. Camunda's default provider grants a task's candidate group or assignee READ and
 * TASK_WORK on that task, but keeps the grant when the group or person is taken off the task: after a
 * deliverable moved to another lead unit, the old unit still read, claimed and completed the moved tasks. This
 * provider (the engine's own extension point, so it holds for the plan API, the REST API, the webapps and every
 * delegate alike) also takes the grant away:
 * <ul>
 *   <li>a candidate group or user removed from an open task loses its authorization on that task, unless it is
 *   still linked to the task in another way;</li>
 *   <li>a previous assignee or owner loses theirs, unless they still hold the task in another role.</li>
 * </ul>
 * Grants are left alone while a task completes or is deleted, and none is made for the person named as assignee at
 * that moment (the completing user, {@link CompletingUserRecorder}): the engine deletes every authorization of the
 * task itself in the same transaction.
 */
@Component
public class TaskGrantsFollowWork extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      return open(task) && !stillLinked(task, null, groupId, type) ? grantsOf(task, null, groupId) : null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
      return open(task) && !stillLinked(task, userId, null, type) && !holds(task, userId)
          ? grantsOf(task, userId, null) : null;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      if (ending(task)) {
        return null; // the completing person named in history: a grant would be deleted with the task at once
      }
      revokeFormer(task, oldAssignee, newAssignee, task.getOwner());
      return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      revokeFormer(task, oldOwner, newOwner, task.getAssignee());
      return super.newTaskOwner(task, oldOwner, newOwner);
    }

    /** The engine saves what these two methods return but deletes nothing, so the old grant goes here. */
    private void revokeFormer(Task task, String former, String successor, String otherRole) {
      if (former == null || former.equals(successor) || former.equals(otherRole) || !open(task)
          || stillLinked(task, former, null, null)) {
        return;
      }
      AuthorizationEntity[] grants = grantsOf(task, former, null);
      if (grants != null) {
        Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(grants);
      }
    }

    /** Completing or being deleted: the engine deletes the task's authorizations in this transaction. */
    private static boolean ending(Task task) {
      String state = task.getTaskState();
      return "Completed".equals(state) || "Deleted".equals(state);
    }

    private static boolean open(Task task) {
      String state = task.getTaskState();
      // TaskEntity.TaskState has no accessor for these names
      return task.getId() != null && ("Created".equals(state) || "Updated".equals(state));
    }

    private static boolean holds(Task task, String userId) {
      return userId.equals(task.getAssignee()) || userId.equals(task.getOwner());
    }

    /** Whether the user or group keeps another identity link (of another type) on the task. */
    private static boolean stillLinked(Task task, String userId, String groupId, String removedType) {
      if (!(task instanceof TaskEntity entity)) {
        return false;
      }
      for (IdentityLinkEntity link : entity.getIdentityLinks()) {
        boolean same = userId != null ? userId.equals(link.getUserId()) : groupId.equals(link.getGroupId());
        if (same && !Objects.equals(removedType, link.getType())) {
          return true;
        }
      }
      return false;
    }

    /** The user's or group's grants on the task (runtime, and historic when historic permissions are on). */
    private AuthorizationEntity[] grantsOf(Task task, String userId, String groupId) {
      CommandContext context = Context.getCommandContext();
      List<AuthorizationEntity> grants = new ArrayList<>();
      List<Resources> resources = isHistoricInstancePermissionsEnabled()
          ? List.of(Resources.TASK, Resources.HISTORIC_TASK) : List.of(Resources.TASK);
      for (Resources resource : resources) {
        AuthorizationEntity grant = context.runWithoutAuthorization(() -> context.getAuthorizationManager()
            .findAuthorization(AUTH_TYPE_GRANT, userId, groupId, resource, task.getId()));
        if (grant != null) {
          grants.add(grant);
        }
      }
      return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
    }
  }
}
