package vn.hanoi.gdnn.webapp;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

import vn.hanoi.gdnn.notification.PreferenceViews;

/**
 * The signed-in person's own notification preference, with the webapp session: the same view and the same check
 * as {@code /api/notifications/preferences} ({@link PreferenceViews}). Always the caller's own.
 */
public class PreferencesPluginResource extends AbstractCockpitPluginResource {

  private final PreferenceViews views;

  public PreferencesPluginResource(String engineName, PreferenceViews views) {
    super(engineName);
    this.views = views;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response read() {
    String user = caller();
    return user == null ? unauthorized() : Response.ok(views.of(user), MediaType.APPLICATION_JSON).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response change(Map<String, Object> body) {
    String user = caller();
    if (user == null) {
      return unauthorized();
    }
    Object mode = body == null ? null : body.get("mode");
    try {
      return Response.ok(views.change(user, mode == null ? null : mode.toString()), MediaType.APPLICATION_JSON)
          .build();
    } catch (IllegalArgumentException e) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
          .entity(Map.of("field", "mode", "message", e.getMessage())).build();
    }
  }

  private String caller() {
    Authentication user = getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  private static Response unauthorized() {
    return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("message", "Vui lòng đăng nhập.")).build();
  }
}
