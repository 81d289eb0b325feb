package vn.hanoi.gdnn.webapp;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.hanoi.gdnn.monitoring.ProgressService;
import vn.hanoi.gdnn.monitoring.UnitPerformanceService;

/**
 * Root of the plugin's REST resources. Cockpit's security filter lets a request through here only with a valid
 * webapp session for the engine in the path; the engine then runs the request as that user. The monitoring
 * beans come from the Spring context of the servlet container (Jersey, not Spring, creates this resource).
 */
@Path("plugin/" + MonitoringCockpitPlugin.ID)
public class MonitoringPluginRootResource extends AbstractCockpitPluginRootResource {

  public MonitoringPluginRootResource() {
    super(MonitoringCockpitPlugin.ID);
  }

  /**
   * Camunda serves only {@code app/plugin.js} and {@code app/plugin.css} of a plugin unless told otherwise: the
   * units' section of the dashboard and the chart library it draws with are two more static files.
   */
  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.addAll(List.of("app/units.js", "app/vendor/chart.umd.min.js"));
    return assets;
  }

  @Path("{engineName}/progress")
  public ProgressPluginResource progress(@PathParam("engineName") String engineName) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new ProgressPluginResource(engineName, spring.getBean(ProgressService.class)), engineName);
  }

  @Path("{engineName}/units")
  public UnitsPluginResource units(@PathParam("engineName") String engineName) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new UnitsPluginResource(engineName, spring.getBean(UnitPerformanceService.class)),
        engineName);
  }
}
