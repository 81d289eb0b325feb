package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import vn.hanoi.gdnn.delegation.DelegationRule;

/**
 * Installs {@link WorkGuard} in both of the engine's command chains (with and without a new transaction), after
 * the command context is opened, so that it sees the authenticated person of every command whatever the surface.
 * The delegation rule ({@link DelegationRule}) is looked up when first needed: it reads the identity service,
 * which exists only once the engine is built.
 */
@Component
public class WorkGuardPlugin extends AbstractCamundaConfiguration {

  private final ObjectProvider<DelegationRule> delegation;
  private final ObjectProvider<SubmissionCheck> checks;

  /** The delegation rule and the steps' own rules (e.g. a required document) are looked up when used: they need
   * the engine. */
  public WorkGuardPlugin(ObjectProvider<DelegationRule> delegation, ObjectProvider<SubmissionCheck> checks) {
    this.delegation = delegation;
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // both resolved once, on the first guarded completion: a bean lookup per completion cost for nothing
    Supplier<DelegationRule> rule = SingletonSupplier.of(delegation::getObject);
    Supplier<List<SubmissionCheck>> stepChecks = SingletonSupplier.of(() -> checks.orderedStream().toList());
    Iterable<SubmissionCheck> lazyChecks = () -> stepChecks.get().iterator();
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(),
            new WorkGuard(configuration, rule, lazyChecks)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
            new WorkGuard(configuration, rule, lazyChecks)));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(guard);
    return interceptors;
  }
}
