package vn.hanoi.gdnn.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;

/**
 * Every authorization the application grants, in one place, created at start idempotently (a missing grant
 * is created, a grant lacking a permission is widened, so what an administrator adds in Admin survives
 * restarts). Grants are never narrowed by omission: a permission the application used to give and must no
 * longer give is listed in {@link #revocations()}, and taken away from an existing database at every start.
 *
 * <p>Work on tasks is not granted here: the engine grants it per task. When a task gets a candidate group or
 * an assignee, Camunda's default authorization provider gives that group or user READ and the configured
 * default task permission ({@code defaultUserPermissionNameForTask: TASK_WORK}: claim and complete, not
 * reassign) on that one task. So staff and leaders see and work exactly the tasks routed to their group or to
 * themselves, and nobody gets a blanket permission on tasks except administrators. See docs/security.md.
 */
@Component
public class AuthorizationSetup {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String ADMIN = "admin";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

  private final AuthorizationService authorizationService;
  private final OrganisationDirectory directory;

  public AuthorizationSetup(AuthorizationService authorizationService, OrganisationDirectory directory) {
    this.authorizationService = authorizationService;
    this.directory = directory;
  }

  /** One grant to a group: the permissions on a resource (ANY = every resource of that type). */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

    static Grant of(String groupId, Resource resource, String resourceId, Permission... permissions) {
      return new Grant(groupId, resource, resourceId, List.of(permissions));
    }
  }

  /** The grants the application wants, per role. */
  public List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // Staff and leaders of every unit, and the UBND monitoring group: Tasklist. They read process models
    // (Tasklist shows the process name and diagram of a task) and the names of people and groups (assignees,
    // candidate groups); they start no process and read no instance beyond their own tasks.
    List<String> workers = new ArrayList<>();
    for (Unit unit : directory.unitsWithGroups()) {
      workers.add(unit.code());
      workers.add(Groups.leadersOf(unit.code()));
    }
    workers.add(Groups.UBND_MONITORING);
    for (String group : workers) {
      grants.add(Grant.of(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      grants.add(Grant.of(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
      grants.add(Grant.of(group, Resources.USER, ANY, Permissions.READ));
      grants.add(Grant.of(group, Resources.GROUP, ANY, Permissions.READ));
    }

    // Plan managers: Tasklist and Cockpit; read every deliverable, its tasks and its history. No TASK_WORK /
    // UPDATE_TASK: they cannot claim or complete other units' tasks. They start nothing through the engine
    // either: the plan changes through the plan API (which launches as the application), so a manager cannot
    // start a procedure routed to themselves (revocations() takes the old grant away).
    String managers = Groups.PLAN_MANAGERS;
    grants.add(Grant.of(managers, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    grants.add(Grant.of(managers, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(Grant.of(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, Permissions.READ_TASK));
    grants.add(Grant.of(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
    grants.add(Grant.of(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(Grant.of(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(Grant.of(managers, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(Grant.of(managers, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
    grants.add(Grant.of(managers, Resources.USER, ANY, Permissions.READ));
    grants.add(Grant.of(managers, Resources.GROUP, ANY, Permissions.READ));

    // Administrators: everything, as Camunda's own administrator setup grants (Tasklist, Cockpit, Admin).
    for (Resources resource : Resources.values()) {
      grants.add(Grant.of(Groups.ADMINISTRATORS, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  /**
   * Permissions earlier versions granted and this one withdraws, per group and resource. Kept here (never just
   * dropped from {@link #grants()}) so that a database set up by an earlier version loses them at the next start.
   * A revocation must not overlap {@link #grants()} (checked by AuthorizationSetupTest).
   */
  public List<Grant> revocations() {
    return List.of(
        // until 2026-12: plan managers could start any process through the engine (issue 14, point 4)
        Grant.of(Groups.PLAN_MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE),
        Grant.of(Groups.PLAN_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
  }

  /**
   * Creates or widens the grants and applies the revocations; returns how many authorizations were written or
   * deleted (0 when everything was in place).
   */
  public int apply() {
    int written = revoke();
    // One read of every group grant instead of one query per grant: the organisation's ~370 groups make some
    // 1,500 grants, and a query each would be paid at every start and in every test context.
    Map<String, Authorization> existing = new HashMap<>();
    for (Authorization a : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).list()) {
      if (a.getGroupId() != null) {
        existing.putIfAbsent(key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a);
      }
    }
    List<Grant> grants = grants();
    for (Grant grant : grants) {
      Authorization authorization =
          existing.get(key(grant.groupId(), grant.resource().resourceType(), grant.resourceId()));
      if (authorization == null) {
        authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
      } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
        continue;
      }
      grant.permissions().forEach(authorization::addPermission);
      authorizationService.saveAuthorization(authorization);
      existing.put(key(grant.groupId(), grant.resource().resourceType(), grant.resourceId()), authorization);
      written++;
    }
    if (written > 0) {
      LOG.info("Authorizations: {} created, widened, narrowed or deleted", written);
    } else {
      LOG.info("Authorizations checked: all {} grants in place", grants.size());
    }
    return written;
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + '\u0000' + resourceType + '\u0000' + resourceId;
  }

  /** Takes the revoked permissions out of the group's grant; a grant left with no permission is deleted. */
  private int revoke() {
    int written = 0;
    for (Grant revocation : revocations()) {
      for (Authorization authorization : authorizationService.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(revocation.groupId())
          .resourceType(revocation.resource())
          .resourceId(revocation.resourceId())
          .list()) {
        if (revocation.permissions().stream().noneMatch(authorization::isPermissionGranted)) {
          continue;
        }
        revocation.permissions().forEach(authorization::removePermission);
        // the entity's bit mask: no public method tells "no permission left" for every resource type
        if (((AuthorizationEntity) authorization).getPermissions() == 0) {
          authorizationService.deleteAuthorization(authorization.getId());
        } else {
          authorizationService.saveAuthorization(authorization);
        }
        LOG.info("Authorizations: revoked {} on {} {} from group {}", revocation.permissions(),
            revocation.resource().resourceName(), revocation.resourceId(), revocation.groupId());
        written++;
      }
    }
    return written;
  }
}
