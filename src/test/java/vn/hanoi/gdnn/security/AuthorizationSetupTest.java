package vn.hanoi.gdnn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.organisation.Groups;

/** The declared revocations take old grants away from an existing database, once, and touch nothing else. */
@IntegrationTest
class AuthorizationSetupTest {

  @Autowired
  AuthorizationSetup setup;
  @Autowired
  AuthorizationService authorizations;

  private Authorization managersGrant(Resource resource) {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(Groups.PLAN_MANAGERS).resourceType(resource).resourceId(ANY).singleResult();
  }

  @Test
  void aDatabaseFromAnEarlierVersionLosesTheManagersRightToStartProcesses() {
    // As an earlier version left it: managers could start any process.
    Authorization definitions = managersGrant(Resources.PROCESS_DEFINITION);
    definitions.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(definitions);
    Authorization instances = managersGrant(Resources.PROCESS_INSTANCE);
    instances.addPermission(Permissions.CREATE);
    authorizations.saveAuthorization(instances);

    assertThat(setup.apply()).isEqualTo(2);

    assertThat(managersGrant(Resources.PROCESS_DEFINITION).isPermissionGranted(Permissions.CREATE_INSTANCE))
        .isFalse();
    assertThat(managersGrant(Resources.PROCESS_DEFINITION).isPermissionGranted(Permissions.READ_HISTORY))
        .as("reading stays").isTrue();
    assertThat(managersGrant(Resources.PROCESS_INSTANCE).isPermissionGranted(Permissions.CREATE)).isFalse();
    assertThat(managersGrant(Resources.PROCESS_INSTANCE).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(authorizations.isUserAuthorized("demo", java.util.List.of(Groups.ADMINISTRATORS),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION)).as("administrators keep everything").isTrue();
    assertThat(setup.apply()).as("idempotent").isZero();
  }

  @Test
  void noRevocationTakesBackWhatTheApplicationGrants() {
    for (AuthorizationSetup.Grant revoked : setup.revocations()) {
      assertThat(setup.grants()).noneMatch(grant -> grant.groupId().equals(revoked.groupId())
          && grant.resource().equals(revoked.resource()) && grant.resourceId().equals(revoked.resourceId())
          && grant.permissions().stream().anyMatch(revoked.permissions()::contains));
    }
  }
}
