package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * The per-deliverable rule of {@link AccessRules}: a deliverable's detail and history are for the units that
 * lead or co-operate on it (their staff and leader groups), and for the roles that follow the whole plan (plan
 * managers, the UBND office's escalation team, administrators). A unit that only answered a consultation, or a
 * unit the deliverable was taken from, does not read it. The lead unit is the current one: access follows the
 * work when a deliverable is re-assigned.
 */
@Component
public class DeliverableAccess {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AuthenticationTrustResolver ANONYMOUS = new AuthenticationTrustResolverImpl();

  private final ObjectProvider<DeliverableUnits> deliverables;
  private final HistoryService history;
  private final CommandExecutor commandExecutor;

  public DeliverableAccess(ObjectProvider<DeliverableUnits> deliverables, ProcessEngine engine) {
    this.deliverables = deliverables;
    this.history = engine.getHistoryService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** The rule itself. */
  public static boolean mayRead(Collection<String> groups, DeliverableUnits.Involved units) {
    if (groups.stream().anyMatch(AccessRules.READ_EVERY_DELIVERABLE::contains)) {
      return true;
    }
    List<String> involved = new ArrayList<>(units.coUnits());
    if (units.leadUnit() != null) {
      involved.add(units.leadUnit());
    }
    return groups.stream().map(Groups::unitOf).flatMap(Optional::stream).anyMatch(involved::contains);
  }

  public static List<String> groups(Authentication user) {
    return user == null ? List.of() : user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  /**
   * The request rule for a path naming a deliverable by its code. An unknown code is let through so that the
   * controller answers 404: the list of codes is readable by everyone anyway.
   */
  public AuthorizationManager<RequestAuthorizationContext> byCode(String pathVariable) {
    return (user, request) -> decide(user, () -> deliverables.getObject()
        .ofDeliverable(request.getVariables().get(pathVariable)));
  }

  /** The request rule for a path naming a process instance of a deliverable (its trail). Unknown ids pass (404). */
  public AuthorizationManager<RequestAuthorizationContext> byProcessInstance(String pathVariable) {
    return (user, request) -> decide(user, () -> ofProcessInstance(request.getVariables().get(pathVariable)));
  }

  private static AuthorizationDecision decide(Supplier<Authentication> user,
      Supplier<Optional<DeliverableUnits.Involved>> units) {
    Authentication authentication = user.get();
    if (authentication == null || !authentication.isAuthenticated() || ANONYMOUS.isAnonymous(authentication)) {
      return new AuthorizationDecision(false); // answered 401 by the chain
    }
    return new AuthorizationDecision(units.get().map(u -> mayRead(groups(authentication), u)).orElse(true));
  }

  /**
   * The units of the deliverable a process instance belongs to: {@code leadUnit} and {@code coUnits} of its root
   * (the lifecycle), or of the instance itself when it was started on its own. Read without the caller's engine
   * authorizations: this decides, it shows nothing.
   */
  public Optional<DeliverableUnits.Involved> ofProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(commandExecutor.execute(context -> context.runWithoutAuthorization(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (instance == null) {
        return null;
      }
      DeliverableUnits.Involved root = involved(Objects.requireNonNullElse(instance.getRootProcessInstanceId(),
          instance.getId()));
      return root.leadUnit() != null || instance.getRootProcessInstanceId() == null ? root
          : involved(instance.getId());
    })));
  }

  private DeliverableUnits.Involved involved(String processInstanceId) {
    String lead = null;
    List<String> coUnits = new ArrayList<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn("leadUnit", "coUnits").list()) {
      // process-level variables only: a task-local copy is not the deliverable's
      if (!processInstanceId.equals(variable.getActivityInstanceId()) || variable.getValue() == null) {
        continue;
      }
      if ("leadUnit".equals(variable.getName())) {
        lead = variable.getValue().toString();
      } else {
        coUnits.addAll(units(variable.getValue().toString()));
      }
    }
    return new DeliverableUnits.Involved(lead, coUnits);
  }

  private static List<String> units(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<String> codes = new ArrayList<>();
      node.forEach(n -> codes.add(n.asText()));
      return codes;
    } catch (Exception e) {
      return List.of();
    }
  }
}
