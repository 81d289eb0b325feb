package vn.hanoi.gdnn.webapp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.hanoi.gdnn.monitoring.DeliverableProgress;
import vn.hanoi.gdnn.monitoring.ProgressReport;
import vn.hanoi.gdnn.monitoring.ProgressService;
import vn.hanoi.gdnn.monitoring.ProgressView;
import vn.hanoi.gdnn.security.AccessRules;

/**
 * The dashboard's data and the report downloads for the logged-in Cockpit user: the same rule as the manager
 * API ({@code /api/monitoring}, {@link AccessRules#PLAN_PROGRESS}), with the webapp session instead of HTTP Basic.
 * Camunda's webapp filter lets any signed-in user of the engine reach a Cockpit plugin's resources (a Tasklist
 * session is enough), so the group check here is needed.
 */
public class ProgressPluginResource extends AbstractCockpitPluginResource {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ProgressService progress;

  public ProgressPluginResource(String engineName, ProgressService progress) {
    super(engineName);
    this.progress = progress;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response summary(@QueryParam("unit") String unit) {
    return guarded(unit, deliverables -> Response.ok(
        ProgressView.of(progress.summary(deliverables), unit, now()), MediaType.APPLICATION_JSON).build());
  }

  @GET
  @Path("report.xlsx")
  public Response xlsx(@QueryParam("unit") String unit) {
    return guarded(unit, deliverables -> download(XLSX, "xlsx", unit, ProgressReport.xlsx(deliverables,
        unit == null ? null : progress.unitName(unit).orElse(unit), now())));
  }

  @GET
  @Path("report.csv")
  public Response csv(@QueryParam("unit") String unit) {
    return guarded(unit, deliverables -> download("text/csv; charset=UTF-8", "csv", unit,
        ProgressReport.csv(deliverables)));
  }

  private Response guarded(String unit, java.util.function.Function<List<DeliverableProgress>, Response> answer) {
    Authentication user = getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().noneMatch(AccessRules.PLAN_PROGRESS::contains)) {
      return json(Response.Status.FORBIDDEN, Map.of("message", AccessRules.PROGRESS_DENIED));
    }
    String wanted = unit == null || unit.isEmpty() ? null : unit;
    if (wanted != null && progress.unitName(wanted).isEmpty()) {
      return json(Response.Status.BAD_REQUEST, Map.of("field", "unit", "message", ProgressService.unknownUnit(unit)));
    }
    return answer.apply(progress.deliverables(Optional.ofNullable(wanted)));
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  private static Response download(String type, String extension, String unit, byte[] content) {
    String name = "bao-cao-tien-do" + (unit == null || unit.isEmpty() ? "" : "-" + unit) + "." + extension;
    return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
