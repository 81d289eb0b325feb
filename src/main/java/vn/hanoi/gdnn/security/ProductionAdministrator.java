package vn.hanoi.gdnn.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * The administrator of a production installation (profile {@code prod}): id from {@code GDNN_ADMIN_USER}
 * (default {@code admin}), password from {@code GDNN_ADMIN_PASSWORD}. The application refuses to start while
 * that password is missing, a well-known default, the user id, or shorter than 12 characters.
 *
 * <p>It is a process engine plugin so that the check runs before the engine is built: a refused start writes
 * nothing to the database. The account is created once; later password changes are made in Admin.
 *
 * <p>Nor does it start while an account of the demo set exists ({@code demo}, {@code qlkh}, {@code <unit>-cv} …,
 * whose passwords are public in the README): such a database was once run as a demo. The log names the accounts
 * and how to remove them; {@code GDNN_REMOVE_DEMO_USERS=true} removes them at the next start.
 */
@Component
@Profile("prod")
public class ProductionAdministrator extends AbstractCamundaConfiguration {

  public static final String PASSWORD_VARIABLE = "GDNN_ADMIN_PASSWORD";
  public static final String REMOVE_DEMO_VARIABLE = "GDNN_REMOVE_DEMO_USERS";
  static final int MIN_LENGTH = 12;
  static final Set<String> DEFAULTS = Set.of("demo", "admin", "administrator", "password", "camunda", "changeme",
      "change-me", "123456", "12345678", "123456789", "1234567890", "matkhau", "qwerty", "secret");

  private static final Logger LOG = LoggerFactory.getLogger(ProductionAdministrator.class);

  private final String userId;
  private final String password;
  private final boolean removeDemoUsers;

  public ProductionAdministrator(@Value("${gdnn.security.admin-user:${GDNN_ADMIN_USER:admin}}") String userId,
      @Value("${gdnn.security.admin-password:${GDNN_ADMIN_PASSWORD:}}") String password,
      @Value("${gdnn.security.remove-demo-users:${GDNN_REMOVE_DEMO_USERS:false}}") boolean removeDemoUsers,
      Environment environment) {
    this.userId = userId;
    this.password = password;
    this.removeDemoUsers = removeDemoUsers;
    if (environment.matchesProfiles("demo")) {
      throw new IllegalStateException("Refusing to start with the prod profile: the demo profile is active too. "
          + "Không khởi động: hồ sơ prod không dùng cùng hồ sơ demo.");
    }
    if (Set.of(DemoUsers.ADMIN_ID, DemoUsers.PLAN_MANAGER_ID, DemoUsers.MONITOR_ID).contains(userId)
        || userId.endsWith("-cv") || userId.endsWith("-ld")) {
      throw new IllegalStateException("Refusing to start with the prod profile: GDNN_ADMIN_USER '" + userId
          + "' is the id of a demo account; choose another id.");
    }
    String problem = problemWith(userId, password);
    if (problem != null) {
      throw new IllegalStateException("Refusing to start with the prod profile: the administrator password "
          + problem + ". Set the environment variable " + PASSWORD_VARIABLE + " to a strong password (at least "
          + MIN_LENGTH + " characters) for the administrator '" + userId + "' (GDNN_ADMIN_USER).");
    }
  }

  static String problemWith(String userId, String password) {
    if (password == null || password.isBlank()) {
      return "is missing";
    }
    String lower = password.strip().toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(lower) || lower.equals(userId.toLowerCase(Locale.ROOT))) {
      return "is a default value";
    }
    if (password.length() < MIN_LENGTH) {
      return "is shorter than " + MIN_LENGTH + " characters";
    }
    return null;
  }

  public String userId() {
    return userId;
  }

  /**
   * Refuses to go on while a demo account exists, or removes them when asked to ({@code GDNN_REMOVE_DEMO_USERS}).
   * Runs before the administrator is created, so a refused start adds nothing.
   */
  public void refuseDemoAccounts(IdentityService identityService, List<String> demoIds) {
    List<String> present = demoIds.stream()
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0).toList();
    if (present.isEmpty()) {
      return;
    }
    if (removeDemoUsers) {
      present.forEach(identityService::deleteUser);
      LOG.warn("Demo accounts removed ({}=true): {}", REMOVE_DEMO_VARIABLE, present);
      return;
    }
    String names = String.join(", ", present.subList(0, Math.min(present.size(), 10)))
        + (present.size() > 10 ? " … (" + present.size() + ")" : "");
    String message = "Refusing to start with the prod profile: demo accounts exist (" + names + "); their "
        + "passwords are public. Remove them once with " + REMOVE_DEMO_VARIABLE + "=true, or delete them in Admin "
        + "(Users → the user → Delete account) from a run without the prod profile. / Không khởi động ở chế độ "
        + "prod: cơ sở dữ liệu còn tài khoản demo (" + names + ") có mật khẩu công khai. Đặt biến môi trường "
        + REMOVE_DEMO_VARIABLE + "=true để xóa các tài khoản này ở lần khởi động tiếp theo, hoặc xóa trong "
        + "Admin (Người dùng → chọn người dùng → Xóa tài khoản).";
    LOG.error(message);
    throw new IllegalStateException(message);
  }

  /** Creates the administrator once and makes it a member of {@code camunda-admin}. */
  public void ensureExists(IdentityService identityService) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Quản trị");
      user.setLastName("hệ thống");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Administrator '{}' created", userId);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINISTRATORS).count() == 0) {
      identityService.createMembership(userId, Groups.ADMINISTRATORS);
    }
  }
}
