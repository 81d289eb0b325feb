package vn.hanoi.gdnn.calendar;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs {@link LegacyWatchUpgrade} once the engine is built, while the node still holds the cluster's start lock
 * (it needs no model of this version: it reads the retired watch's own definition from the database).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class LegacyWatchUpgradeAtStart extends AbstractCamundaConfiguration {

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    LegacyWatchUpgrade.run(processEngine);
  }
}
