package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * The webapps keep Camunda's own login: a browser session guarded by Camunda's CSRF filter, application
 * access by role, Spring Security's headers beside Camunda's Content-Security-Policy, sessions that expire.
 */
@IntegrationTest
class WebappSecurityTest {

  @LocalServerPort
  int port;
  @Autowired
  ServletContext servletContext;

  /** A browser: keeps cookies, sends the XSRF token as Camunda's webapps do. */
  final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String xsrfToken() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    int login(String app, String user, boolean withToken) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user,
              StandardCharsets.UTF_8));
      if (withToken) {
        request.header("X-XSRF-TOKEN", xsrfToken());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefusedAndWithItAccepted() throws Exception {
    Browser browser = new Browser();
    browser.get("/camunda/app/tasklist/default/");
    assertThat(browser.xsrfToken()).as("Camunda's CSRF filter hands out a token").isNotBlank();

    assertThat(browser.login("tasklist", "so-gddt-cv", false)).isEqualTo(403);

    Browser fresh = new Browser();
    fresh.get("/camunda/app/tasklist/default/");
    assertThat(fresh.login("tasklist", "so-gddt-cv", true)).isEqualTo(200);
  }

  @Test
  void eachRoleMayOpenItsOwnApplicationsOnly() throws Exception {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("so-gddt-cv", List.of("tasklist"));
    expected.put("so-tc-ld", List.of("tasklist"));
    expected.put("ubnd-ld", List.of("tasklist"));
    expected.put("vp-ubnd-theodoi", List.of("tasklist"));
    expected.put("qlkh", List.of("tasklist", "cockpit"));
    expected.put("demo", List.of("tasklist", "cockpit", "admin"));
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (String user : expected.keySet()) {
      for (String app : List.of("tasklist", "cockpit", "admin")) {
        Browser browser = new Browser();
        browser.get("/camunda/app/" + app + "/default/");
        int status = browser.login(app, user, true);
        assertThat(status).as(user + " → " + app).isIn(200, 403);
        if (status == 200) {
          actual.computeIfAbsent(user, k -> new java.util.ArrayList<>()).add(app);
        }
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void webappPagesCarryCamundasContentSecurityPolicyAndSpringsHeaders() throws Exception {
    HttpResponse<String> page = new Browser().get("/camunda/app/tasklist/default/");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    assertThat(page.headers().allValues("Content-Security-Policy")).as("exactly one policy: Camunda's")
        .singleElement().asString().contains("script-src 'nonce-").contains("object-src 'none'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(page.headers().allValues("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).as("HSTS only over https").isEmpty();
  }

  @Test
  void browserSessionsExpireAfterThirtyMinutesIdle() {
    assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
  }
}
