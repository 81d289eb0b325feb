package vn.hanoi.gdnn.monitoring;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Test data of the monitoring tests: the test lifecycle (src/test/resources/monitoring), a staff member, a leader
 * and a plan manager of Sở Giáo dục và Đào tạo with the webapp access they need. Created only when absent, so it
 * lives beside the organisation's own data in the shared test context.
 */
final class MonitoringFixture {

  static final String STAFF = "mt-cv";
  static final String LEADER = "mt-ld";
  static final String MANAGER = "mt-ql";
  static final String PASSWORD = "MatKhau-2026";
  static final String UNIT = "so-gddt";
  static final String LEADERS = "so-gddt-lanh-dao";
  static final String MANAGERS = "quan-ly-ke-hoach";

  private MonitoringFixture() {
  }

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("monitoring-test").enableDuplicateFiltering(true)
        .addClasspathResource("monitoring/monitoring-test-lifecycle.bpmn")
        .addClasspathResource("monitoring/monitoring-test-draft.form")
        .addClasspathResource("monitoring/monitoring-test-sign-off.form")
        .deploy();
  }

  static void identities(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    group(identity, UNIT, "Sở Giáo dục và Đào tạo", "don-vi");
    group(identity, LEADERS, "Lãnh đạo Sở Giáo dục và Đào tạo", "lanh-dao");
    group(identity, "so-tc", "Sở Tài chính", "don-vi");
    group(identity, "so-nv", "Sở Nội vụ", "don-vi");
    group(identity, MANAGERS, "Quản lý kế hoạch", "vai-tro");
    user(identity, STAFF, "Nguyễn Văn", "An", UNIT);
    user(identity, LEADER, "Trần Thị", "Bình", LEADERS);
    user(identity, MANAGER, "Lê Văn", "Cường", MANAGERS);
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, UNIT, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(authorizations, LEADERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(authorizations, MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  static ProcessInstance start(ProcessEngine engine, String code, String title, String area, String areaTitle,
      String leadUnit, Date deadline, Date taskDue) {
    return engine.getRuntimeService().startProcessInstanceByKey("monitoringTestLifecycle", code,
        Variables.createVariables()
            .putValue("deliverableCode", code)
            .putValue("deliverableTitle", title)
            .putValue("area", area)
            .putValue("areaTitle", areaTitle)
            .putValue("leadUnit", leadUnit)
            .putValue("coUnits", "[\"so-tc\",\"so-nv\"]")
            .putValue("deadline", deadline)
            .putValue("product", "Quyết định của UBND Thành phố")
            .putValue("taskDue", taskDue));
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  private static void user(IdentityService identity, String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(first);
      u.setLastName(last);
      u.setPassword(PASSWORD);
      identity.saveUser(u);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String id,
      Permissions... permissions) {
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id).count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    for (Permissions permission : permissions) {
      a.addPermission(permission);
    }
    authorizations.saveAuthorization(a);
  }

  static List<String> groupsOf(String user) {
    return switch (user) {
      case STAFF -> List.of(UNIT);
      case LEADER -> List.of(LEADERS);
      case MANAGER -> List.of(MANAGERS);
      default -> List.of();
    };
  }
}
