package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, Camunda's
 * {@code UserAuthenticationResource}) behind the same {@link LoginThrottle} as HTTP Basic, so both login
 * surfaces obey one rule. Camunda answers a wrong password with 401; any other answer means the password was
 * right (200, or 403 for an application the user may not open) and gives the tokens back.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;

  WebappLoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    if (cached == null) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    LoginThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(username(cached.text()), request.getRemoteAddr());
    } catch (LoginThrottledException throttled) {
      SecurityConfig.tooManyAttempts(response, throttled);
      return;
    }
    chain.doFilter(cached, response);
    if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
      attempt.succeeded();
    }
  }

  /** The {@code username} field of the login form (application/x-www-form-urlencoded). */
  static String username(String form) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if ("username".equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException malformed) {
        return pair; // counted under the raw text: a malformed form still costs its sender a token
      }
    }
    return "";
  }
}
