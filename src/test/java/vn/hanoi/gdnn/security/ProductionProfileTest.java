package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.SecondApplication;

/** The prod profile: no demo people, and no start while the administrator password is weak or missing. */
class ProductionProfileTest {

  private static ConfigurableApplicationContext start(String name, String adminPassword) {
    Map<String, Object> settings = new LinkedHashMap<>(Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled", "false",
        "GDNN_ADMIN_USER", "quantri"));
    if (adminPassword != null) {
      settings.put("GDNN_ADMIN_PASSWORD", adminPassword);
    }
    return SecondApplication.start(name, List.of("prod"), settings);
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
