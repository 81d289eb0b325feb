package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs {@link WorkGuard} in both of the engine's command chains (with and without a new transaction), after
 * the command context is opened, so that it sees the authenticated person of every command whatever the surface.
 */
@Component
public class WorkGuardPlugin extends AbstractCamundaConfiguration {

  private final ObjectProvider<SubmissionCheck> checks;

  /** The steps' own rules (e.g. a required document) are looked up at each submission: they need the engine. */
  public WorkGuardPlugin(ObjectProvider<SubmissionCheck> checks) {
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new WorkGuard(configuration, checks)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new WorkGuard(configuration, checks)));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(guard);
    return interceptors;
  }
}
