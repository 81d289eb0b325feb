package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * Issue 14, point 6, over HTTP on both login surfaces (HTTP Basic on /engine-rest, the webapps' login form):
 * wrong passwords slow a guesser down per client address and per account at that address, never lock the
 * owner out, and never tell whether an account exists; the password policy; identity endpoints staff may not
 * use. Client addresses are played with X-Forwarded-For (documentation range 203.0.113.0/24); the throttle is
 * reset after each test so the shared context's other tests start clean.
 */
@IntegrationTest
class LoginLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  LoginThrottle throttle;
  @Autowired
  IdentityService identityService;

  @AfterEach
  void forgetFailures() {
    throttle.reset();
    identityService.unlockUser("demo");
  }

  // ---- the two login surfaces, from a given client address -------------------------------------------------

  private record Answer(int status, String retryAfter, String body) {

    String message() {
      try {
        return JSON.readTree(body).path("message").asText();
      } catch (IOException e) {
        return body;
      }
    }
  }

  /** HTTP Basic on the REST API. */
  private Answer basic(String address, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=1"))
        .header("Authorization", "Basic " + token).header("X-Forwarded-For", address).GET());
  }

  /** Tasklist's login form, with the XSRF token a browser would send. */
  private Answer webappLogin(String address, String user, String password) {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    send(http, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).header("X-Forwarded-For", address)
        .GET());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(http, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Answer send(HttpClient http, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private interface Login {
    Answer as(String address, String user, String password);
  }

  // ---- throttling ---------------------------------------------------------------------------------------------

  @Test
  void tenWrongPasswordsFromOneAddressNeverLockTheOwnerOutOnEitherSurface() {
    Map<String, Login> surfaces = Map.of("REST", this::basic, "webapp", this::webappLogin);
    int n = 0;
    for (Map.Entry<String, Login> surface : surfaces.entrySet()) {
      Login login = surface.getValue();
      String attacker = "203.0.113." + (10 + n);
      String owner = "203.0.113." + (20 + n++);
      List<Integer> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        statuses.add(login.as(attacker, "demo", "doan-mat-khau-" + i).status());
      }
      assertThat(statuses).as(surface.getKey()).containsExactly(401, 401, 401, 401, 401, 429, 429, 429, 429, 429);

      assertThat(login.as(owner, "demo", "demo").status()).as(surface.getKey() + ": the owner, elsewhere, at once")
          .isEqualTo(200);
      Answer stillThrottled = login.as(attacker, "demo", "demo");
      assertThat(stillThrottled.status()).as(surface.getKey() + ": the attacker's address, even with the password")
          .isEqualTo(429);
      assertThat(Integer.parseInt(stillThrottled.retryAfter())).isBetween(1, 60);
      assertThat(stillThrottled.message()).contains("Đăng nhập sai quá nhiều lần").contains("giây");

      throttle.advance(Duration.ofMinutes(1));
      assertThat(login.as(attacker, "demo", "demo").status()).as(surface.getKey() + ": a minute later, same address")
          .isEqualTo(200);
    }
  }

  @Test
  void anAddressThatFailsTooOftenIsSlowedDownWhateverTheAccounts() {
    String guesser = "203.0.113.30";
    for (int i = 0; i < 20; i++) {
      String account = i % 2 == 0 ? "so-tc-cv" : "khong-ton-tai-" + i;
      Answer answer = i % 4 < 2 ? basic(guesser, account + (i / 4), "sai") : webappLogin(guesser, account, "sai");
      assertThat(answer.status()).as("attempt " + (i + 1)).isEqualTo(401);
    }
    Answer refused = basic(guesser, "so-gddt-cv", "so-gddt-cv");
    assertThat(refused.status()).as("21st attempt, right password of another account").isEqualTo(429);
    assertThat(refused.retryAfter()).isNotNull();
    assertThat(webappLogin(guesser, "so-gddt-cv", "so-gddt-cv").status()).isEqualTo(429);
    assertThat(basic("203.0.113.31", "so-gddt-cv", "so-gddt-cv").status()).as("another address").isEqualTo(200);

    throttle.advance(Duration.ofSeconds(16));
    assertThat(basic(guesser, "so-gddt-cv", "so-gddt-cv").status()).as("one refill later").isEqualTo(200);
  }

  @Test
  void anUnknownAccountIsAnsweredExactlyAsAKnownOne() {
    Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
    for (String account : List.of("so-xd-cv", "nguoi-khong-ton-tai")) {
      List<String> seen = new java.util.ArrayList<>();
      for (int i = 0; i < 7; i++) {
        Answer a = basic("203.0.113.40", account, "sai-" + i);
        // seconds to wait depend on how fast this machine sent the attempts, not on the account
        seen.add((a.status() + " " + a.retryAfter() + " " + a.message()).replaceAll("\\d+ gi", "N gi")
            .replaceAll("^429 \\d+", "429 N"));
      }
      answers.put(account, seen);
      throttle.reset();
    }
    assertThat(answers.get("nguoi-khong-ton-tai")).isEqualTo(answers.get("so-xd-cv"));
    assertThat(answers.get("so-xd-cv").subList(0, 5)).allSatisfy(a -> assertThat(a).startsWith("401 null Chưa xác thực"));
    assertThat(answers.get("so-xd-cv").subList(5, 7)).allSatisfy(a -> assertThat(a).startsWith("429 N Đăng nhập sai"));
  }

  @Test
  void anAdministratorsUnlockLetsTheAccountInAtOnce() {
    String address = "203.0.113.50";
    for (int i = 0; i < 5; i++) {
      assertThat(basic(address, "so-tp-cv", "sai-" + i).status()).isEqualTo(401);
    }
    assertThat(basic(address, "so-tp-cv", "so-tp-cv").status()).isEqualTo(429);

    assertThat(Surface.rest(port, "so-tp-ld").post("/user/so-tp-cv/unlock", null).status())
        .as("a leader may not unlock").isEqualTo(403);
    assertThat(Surface.rest(port, "demo").post("/user/so-tp-cv/unlock", null).status()).isEqualTo(204);
    assertThat(basic(address, "so-tp-cv", "so-tp-cv").status()).isEqualTo(200);
  }

  // ---- password policy ----------------------------------------------------------------------------------------

  @Test
  void aPasswordShorterThanTwelveCharactersIsRefusedNamingTheField() {
    String id = "policy-test-user";
    Map<String, Object> user = Map.of("profile", Map.of("id", id, "firstName", "Trần Thị", "lastName", "Bình"),
        "credentials", Map.of("password", "Mat-khau-11"));
    try {
      for (Surface admin : List.of(Surface.rest(port, "demo"), Surface.webapp(port, "demo"))) {
        Surface.Reply refused = admin.post("/user/create", user);
        assertThat(refused.status()).as(admin.toString()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("credentials.password");
        assertThat(refused.json().path("message").asText()).contains("mật khẩu").contains("ít nhất 12 ký tự");
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
      }
      Surface admin = Surface.rest(port, "demo");
      assertThat(admin.post("/user/create", Map.of("profile", Map.of("id", id, "firstName", "Trần Thị",
          "lastName", "Bình"), "credentials", Map.of("password", "Mat-khau-120"))).status()).isEqualTo(204);

      Surface.Reply change = admin.put("/user/" + id + "/credentials",
          Map.of("password", "ngan-qua", "authenticatedUserPassword", "demo"));
      assertThat(change.status()).isEqualTo(400);
      assertThat(change.json().path("field").asText()).isEqualTo("password");
      assertThat(identityService.checkPassword(id, "Mat-khau-120")).as("unchanged").isTrue();

      // whoever sets it: the engine itself refuses, without the HTTP layer
      User direct = identityService.createUserQuery().userId(id).singleResult();
      direct.setPassword("short");
      assertThatThrownBy(() -> identityService.saveUser(direct)).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("policy");
    } finally {
      identityService.deleteUser(id);
    }
  }

  // ---- identity endpoints -------------------------------------------------------------------------------------

  @Test
  void staffCannotVerifyPasswordsNorListTheCitysAccountsOnEitherSurface() {
    for (Surface staff : List.of(Surface.rest(port, "so-gddt-cv"), Surface.webapp(port, "so-gddt-cv"))) {
      Surface.Reply verify = staff.post("/identity/verify", Map.of("username", "demo", "password", "demo"));
      assertThat(verify.status()).as(staff + " verify").isEqualTo(403);
      assertThat(verify.json().path("message").asText()).contains("quản trị hệ thống");
      assertThat(staff.get("/user").status()).as(staff + " list").isEqualTo(403);
      assertThat(staff.get("/user/count").status()).as(staff + " count").isEqualTo(403);
      assertThat(staff.get("/user?memberOfGroup=so-tc").status()).as(staff + " another unit").isEqualTo(403);
      assertThat(staff.get("/user?firstNameLike=%25").status()).as(staff + " everyone by name").isEqualTo(403);

      // what Tasklist needs: a name by id, the assignee check, the own unit
      assertThat(staff.get("/user/so-tc-ld/profile").json().path("lastName").asText())
          .isEqualTo("Sở Tài chính");
      JsonNode one = staff.get("/user?id=so-tc-ld&maxResults=1").json();
      assertThat(one.findValuesAsText("id")).containsExactly("so-tc-ld");
      assertThat(staff.get("/user?memberOfGroup=so-gddt").json().findValuesAsText("id")).contains("so-gddt-cv");
    }
    Surface leader = Surface.rest(port, "so-gddt-ld");
    assertThat(leader.get("/user?memberOfGroup=so-gddt").json().findValuesAsText("id"))
        .as("a leader lists the unit's staff to hand them a task").contains("so-gddt-cv");
    assertThat(leader.get("/user?memberOfGroup=so-tc").status()).isEqualTo(403);

    for (Surface admin : List.of(Surface.rest(port, "demo"), Surface.webapp(port, "demo"))) {
      assertThat(admin.get("/user/count").json().path("count").asInt()).as(admin.toString()).isGreaterThan(50);
      assertThat(admin.post("/identity/verify", Map.of("username", "so-gddt-cv", "password", "so-gddt-cv"))
          .json().path("authenticated").asBoolean()).isTrue();
    }
  }
}
