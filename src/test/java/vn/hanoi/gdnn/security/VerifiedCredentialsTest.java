package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.hanoi.gdnn.ProcessTestEngine;

/**
 * HTTP Basic remembers checked credentials for a short time: a client's next calls are let in without Camunda's
 * password check, a changed password counts after at most that time, and a wrong password is never let in.
 */
class VerifiedCredentialsTest {

  private final IdentityService identity = ProcessTestEngine.engine().getIdentityService();
  private final AtomicLong nanos = new AtomicLong();
  private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(
      identity, new LoginThrottle(20, Duration.ofSeconds(15), 5, Duration.ofSeconds(30)), Duration.ofSeconds(60),
      nanos::get);

  @BeforeEach
  void user() {
    User user = identity.newUser("cv-cache");
    user.setPassword("mat-khau-cu-2026");
    identity.saveUser(user);
    identity.saveGroup(identity.newGroup("so-cache"));
    identity.createMembership("cv-cache", "so-cache");
  }

  @AfterEach
  void remove() {
    identity.deleteUser("cv-cache");
    identity.deleteGroup("so-cache");
  }

  private Authentication login(String password) {
    return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cv-cache", password));
  }

  private void changePassword(String password) {
    User user = identity.createUserQuery().userId("cv-cache").singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  @Test
  void aChangedPasswordCountsForApiCallersWithinTheMinuteAndAWrongOneNever() {
    assertThat(login("mat-khau-cu-2026").getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactly("so-cache");
    changePassword("mat-khau-moi-2026");

    // the new password works at once; the old one, checked a moment ago, still for the rest of the minute
    assertThat(login("mat-khau-moi-2026").isAuthenticated()).isTrue();
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(login("mat-khau-cu-2026").getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactly("so-cache");

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(login("mat-khau-moi-2026").isAuthenticated()).isTrue();
    // (a refused password makes Camunda delay the account's next check: refusals come last)
    assertThatThrownBy(() -> login("mat-khau-cu-2026")).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> login("mat-khau-sai-2026")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void withoutATimeEveryCallIsChecked() {
    var unremembering = new CamundaIdentityAuthenticationProvider(identity,
        new LoginThrottle(20, Duration.ofSeconds(15), 5, Duration.ofSeconds(30)), Duration.ZERO);
    assertThat(unremembering.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cv-cache",
        "mat-khau-cu-2026")).isAuthenticated()).isTrue();
    changePassword("mat-khau-moi-2026");
    assertThatThrownBy(() -> unremembering.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
        "cv-cache", "mat-khau-cu-2026"))).isInstanceOf(BadCredentialsException.class);
  }
}
