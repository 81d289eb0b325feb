package vn.hanoi.gdnn.webapp;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Webapp plugin "gdnn-notifications" (registered through META-INF/services): the resource behind Tasklist's page
 * "Nhận thông báo" ({@code tasklist/scripts/notification-preferences.js}), under
 * {@code /camunda/api/cockpit/plugin/gdnn-notifications/{engine}/preferences}. It is a Cockpit plugin only because
 * that is Camunda's way to serve a resource with the webapp session, which a Tasklist login opens too; it shows
 * nothing in Cockpit.
 */
public class NotificationsTasklistPlugin extends AbstractCockpitPlugin {

  public static final String ID = "gdnn-notifications";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(NotificationsPluginRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
