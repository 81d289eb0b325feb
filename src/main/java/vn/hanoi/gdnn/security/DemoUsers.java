package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Post;
import vn.hanoi.gdnn.organisation.Unit;

/**
 * People of the demo: the administrator {@code demo}, a plan manager
 * {@code qlkh}, a UBND office monitor {@code vp-ubnd-theodoi}, and for every unit that works in the system a
 * staff member {@code <unit>-cv} and a leader {@code <unit>-ld}. Each password is the user id (README table).
 *
 * <p>Only in the demo: on the embedded H2 database (no {@code postgres} profile), or wherever the {@code demo}
 * profile is asked for explicitly. A run on PostgreSQL is a real installation until said otherwise, and
 * {@code prod} never has them ({@link ProductionAdministrator} refuses to start while one exists).
 *
 * <p>Users are created when missing and their memberships completed; an existing user (whose password an
 * administrator may have changed in Admin) is not reset. Their passwords are too short for the password policy
 * on purpose (anyone can type them in a demo), so they are saved past it.
 */
@Component
@Profile(DemoUsers.PROFILES)
public class DemoUsers {

  /** When the demo users exist: asked for, or the embedded database of a plain {@code mvn spring-boot:run}. */
  public static final String PROFILES = "demo | !(postgres | prod)";

  public static final String ADMIN_ID = "demo";
  public static final String PLAN_MANAGER_ID = "qlkh";
  public static final String MONITOR_ID = "vp-ubnd-theodoi";

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final OrganisationDirectory directory;

  public DemoUsers(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** A demo user; the password is the id. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  /**
   * A demo user's e-mail address, on a reserved domain ({@code .example}, RFC 2606) so that a demo never mails
   * a real person.
   */
  public static String emailOf(String userId) {
    return userId + "@gdnn.example";
  }

  public static String staffOf(String unitCode) {
    return unitCode + "-cv";
  }

  public static String leaderOf(String unitCode) {
    return unitCode + "-ld";
  }

  /** The demo person holding a post, e.g. {@code ubnd-pct-vhxh-ng}. */
  public static String holderOf(String postCode) {
    return postCode + "-ng";
  }

  public List<DemoUser> users() {
    return users(directory);
  }

  /** The demo set for an organisation, also where no demo user is created (the prod profile's check). */
  public static List<DemoUser> users(OrganisationDirectory directory) {
    List<DemoUser> users = new ArrayList<>();
    users.add(new DemoUser(ADMIN_ID, "Quản trị", "hệ thống", List.of(Groups.ADMINISTRATORS)));
    users.add(new DemoUser(PLAN_MANAGER_ID, "Quản lý", "Kế hoạch 115/KH-UBND", List.of(Groups.PLAN_MANAGERS)));
    users.add(new DemoUser(MONITOR_ID, "Chuyên viên theo dõi", "Văn phòng UBND Thành phố",
        List.of(Groups.UBND_MONITORING, "vp-ubnd")));
    for (Unit unit : directory.unitsWithGroups()) {
      users.add(new DemoUser(staffOf(unit.code()), "Chuyên viên", unit.name(), List.of(unit.code())));
      users.add(new DemoUser(leaderOf(unit.code()), "Lãnh đạo", unit.name(),
          List.of(Groups.leadersOf(unit.code()))));
    }
    // the persons decisions are routed to (chairmen, vice-chairmen in charge of a field), leaders of their unit
    for (Post post : directory.posts()) {
      users.add(new DemoUser(holderOf(post.code()), "Đồng chí", post.name(),
          List.of(post.code(), Groups.leadersOf(post.unit()))));
    }
    return users;
  }

  /** Demo databases from before e-mail notifications: the address is added, nothing else changes. */
  private static void giveAddressIfMissing(IdentityService identityService, User user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      user.setEmail(emailOf(user.getId()));
      ((IdentityServiceImpl) identityService).saveUser(user, true);
    }
  }

  /** Creates missing demo users and memberships; returns how many users were created. */
  public int create(IdentityService identityService) {
    int created = 0;
    // Users and memberships read once (one query per group, not per user and group): the demo set has a staff
    // member and a leader for each of ~185 units, and every start and test context pays for each round trip.
    Map<String, User> existing = new HashMap<>();
    identityService.createUserQuery().list().forEach(u -> existing.put(u.getId(), u));
    Map<String, Set<String>> membersOf = new HashMap<>();
    for (DemoUser demo : users()) {
      boolean isNew = !existing.containsKey(demo.id());
      if (isNew) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setPassword(demo.id());
        user.setEmail(emailOf(demo.id()));
        // IdentityServiceImpl#saveUser(user, skipPasswordPolicy): the engine's own way past its policy
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        created++;
      } else {
        giveAddressIfMissing(identityService, existing.get(demo.id()));
      }
      for (String group : demo.groups()) {
        boolean member = !isNew && membersOf.computeIfAbsent(group, g -> {
          Set<String> ids = new HashSet<>();
          identityService.createUserQuery().memberOfGroup(g).list().forEach(u -> ids.add(u.getId()));
          return ids;
        }).contains(demo.id());
        if (!member) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
    if (created > 0) {
      LOG.warn("Demo profile: {} demo users created with their id as password (README.md); "
          + "run with the prod profile in production", created);
    }
    return created;
  }
}
