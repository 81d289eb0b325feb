package vn.hanoi.gdnn.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * Who may do what on the application's API ({@code /api/**}) and which groups play which part: the one rule set,
 * applied by Spring Security ({@link SecurityConfig}) before any controller runs. The first rule that matches a
 * request decides; a request no rule names is refused, so a new endpoint is closed until it gets its rule (and
 * {@code ApiAccessMatrixTest} fails until it gets its row). The Cockpit dashboard's resource, which Camunda's
 * webapp session authenticates, applies the same group sets. Engine objects ({@code /engine-rest}, Tasklist,
 * Cockpit) stay under the engine's authorizations ({@link AuthorizationSetup}).
 */
public final class AccessRules {

  /** Change the plan (add, cancel, re-assign, extend, reload the catalogue). */
  public static final Set<String> PLAN_MANAGEMENT = Set.of(Groups.PLAN_MANAGERS, Groups.ADMINISTRATORS);
  /** Read the progress of the whole plan and download its report (API and Cockpit dashboard). */
  public static final Set<String> PLAN_PROGRESS = Set.of(Groups.PLAN_MANAGERS, Groups.ADMINISTRATORS);
  /** Read the detail and history of every deliverable; other people only those of their units. */
  public static final Set<String> READ_EVERY_DELIVERABLE = Set.of(Groups.PLAN_MANAGERS, Groups.UBND_MONITORING,
      Groups.ADMINISTRATORS);

  public static final String AMEND_DENIED =
      "Chỉ cán bộ quản lý kế hoạch hoặc quản trị hệ thống được điều chỉnh kế hoạch.";
  public static final String PROGRESS_DENIED =
      "Chỉ cán bộ quản lý kế hoạch và quản trị hệ thống được xem tiến độ thực hiện kế hoạch.";
  public static final String DELIVERABLE_DENIED = "Bạn không có quyền xem chi tiết và lịch sử xử lý của nhiệm vụ"
      + " này: chỉ đơn vị chủ trì, đơn vị phối hợp, cán bộ quản lý kế hoạch, bộ phận theo dõi của Văn phòng UBND"
      + " Thành phố và quản trị hệ thống được xem.";
  public static final String TRAIL_DENIED = "Bạn không có quyền xem nhật ký xử lý của hồ sơ này: chỉ đơn vị chủ"
      + " trì, đơn vị phối hợp, cán bộ quản lý kế hoạch, bộ phận theo dõi của Văn phòng UBND Thành phố và quản trị"
      + " hệ thống được xem.";
  public static final String UNITS_DENIED = "Chỉ cán bộ quản lý kế hoạch và quản trị hệ thống được xem số liệu"
      + " đánh giá của mọi đơn vị; lãnh đạo đơn vị chỉ được xem số liệu của chính đơn vị mình (tham số unit là mã"
      + " đơn vị mình).";
  public static final String TASK_DOCUMENTS_DENIED = "Bạn không có quyền đính kèm hoặc xem tài liệu của công việc"
      + " này: chỉ người đang được giao xử lý công việc (hoặc đơn vị được giao, khi chưa có người nhận) được thực"
      + " hiện.";
  public static final String DOCUMENT_DENIED = "Bạn không có quyền tải tài liệu này: chỉ đơn vị chủ trì, đơn vị"
      + " phối hợp, người đang xử lý một bước của nhiệm vụ, cán bộ quản lý kế hoạch, bộ phận theo dõi của Văn phòng"
      + " UBND Thành phố và quản trị hệ thống được tải.";
  public static final String DENIED = "Bạn không có quyền thực hiện thao tác này.";
  /** Model versions and their migration: administrators only (it moves every running deliverable). */
  public static final Set<String> MODEL_ADMINISTRATION = Set.of(Groups.ADMINISTRATORS);
  public static final String ADMIN_DENIED =
      "Bạn không có quyền xem phiên bản quy trình hay chuyển hồ sơ đang xử lý sang phiên bản mới: chỉ quản trị hệ"
          + " thống được thực hiện.";
  public static final String DELEGATION_DENIED = "Bạn không có quyền đăng ký vắng mặt, ủy quyền ký thay: chỉ lãnh "
      + "đạo đơn vị (hoặc quản trị hệ thống) được đăng ký.";

  private AccessRules() {
  }

  /** A rule: the requests it covers, who passes, and what a refused person reads. */
  public record Rule(RequestMatcher matcher, AuthorizationManager<RequestAuthorizationContext> access,
      String denied) {
  }

  /** The API's rules, in order. */
  public static List<Rule> api(DeliverableAccess deliverables, TaskHolders tasks, DocumentAccess documents) {
    return List.of(
        // Working-day calculations: everyone signed in.
        rule(GET, "/api/calendar/**", signedIn(), DENIED),
        // The plan's list: everyone signed in; the controller leaves out the holders of others' deliverables.
        rule(GET, "/api/plan/deliverables", signedIn(), DENIED),
        rule(GET, "/api/plan/deliverables/{code}", deliverables.byCode("code"), DELIVERABLE_DENIED),
        // Documents (docs/documents.md): a deliverable's list as its detail; a task's for whoever holds the task;
        // one file for the deliverable's readers and the holders of its open tasks.
        rule(GET, "/api/plan/deliverables/{code}/documents", deliverables.byCode("code"), DELIVERABLE_DENIED),
        rule(null, "/api/tasks/{taskId}/documents", tasks.byTask("taskId"), TASK_DOCUMENTS_DENIED),
        rule(GET, "/api/documents/{id}/content", documents.byDocument("id"), DOCUMENT_DENIED),
        rule(POST, "/api/plan/**", anyOf(PLAN_MANAGEMENT), AMEND_DENIED),
        // Units' figures: managers for every unit, a unit's leaders for their own unit only (before the wider rule).
        rule(GET, "/api/monitoring/units", ownUnitOrAnyOf(PLAN_PROGRESS), UNITS_DENIED),
        rule(GET, "/api/monitoring/units.xlsx", ownUnitOrAnyOf(PLAN_PROGRESS), UNITS_DENIED),
        rule(GET, "/api/monitoring/**", anyOf(PLAN_PROGRESS), PROGRESS_DENIED),
        rule(GET, "/api/audit/process-instances/{id}", deliverables.byProcessInstance("id"), TRAIL_DENIED),
        // Model versions and migrations (system.ModelMigrationController): administrators only.
        rule(null, "/api/admin/**", anyOf(MODEL_ADMINISTRATION), ADMIN_DENIED),
        // Absences and delegation (ủy quyền): everyone reads their units' absences; leaders record their own,
        // administrators anyone's (the controller checks whose, with the absence in hand).
        rule(GET, "/api/delegations", signedIn(), DENIED),
        rule(POST, "/api/delegations", leadersOrAdministrators(), DELEGATION_DENIED),
        // Ending an absence early (the leader is back): leaders and administrators; the controller, whose.
        rule(POST, "/api/delegations/{id}/end", leadersOrAdministrators(), DELEGATION_DENIED),
        // Notification preferences: each person their own.
        rule(GET, "/api/notifications/preferences", signedIn(), DENIED),
        rule(PUT, "/api/notifications/preferences", signedIn(), DENIED),
        // The engine's REST API: signed in; the engine's authorizations decide per object.
        rule(null, "/engine-rest/**", signedIn(), DENIED),
        // Everything else under /api: closed until it has a rule.
        new Rule(path(null, "/**"), (user, request) -> new AuthorizationDecision(false), DENIED));
  }

  /** The message for a refused request: the one of the rule that refused it. */
  public static String deniedMessage(List<Rule> rules, HttpServletRequest request) {
    return rules.stream().filter(r -> r.matcher().matches(request)).findFirst().map(Rule::denied).orElse(DENIED);
  }

  private static Rule rule(HttpMethod method, String pattern,
      AuthorizationManager<RequestAuthorizationContext> access, String denied) {
    return new Rule(path(method, pattern), access, denied);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static AuthorizationManager<RequestAuthorizationContext> signedIn() {
    return AuthenticatedAuthorizationManager.authenticated();
  }

  /**
   * Whether a person with these groups may read the units' figures asked for ({@code unit} = one unit's code,
   * {@code null} = every unit): the given groups read everything; a unit's leader group reads that unit only.
   * Shared with the Cockpit dashboard's resource, which applies it to the webapp session.
   */
  public static boolean readsUnitFigures(Collection<String> groups, Set<String> everything, String unit) {
    return groups.stream().anyMatch(everything::contains)
        || unit != null && !unit.isEmpty() && groups.contains(Groups.leadersOf(unit));
  }

  private static AuthorizationManager<RequestAuthorizationContext> ownUnitOrAnyOf(Set<String> groups) {
    return (user, context) -> {
      Authentication authentication = user.get();
      if (authentication == null || !authentication.isAuthenticated()
          || authentication instanceof AnonymousAuthenticationToken) {
        return new AuthorizationDecision(false);
      }
      Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .collect(Collectors.toSet());
      return new AuthorizationDecision(readsUnitFigures(held, groups, context.getRequest().getParameter("unit")));
    };
  }

  /** A leader of some unit ({@code <unit>-lanh-dao}) or an administrator. */
  private static AuthorizationManager<RequestAuthorizationContext> leadersOrAdministrators() {
    return (user, request) -> new AuthorizationDecision(user.get().getAuthorities().stream()
        .anyMatch(g -> g.getAuthority().endsWith(Groups.LEADER_SUFFIX)
            || Groups.ADMINISTRATORS.equals(g.getAuthority())));
  }

  private static AuthorizationManager<RequestAuthorizationContext> anyOf(Set<String> groups) {
    return AuthorityAuthorizationManager.hasAnyAuthority(groups.toArray(String[]::new));
  }
}
