package vn.hanoi.gdnn.webapp;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.hanoi.gdnn.notification.PreferenceViews;

/** Root of the notification page's resource; the webapp session decides who the caller is. */
@Path("plugin/" + NotificationsTasklistPlugin.ID)
public class NotificationsPluginRootResource extends AbstractCockpitPluginRootResource {

  public NotificationsPluginRootResource() {
    super(NotificationsTasklistPlugin.ID);
  }

  @Path("{engineName}/preferences")
  public PreferencesPluginResource preferences(@PathParam("engineName") String engineName) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new PreferencesPluginResource(engineName, spring.getBean(PreferenceViews.class)), engineName);
  }
}
