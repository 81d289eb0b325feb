package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.EmbeddedPostgres;
import vn.hanoi.gdnn.SecondApplication;

/**
 * On a real PostgreSQL the installation is real: no demo account (public passwords) unless the demo profile is
 * asked for by name.
 */
class DemoAccountsPostgresTest {

  @Test
  void thePostgresProfileAloneCreatesNoDemoAccount() {
    try (ConfigurableApplicationContext context = SecondApplication.onPostgres("pgNoDemo",
        EmbeddedPostgres.newDatabase(), Map.of())) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().count()).as("no user at all").isZero();
      assertThat(identity.checkPassword("demo", "demo")).isFalse();
      assertThat(identity.createGroupQuery().groupId("so-gddt").count()).as("the organisation is there").isOne();
    }
  }

  @Test
  void theDemoProfileAskedForOnPostgresCreatesTheDemoAccounts() {
    try (ConfigurableApplicationContext context = SecondApplication.onPostgres("pgDemo",
        EmbeddedPostgres.newDatabase(), Map.of(), List.of("demo"))) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("demo", "demo")).isTrue();
      assertThat(identity.createUserQuery().userId("so-gddt-cv").memberOfGroup("so-gddt").count()).isOne();
    }
  }
}
