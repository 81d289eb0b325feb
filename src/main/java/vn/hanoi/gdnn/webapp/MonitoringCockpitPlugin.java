package vn.hanoi.gdnn.webapp;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit plugin "gdnn-monitoring" (registered through META-INF/services): the JAX-RS resource behind the plan
 * progress dashboard, under {@code /camunda/api/cockpit/plugin/gdnn-monitoring/{engine}/progress}, and the
 * dashboard's script, served from {@code plugin-webapp/gdnn-monitoring/app/plugin.js}, which Cockpit loads for
 * every registered plugin.
 */
public class MonitoringCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "gdnn-monitoring";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(MonitoringPluginRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
