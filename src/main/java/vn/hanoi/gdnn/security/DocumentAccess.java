package vn.hanoi.gdnn.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who downloads a deliverable's document: whoever reads the deliverable ({@link DeliverableAccess}), and whoever
 * holds an open task of it (a consulted unit must read the draft it comments on, Sở Tư pháp the draft it
 * appraises) for as long as the task is theirs ({@link TaskHolders}).
 */
@Component
public class DocumentAccess {

  private final ObjectProvider<DocumentOwners> owners;
  private final DeliverableAccess deliverables;
  private final TaskHolders holders;
  private final HistoryService history;
  private final TaskService tasks;
  private final CommandExecutor commandExecutor;

  public DocumentAccess(ObjectProvider<DocumentOwners> owners, DeliverableAccess deliverables, TaskHolders holders,
      ProcessEngine engine) {
    this.owners = owners;
    this.deliverables = deliverables;
    this.holders = holders;
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Empty when there is no such document (404). */
  public Optional<Boolean> mayRead(String documentId, String user, Collection<String> groups) {
    return owners.getObject().rootProcessInstanceOf(documentId).map(root -> mayReadDeliverable(root, user, groups));
  }

  /** The rule for the documents of the deliverable whose lifecycle is the root process instance given. */
  public boolean mayReadDeliverable(String rootProcessInstanceId, String user, Collection<String> groups) {
    boolean reader = deliverables.ofProcessInstance(rootProcessInstanceId)
        .map(units -> DeliverableAccess.mayRead(groups, units)).orElse(false);
    return reader || holdsOpenTaskOf(rootProcessInstanceId, user, groups);
  }

  private boolean holdsOpenTaskOf(String root, String user, Collection<String> groups) {
    List<String> instances = commandExecutor.execute(context -> context.runWithoutAuthorization(() ->
        history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).unfinished().list().stream()
            .map(HistoricProcessInstance::getId).toList()));
    if (instances.isEmpty()) {
      return false;
    }
    List<Task> open = commandExecutor.execute(context -> context.runWithoutAuthorization(() ->
        tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()));
    return open.stream().anyMatch(t -> holders.holds(t.getId(), user, groups).orElse(false));
  }

  /** The request rule for a path naming a document; an unknown id passes (404). */
  public AuthorizationManager<RequestAuthorizationContext> byDocument(String pathVariable) {
    return (user, request) -> {
      Authentication authentication = user.get();
      if (!signedIn(authentication)) {
        return new AuthorizationDecision(false);
      }
      return new AuthorizationDecision(mayRead(request.getVariables().get(pathVariable), authentication.getName(),
          DeliverableAccess.groups(authentication)).orElse(true));
    };
  }

  static boolean signedIn(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && !new AuthenticationTrustResolverImpl().isAnonymous(authentication);
  }
}
