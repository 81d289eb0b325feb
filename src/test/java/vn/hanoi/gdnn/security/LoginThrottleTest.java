package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The throttle's rules without HTTP (the surfaces: LoginLimitsTest). */
class LoginThrottleTest {

  private final LoginThrottle throttle = new LoginThrottle(20, Duration.ofSeconds(15), 5, Duration.ofSeconds(30));

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.begin(account, address); // never succeeded(): a wrong password
    }
  }

  @Test
  void rightPasswordsCostNothing() {
    for (int i = 0; i < 100; i++) {
      throttle.begin("so-gddt-cv", "10.0.0.1").succeeded();
    }
    fail("so-gddt-cv", "10.0.0.1", 5);
    assertThatThrownBy(() -> throttle.begin("so-gddt-cv", "10.0.0.1"))
        .isInstanceOf(LoginThrottledException.class);
  }

  @Test
  void theSixthFailureForAnAccountAtOneAddressWaitsHalfAMinuteAndNoOneElseDoes() {
    fail("demo", "10.0.0.2", 5);
    assertThatThrownBy(() -> throttle.begin("demo", "10.0.0.2")).isInstanceOfSatisfying(
        LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds()).isBetween(25L, 30L));
    assertThatThrownBy(() -> throttle.begin("DEMO ", "10.0.0.2")).as("case and spaces give no fresh bucket")
        .isInstanceOf(LoginThrottledException.class);
    throttle.begin("demo", "10.0.0.3").succeeded();
    throttle.begin("so-tc-cv", "10.0.0.2").succeeded();

    throttle.advance(Duration.ofSeconds(30));
    throttle.begin("demo", "10.0.0.2").succeeded();
  }

  @Test
  void forgettingAnAccountClearsItAtEveryAddressButNotTheAddresses() {
    fail("so-tp-cv", "10.0.0.4", 5);
    fail("so-tp-cv", "10.0.0.5", 5);
    throttle.forget("so-tp-cv");
    throttle.begin("so-tp-cv", "10.0.0.4").succeeded();
    throttle.begin("so-tp-cv", "10.0.0.5").succeeded();

    for (int i = 0; i < 20; i++) {
      throttle.begin("nguoi-" + i, "10.0.0.6");
    }
    throttle.forget("nguoi-1");
    assertThatThrownBy(() -> throttle.begin("nguoi-1", "10.0.0.6")).as("the address stays throttled")
        .isInstanceOfSatisfying(LoginThrottledException.class,
            e -> assertThat(e.vietnameseMessage()).contains("Vui lòng chờ"));
  }
}
