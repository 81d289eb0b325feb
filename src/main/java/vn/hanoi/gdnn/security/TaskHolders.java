package vn.hanoi.gdnn.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * Who holds an open task: its assignee, or, while nobody is assigned, its candidate users and the members of its
 * candidate groups; administrators too. The rule for working on a task's documents (attach, list), on every
 * surface. Read without the caller's engine authorizations: this decides, it shows nothing.
 */
@Component
public class TaskHolders {

  private final TaskService tasks;
  private final CommandExecutor commandExecutor;

  public TaskHolders(ProcessEngine engine) {
    this.tasks = engine.getTaskService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Empty when there is no open task with this id (answered 404 by the controller). */
  public Optional<Boolean> holds(String taskId, String user, Collection<String> groups) {
    if (taskId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(commandExecutor.execute(context -> context.runWithoutAuthorization(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return null;
      }
      if (groups.contains(Groups.ADMINISTRATORS) || user.equals(task.getAssignee())) {
        return true;
      }
      if (task.getAssignee() != null) {
        return false;
      }
      List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
      return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
          .anyMatch(l -> user.equals(l.getUserId()) || l.getGroupId() != null && groups.contains(l.getGroupId()));
    })));
  }

  /** The request rule for a path naming a task; an unknown task passes (404). */
  public AuthorizationManager<RequestAuthorizationContext> byTask(String pathVariable) {
    return (user, request) -> {
      var authentication = user.get();
      if (!DocumentAccess.signedIn(authentication)) {
        return new AuthorizationDecision(false);
      }
      return new AuthorizationDecision(holds(request.getVariables().get(pathVariable), authentication.getName(),
          DeliverableAccess.groups(authentication)).orElse(true));
    };
  }
}
