package vn.hanoi.gdnn.security;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * The administrator of a production installation (profile {@code prod}): id from {@code GDNN_ADMIN_USER}
 * (default {@code admin}), password from {@code GDNN_ADMIN_PASSWORD}. The application refuses to start while
 * that password is missing, a well-known default, the user id, or shorter than 12 characters.
 *
 * <p>It is a process engine plugin so that the check runs before the engine is built: a refused start writes
 * nothing to the database. The account is created once; later password changes are made in Admin.
 */
@Component
@Profile("prod")
public class ProductionAdministrator extends AbstractCamundaConfiguration {

  public static final String PASSWORD_VARIABLE = "GDNN_ADMIN_PASSWORD";
  static final int MIN_LENGTH = 12;
  static final Set<String> DEFAULTS = Set.of("demo", "admin", "administrator", "password", "camunda", "changeme",
      "change-me", "123456", "12345678", "123456789", "1234567890", "matkhau", "qwerty", "secret");

  private static final Logger LOG = LoggerFactory.getLogger(ProductionAdministrator.class);

  private final String userId;
  private final String password;

  public ProductionAdministrator(@Value("${gdnn.security.admin-user:${GDNN_ADMIN_USER:admin}}") String userId,
      @Value("${gdnn.security.admin-password:${GDNN_ADMIN_PASSWORD:}}") String password) {
    this.userId = userId;
    this.password = password;
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
