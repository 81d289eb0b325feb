package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks with the same answers at a fraction of the work: Camunda's own
 * {@link AuthorizationManager}, installed through its session factory (one manager per command, as Camunda's), with
 * two changes measured on task completions at 100,000 open tasks (docs/performance.md, issue 17):
 * <ol>
 *   <li><b>The user's own groups, as they are.</b> Camunda first narrows them to the groups holding at least one
 *   authorization, reading every distinct group id of {@code ACT_RU_AUTHORIZATION} once per command — meant for
 *   directories where a person belongs to hundreds of groups. Here a person has a handful, while the table holds a
 *   grant per open task: ~500 groups read by every command, 2.3 ms in PostgreSQL and about 9 % of a completion's
 *   CPU. A group without authorizations adds nothing to a check, so the answers are the same.</li>
 *   <li><b>One compact statement for a check on one resource</b> ({@link AuthorizationCheckStatement}):
 *   Camunda's {@code isUserAuthorizedForResource} spells out every case — user, group and everyone; grant and
 *   revoke; the resource and "*" — as a dozen sub-selects per permission, and MyBatis rebuilds that text on every
 *   call (the completion's TASK_WORK check has four permissions: 40-odd sub-selects, 11 % of a completion's CPU
 *   just to build it). The compact form reads the candidate rows once and keeps Camunda's precedence in its
 *   ORDER BY: the user's own rows before his groups' before everyone's, the named resource before "*", a grant
 *   before a revoke at the same place; its text is built once per shape and run with JDBC, since MyBatis rebuilt
 *   even the compact text on every call (8 % of a completion's CPU). Composite checks of composites, checks with a
 *   default answer and query checks keep Camunda's statement.</li>
 * </ol>
 * {@code AuthorizationChecksPostgresTest} holds both to Camunda's own answers on PostgreSQL, over a generated
 * set of grants, revokes and checks; on H2 every test of the application runs through them.
 */
@Component
public class AuthorizationChecks extends EngineSessionReplacement {

  /** Databases whose SQL the compact statement is written in (LIMIT, the bit operators of Camunda's mapping). */
  private static final Set<String> DATABASES = Set.of("postgres", "h2");

  public AuthorizationChecks() {
    super(AuthorizationManager.class, CompactAuthorizationManager::new);
  }

  /** Camunda's authorization manager with the two changes of the class comment. */
  static class CompactAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      // an ArrayList, never an immutable list: MyBatis calls size() and get() on it by reflection
      return authenticatedGroupIds == null ? new ArrayList<>()
          : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permission) {
      if (!isAuthorizationEnabled() || !isResourceValidForPermission(permission)) {
        return super.isAuthorized(userId, groupIds, permission); // true, or Camunda's own error
      }
      return isAuthorized(userId, groupIds, createCompositePermissionCheck(permission));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      if (!isCompact(check)) {
        return super.isAuthorized(userId, groupIds, check);
      }
      for (PermissionCheck permission : check.getAllPermissionChecks()) {
        if (!isResourceValidForPermission(permission)) {
          return super.isAuthorized(userId, groupIds, check); // Camunda's own error for a wrong permission
        }
      }
      return AuthorizationCheckStatement.isAuthorized(Context.getCommandContext(), userId,
          filterAuthenticatedGroupIds(groupIds), isRevokeAuthCheckEnabled(userId, groupIds),
          check.isDisjunctive() || check.getAtomicChecks().size() == 1, check.getAtomicChecks());
    }

    /** Atomic checks on named resources only, none with a default answer of its own. */
    private static boolean isCompact(CompositePermissionCheck check) {
      if (!DATABASES.contains(Context.getProcessEngineConfiguration().getDatabaseType())
          || check.getAtomicChecks() == null || check.getAtomicChecks().isEmpty()
          || check.getCompositeChecks() != null && !check.getCompositeChecks().isEmpty()) {
        return false;
      }
      for (PermissionCheck permission : check.getAtomicChecks()) {
        if (permission.getResourceIdQueryParam() != null || permission.getAuthorizationNotFoundReturnValue() != null) {
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public String toString() {
    return "AuthorizationChecks";
  }
}
