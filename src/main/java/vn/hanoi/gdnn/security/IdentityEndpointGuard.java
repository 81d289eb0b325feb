package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * The engine's identity endpoints, on both surfaces ({@code /engine-rest[/engine/{name}]} with HTTP Basic and
 * {@code /camunda/api/engine/engine/{name}} with the webapps' session), where Camunda's grants are too coarse:
 * <ul>
 *   <li>{@code POST /identity/verify} tells whether a password is right: a password oracle that bypasses the
 *   login throttle. Administrators only (no webapp uses it).</li>
 *   <li>{@code GET /user}, {@code /user/count}: staff need {@code USER} READ to show assignees' names
 *   ({@code /user/{id}/profile}, Tasklist's assignee check {@code GET /user?id=…}), which would also list every
 *   account of the city. A non-administrator's list query must name one user ({@code id}) or one of the
 *   caller's own groups ({@code memberOfGroup}; a leader also the unit's staff group); otherwise 403.</li>
 *   <li>{@code POST /user/create}, {@code PUT /user/{id}/credentials}: a password the policy refuses is a 400
 *   naming the field in Vietnamese (the engine refuses it anyway, with a bare English 500).</li>
 *   <li>{@code POST /user/{id}/unlock} by an administrator also clears the account's login throttle.</li>
 * </ul>
 * Paths are taken decoded from the container (servlet path + path info), after Spring Security's firewall.
 */
class IdentityEndpointGuard extends OncePerRequestFilter {

  static final Pattern ENGINE_PATH = Pattern.compile(
      "(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))(/.*)?");
  private static final Pattern UNLOCK = Pattern.compile("/user/([^/]+)/unlock");
  private static final Pattern CREDENTIALS = Pattern.compile("/user/([^/]+)/credentials");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  IdentityEndpointGuard(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher engine = ENGINE_PATH.matcher(full);
    if (!engine.matches()) {
      chain.doFilter(request, response);
      return;
    }
    boolean webapp = engine.group(2) != null;
    String path = engine.group(3) == null ? "" : engine.group(3).replaceAll("/+$", "");
    String method = request.getMethod();

    if ("POST".equals(method) && path.equals("/identity/verify")) {
      Caller caller = caller(request, webapp, engine.group(2));
      if (caller != null && !caller.administrator()) {
        SecurityConfig.writeJson(response, HttpServletResponse.SC_FORBIDDEN,
            "Chỉ quản trị hệ thống được kiểm tra mật khẩu của tài khoản.");
        return;
      }
    } else if ("GET".equals(method) && (path.equals("/user") || path.equals("/user/count"))) {
      Caller caller = caller(request, webapp, engine.group(2));
      if (caller != null && !caller.administrator() && !narrowEnough(request, caller)) {
        SecurityConfig.writeJson(response, HttpServletResponse.SC_FORBIDDEN,
            "Chỉ quản trị hệ thống được xem danh sách tài khoản. Hãy tra cứu theo mã người dùng (id) hoặc theo "
                + "nhóm của đơn vị mình (memberOfGroup).");
        return;
      }
    } else if (("POST".equals(method) && path.equals("/user/create"))
        || ("PUT".equals(method) && CREDENTIALS.matcher(path).matches())) {
      CachedBodyRequest cached = CachedBodyRequest.of(request);
      if (cached == null) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      String field = path.equals("/user/create") ? "credentials.password" : "password";
      String password = password(cached.body(), field);
      if (password != null) {
        PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password);
        if (!result.isValid()) {
          SecurityConfig.writeJson(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", field,
              "Trường \\\"" + field + "\\\" (mật khẩu): " + PasswordPolicyPlugin.vietnamese(result));
          return;
        }
      }
      chain.doFilter(cached, response);
      return;
    } else if ("POST".equals(method)) {
      Matcher unlock = UNLOCK.matcher(path);
      if (unlock.matches()) {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
          throttle.forget(unlock.group(1));
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private record Caller(String userId, List<String> groups) {

    boolean administrator() {
      return groups.contains(Groups.ADMINISTRATORS);
    }
  }

  /** The signed-in person, or {@code null} (Camunda then answers 401 itself). */
  private static Caller caller(HttpServletRequest request, boolean webapp, String engineName) {
    if (!webapp) {
      org.springframework.security.core.Authentication auth =
          SecurityContextHolder.getContext().getAuthentication();
      if (auth == null || !auth.isAuthenticated()) {
        return null;
      }
      return new Caller(auth.getName(),
          auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
    HttpSession session = request.getSession(false);
    Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = all == null ? null : all.getAuthenticationForProcessEngine(engineName);
    if (auth instanceof UserAuthentication user) {
      return new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
    }
    return null;
  }

  /**
   * One named user, or the members of one of the caller's own groups, or — for a unit's leader — of the unit's
   * staff group (to hand a task to one of them).
   */
  private static boolean narrowEnough(HttpServletRequest request, Caller caller) {
    String id = request.getParameter("id");
    if (id != null && !id.isBlank()) {
      return true;
    }
    String group = request.getParameter("memberOfGroup");
    return group != null && (caller.groups().contains(group) || caller.groups().contains(Groups.leadersOf(group)));
  }

  /** The password in a JSON body, at {@code credentials.password} or {@code password}; null if none. */
  private static String password(byte[] body, String field) {
    try {
      JsonNode node = JSON.readTree(body);
      for (String part : field.split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      return node == null || !node.isTextual() ? null : node.asText();
    } catch (IOException notJson) {
      return null; // Camunda refuses it itself
    }
  }
}
