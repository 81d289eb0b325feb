package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import vn.hanoi.gdnn.IntegrationTest;

/** HTTP Basic on /engine-rest and /api: 401 without or with wrong credentials; never a login page. */
@IntegrationTest
class ApiAuthenticationTest {

  static final String USER = "lock-test";
  static final String PASSWORD = "Mat-khau-dung-2025";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;

  Api api;

  @BeforeEach
  void createUser() {
    api = new Api(rest);
    User user = identityService.newUser(USER);
    user.setFirstName("Kiểm thử");
    user.setLastName("Khóa tài khoản");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, "so-gddt");
  }

  @AfterEach
  void deleteUser() {
    ClockUtil.reset();
    identityService.deleteUser(USER);
  }

  private int tasksAs(String password) {
    return api.call(USER, password, HttpMethod.GET, "/engine-rest/task", null).status();
  }

  @Test
  void anUnauthenticatedCallIsA401WithABasicChallengeAndAVietnameseMessage() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-definition", "/api/audit/process-instances/x"}) {
      Api.Reply reply = api.call(null, null, HttpMethod.GET, path, null);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
      assertThat(reply.json().get("message").asText()).contains("Chưa xác thực");
      assertThat(reply.headers().getFirst("Location")).as("no redirect to a login page").isNull();
    }
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsA401() {
    assertThat(tasksAs("sai-mat-khau")).isEqualTo(401);
    assertThat(api.call("nguoi-khong-ton-tai", "x", HttpMethod.GET, "/engine-rest/task", null).status())
        .isEqualTo(401);
    assertThat(api.call(USER, "", HttpMethod.GET, "/engine-rest/task", null).status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordDoesNotLockTheAccount() {
    assertThat(tasksAs("sai-mat-khau")).isEqualTo(401);
    assertThat(tasksAs(PASSWORD)).as("no engine lock: guessing is slowed by LoginThrottle (LoginLimitsTest)")
        .isEqualTo(200);
  }

  @Test
  void apiResponsesCarrySecurityHeadersAndCreateNoSession() {
    Api.Reply reply = api.get("so-gddt-cv", "/engine-rest/task");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.headers().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfig.API_CSP);
    assertThat(reply.headers().get("Set-Cookie")).as("stateless: no session cookie").isNull();
  }
}
