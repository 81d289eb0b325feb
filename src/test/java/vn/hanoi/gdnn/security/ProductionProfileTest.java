package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.GdnnApplication;

/** The prod profile: no demo people, and no start while the administrator password is weak or missing. */
class ProductionProfileTest {

  /** Command-line arguments: they outrank every profile's configuration file, so no other database is used. */
  private static ConfigurableApplicationContext start(String name, String adminPassword) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.job-execution.enabled=false",
        "--GDNN_ADMIN_USER=quantri"));
    if (adminPassword != null) {
      args.add("--GDNN_ADMIN_PASSWORD=" + adminPassword);
    }
    return new SpringApplicationBuilder(GdnnApplication.class).profiles("prod").run(args.toArray(String[]::new));
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
