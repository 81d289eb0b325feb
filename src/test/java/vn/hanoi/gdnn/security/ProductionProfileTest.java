package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.SecondApplication;

/** The prod profile: no demo people, and no start while the administrator password is weak or missing. */
class ProductionProfileTest {

  private static ConfigurableApplicationContext start(String name, String adminPassword) {
    return start(name, adminPassword, Map.of());
  }

  private static ConfigurableApplicationContext start(String name, String adminPassword, Map<String, ?> more) {
    Map<String, Object> settings = new LinkedHashMap<>(Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled", "false",
        "GDNN_ADMIN_USER", "quantri"));
    if (adminPassword != null) {
      settings.put("GDNN_ADMIN_PASSWORD", adminPassword);
    }
    settings.putAll(more);
    return SecondApplication.start(name, List.of("prod"), settings);
  }

  @Test
  void aDemoAccountInTheDatabaseStopsTheStartNamingItAndHowToRemoveIt() {
    String strong = "Mot-mat-khau-manh-2025";
    try (ConfigurableApplicationContext first = start("prodDemoLeft", strong)) {
      // as a database once run as a demo would have it
      IdentityService identity = first.getBean(IdentityService.class);
      User leftOver = identity.newUser("so-gddt-cv");
      leftOver.setPassword("so-gddt-cv");
      ((IdentityServiceImpl) identity).saveUser(leftOver, true);
      identity.createMembership("so-gddt-cv", "so-gddt");
    }

    // thrown at start-up after the engine is built, so it arrives unwrapped
    assertThatThrownBy(() -> start("prodDemoLeft", strong)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo accounts exist (so-gddt-cv)")
        .hasMessageContaining("GDNN_REMOVE_DEMO_USERS=true")
        .hasMessageContaining("còn tài khoản demo (so-gddt-cv)");

    try (ConfigurableApplicationContext removed = start("prodDemoLeft", strong,
        Map.of("GDNN_REMOVE_DEMO_USERS", "true"))) {
      IdentityService identity = removed.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("so-gddt-cv").count()).isZero();
      assertThat(identity.checkPassword("quantri", strong)).isTrue();
    }
    // and the next ordinary start goes through
    start("prodDemoLeft", strong).close();
  }

  @Test
  void prodRefusesTheDemoProfileBesideIt() {
    assertThatThrownBy(() -> SecondApplication.start("prodAndDemo", List.of("prod", "demo"), Map.of(
        "spring.datasource.url", "jdbc:h2:mem:prodAndDemo;DB_CLOSE_DELAY=-1",
        "GDNN_ADMIN_PASSWORD", "Mot-mat-khau-manh-2025"))).rootCause()
        .hasMessageContaining("the demo profile is active too");
  }

  @Test
  void aMissingOrDefaultAdministratorPasswordStopsTheStartNamingTheVariable() {
    for (String weak : new String[] {null, "", "demo", "admin", "quantri", "ngan-qua"}) {
      assertThatThrownBy(() -> start("prodWeak", weak)).as(String.valueOf(weak))
          .rootCause()
          .hasMessageContaining("GDNN_ADMIN_PASSWORD")
          .hasMessageContaining("Refusing to start with the prod profile");
    }
  }

  @Test
  void withAStrongPasswordItStartsWithTheAdministratorAndNoDemoUsers() {
    try (ConfigurableApplicationContext context = start("prodStrong", "Mot-mat-khau-manh-2025")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("quantri", "Mot-mat-khau-manh-2025")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId())
          .isEqualTo("quantri");
      assertThat(identity.createUserQuery().count()).as("no demo users").isEqualTo(1);
      assertThat(identity.createGroupQuery().groupId("so-gddt-lanh-dao").count()).isEqualTo(1);
      assertThat(context.getBeanProvider(DemoUsers.class).getIfAvailable()).isNull();
    }
  }
}
