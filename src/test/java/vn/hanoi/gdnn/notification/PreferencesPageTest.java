package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * Tasklist's page "Nhận thông báo": the script is part of Tasklist, and with a Tasklist login (session and XSRF
 * token, as the browser sends them) a person reads and changes their own preference; a bad mode is a 400 naming
 * the field; without a session nothing is read.
 */
@IntegrationTest
class PreferencesPageTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String RESOURCE = "/camunda/api/cockpit/plugin/gdnn-notifications/default/preferences";

  @LocalServerPort
  int port;
  @Autowired
  Preferences preferences;

  final CookieManager cookies = new CookieManager();
  final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  @AfterEach
  void reset() {
    preferences.save("so-tc-cv", Preferences.Choice.DEFAULT);
  }

  @Test
  void tasklistLoadsThePageScript() throws Exception {
    assertThat(get("/camunda/app/tasklist/scripts/config.js").body()).contains("scripts/notification-preferences");
    HttpResponse<String> script = get("/camunda/app/tasklist/scripts/notification-preferences.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("Nhận thông báo", "gdnn-notifications/default/preferences");
  }

  @Test
  void aSignedInPersonReadsAndChangesTheirOwnPreferenceThroughTheTasklistSession() throws Exception {
    assertThat(get(RESOURCE).statusCode()).as("no session").isIn(401, 403);

    login("so-tc-cv");
    JsonNode view = JSON.readTree(get(RESOURCE).body());
    assertThat(view.get("user").asText()).isEqualTo("so-tc-cv");
    assertThat(view.get("mode").asText()).isEqualTo("both");
    assertThat(view.get("modes").get("digest").asText()).isEqualTo("Chỉ nhận thư tổng hợp hằng ngày");
    assertThat(view.get("mailOn").asBoolean()).isTrue();

    HttpResponse<String> bad = put("{\"mode\": \"thinh-thoang\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("mode");
    assertThat(preferences.of("so-tc-cv")).isEqualTo(Preferences.Choice.DEFAULT);

    HttpResponse<String> changed = put("{\"mode\": \"immediate\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(preferences.of("so-tc-cv")).isEqualTo(Preferences.Choice.ofMode("immediate"));
  }

  private void login(String user) throws Exception {
    get("/camunda/app/tasklist/default/");
    HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user, StandardCharsets.UTF_8));
    xsrf(login);
    assertThat(http.send(login.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    get("/camunda/api/engine/engine/default/task/count"); // the new session's XSRF token, as Tasklist fetches it
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    xsrf(request);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + RESOURCE))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    xsrf(request);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void xsrf(HttpRequest.Builder request) {
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
  }
}
