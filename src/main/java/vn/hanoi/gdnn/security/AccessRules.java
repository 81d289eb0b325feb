package vn.hanoi.gdnn.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
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
  public static final String TASK_DOCUMENTS_DENIED = "Bạn không có quyền đính kèm hoặc xem tài liệu của công việc"
      + " này: chỉ người đang được giao xử lý công việc (hoặc đơn vị được giao, khi chưa có người nhận) được thực"
      + " hiện.";
  public static final String DOCUMENT_DENIED = "Bạn không có quyền tải tài liệu này: chỉ đơn vị chủ trì, đơn vị"
      + " phối hợp, người đang xử lý một bước của nhiệm vụ, cán bộ quản lý kế hoạch, bộ phận theo dõi của Văn phòng"
      + " UBND Thành phố và quản trị hệ thống được tải.";
  public static final String DENIED = "Bạn không có quyền thực hiện thao tác này.";

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
        rule(GET, "/api/monitoring/**", anyOf(PLAN_PROGRESS), PROGRESS_DENIED),
        rule(GET, "/api/audit/process-instances/{id}", deliverables.byProcessInstance("id"), TRAIL_DENIED),
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

  private static AuthorizationManager<RequestAuthorizationContext> anyOf(Set<String> groups) {
    return AuthorityAuthorizationManager.hasAnyAuthority(groups.toArray(String[]::new));
  }
}
