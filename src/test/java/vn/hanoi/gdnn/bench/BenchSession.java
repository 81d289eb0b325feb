package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's way into the engine: logged into Tasklist once (session cookie), then the webapps' own engine API
 * ({@code /camunda/api/engine/engine/default/...}) with the session's XSRF token in {@code X-XSRF-TOKEN}, as
 * Tasklist sends it. One per user; keep-alive like a browser.
 */
final class BenchSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String base;

  private BenchSession(String base) {
    this.base = base;
  }

  /** Logs {@code user} into Tasklist as the login page does, and fetches the session's XSRF token. */
  static BenchSession login(String base, String user, String password) throws IOException, InterruptedException {
    BenchSession session = new BenchSession(base);
    session.client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password,
            StandardCharsets.UTF_8));
    session.xsrf(login);
    int status = session.client.send(login.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + status);
    }
    // Tasklist's first reads hand out the session's XSRF token; any read does. The user's own profile is one row:
    // a task count over the whole city (what Tasklist's filters ask first) takes seconds at this scale and would
    // spill the 60 users' logins into the measured window.
    BenchHttp.expect(session.get("/user/" + user + "/profile"), 200, "first read of " + user + "'s session");
    return session;
  }

  /** GET on the webapps' engine API ({@code path} relative to the engine, e.g. {@code /task?...}). */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine() + path))
        .timeout(Duration.ofSeconds(120)).header("Accept", "application/json").GET();
    xsrf(request);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine() + path))
        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    xsrf(request);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String engine() {
    return base + "/camunda/api/engine/engine/default";
  }

  private void xsrf(HttpRequest.Builder request) {
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
  }
}
