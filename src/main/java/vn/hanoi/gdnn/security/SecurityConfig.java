package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains (design and reasons in docs/security.md):
 * <ul>
 *   <li>API ({@code /engine-rest/**}, {@code /api/**}): stateless HTTP Basic against Camunda's identity; no
 *   session, so no CSRF token is needed; a missing, wrong or locked login answers 401 with a JSON body (never a
 *   login page); who may call which endpoint is {@link AccessRules} (403 with the rule's Vietnamese message);
 *   the user and groups are handed to the engine so its authorizations apply.</li>
 *   <li>Everything else (the Camunda webapps under {@code /camunda}, health): Camunda's own webapp login,
 *   session, CSRF filter and application authorizations; Spring Security adds the security headers.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

  /** Camunda's webapps set their own Content-Security-Policy (with per-request script nonces). */
  static final String WEBAPPS = "/camunda/**";
  static final String REALM = "GDNN";
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String OTHER_CSP = "default-src 'self'; frame-ancestors 'self'; form-action 'self'; "
      + "object-src 'none'; base-uri 'self'";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      DeliverableAccess deliverables, TaskHolders tasks, DocumentAccess documents) throws Exception {
    // Explicit path matchers: the REST API is a separate (Jersey) servlet, which Spring MVC's matchers miss.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<AccessRules.Rule> rules = AccessRules.api(deliverables, tasks, documents);
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**")))
        .authorizeHttpRequests(auth -> rules.forEach(rule -> auth.requestMatchers(rule.matcher())
            .access(rule.access())))
        // Its own manager without the global parent: otherwise a refused login is checked a second time by the
        // parent (the same provider bean), and every failure would count twice in the login throttle.
        .authenticationManager(new ProviderManager(provider))
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden(rules)))
        // Stateless Basic authentication: browsers never send these credentials implicitly with a cookie.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h
            .frameOptions(f -> f.deny())
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
        .addFilterAfter(new CamundaAuthenticationFilter(provider.identityService()),
            BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    // The webapps authenticate with Camunda's login (same identity, same lockout) and protect their own API
    // with Camunda's CsrfPreventionFilter; Spring Security adds headers only.
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(h -> h
            .frameOptions(f -> f.sameOrigin())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(WEBAPPS)),
                new StaticHeadersWriter("Content-Security-Policy", OTHER_CSP))));
    return http.build();
  }

  /**
   * No Micrometer observation of each security filter, authentication and authorization: nothing reads them (the
   * actuator exposes health and info only), and wrapping every filter of every request cost about 5 % of a task
   * completion's CPU (docs/performance.md).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The webapps' login behind the login throttle. Runs after Spring Security's firewall (order -100) and before
   * Camunda's webapp filters see the request.
   */
  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(0);
    return registration;
  }

  /** Identity endpoints of both engine API surfaces (IdentityEndpointGuard); after Spring Security's chain. */
  @Bean
  FilterRegistrationBean<IdentityEndpointGuard> identityEndpointGuard(IdentityService identityService,
      LoginThrottle throttle) {
    FilterRegistrationBean<IdentityEndpointGuard> registration =
        new FilterRegistrationBean<>(new IdentityEndpointGuard(identityService, throttle));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(0);
    return registration;
  }

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException throttled) {
        tooManyAttempts(response, throttled);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      writeJson(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Chưa xác thực: cần đăng nhập bằng tài khoản hợp lệ (HTTP Basic). Đăng nhập sai nhiều lần liên tiếp "
              + "sẽ phải chờ trước khi thử lại.");
    };
  }

  /** 429 for a throttled client: how long to wait, in the header and in Vietnamese. */
  static void tooManyAttempts(HttpServletResponse response, LoginThrottledException throttled)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
    writeJson(response, 429, throttled.vietnameseMessage());
  }

  /** 403 with the message of the rule that refused the request. */
  static AccessDeniedHandler forbidden(List<AccessRules.Rule> rules) {
    return (request, response, exception) ->
        writeJson(response, HttpServletResponse.SC_FORBIDDEN, AccessRules.deniedMessage(rules, request));
  }

  static void writeJson(HttpServletResponse response, int status, String message) throws IOException {
    writeJson(response, status, switch (status) {
      case 401 -> "Unauthorized";
      case 429 -> "TooManyRequests";
      default -> "Forbidden";
    }, null, message);
  }

  /** A JSON error as Camunda's REST API writes one ({@code type}, {@code message}), with the field if any. */
  static void writeJson(HttpServletResponse response, int status, String type, String field, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"" + type + "\","
        + (field == null ? "" : "\"field\":\"" + field + "\",") + "\"message\":\"" + message + "\"}");
  }
}
