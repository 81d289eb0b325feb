package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/** At start the organisation, the demo people and the authorizations are in place; a second run adds nothing. */
@IntegrationTest
class IdentityBootstrapTest {

  @Autowired
  IdentityBootstrap bootstrap;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  OrganisationDirectory directory;
  @Autowired
  DemoUsers demoUsers;

  @Test
  void everyUnitHasItsGroupsAndItsDemoStaffAndLeader() {
    Group leaders = identityService.createGroupQuery().groupId("so-gddt-lanh-dao").singleResult();
    assertThat(leaders.getName()).isEqualTo("Lãnh đạo Sở Giáo dục và Đào tạo");
    assertThat(identityService.createGroupQuery().groupId("bo-gddt").count()).as("central body").isZero();

    directory.unitsWithGroups().forEach(unit -> {
      assertThat(identityService.createUserQuery().userId(unit.code() + "-cv").memberOfGroup(unit.code()).count())
          .as("staff of " + unit.code()).isEqualTo(1);
      assertThat(identityService.createUserQuery().userId(unit.code() + "-ld")
          .memberOfGroup(unit.code() + "-lanh-dao").count()).as("leader of " + unit.code()).isEqualTo(1);
      assertThat(identityService.checkPassword(unit.code() + "-ld", unit.code() + "-ld")).isTrue();
    });
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(u -> u.getId()).contains("demo");
    assertThat(identityService.createUserQuery().memberOfGroup("quan-ly-ke-hoach").list())
        .extracting(u -> u.getId()).contains("qlkh");
  }

  @Test
  void runningTheStartUpAgainChangesNothing() {
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();

    bootstrap.run();

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
  }

  @Test
  void theReadmeListsEveryDemoUser() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    demoUsers.users().forEach(user -> assertThat(readme).as("README mentions " + user.id())
        .contains("`" + user.id() + "`"));
  }
}
