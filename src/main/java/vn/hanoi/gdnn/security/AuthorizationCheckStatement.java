package vn.hanoi.gdnn.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The compact form of Camunda's {@code isUserAuthorizedForResource} ({@link AuthorizationChecks}), for PostgreSQL
 * and H2, as plain JDBC on the command's own connection. Same answers as Camunda's statement
 * ({@code AuthorizationChecksPostgresTest}).
 *
 * <p>For one permission on one resource the first of these decides, in Camunda's order: the user's own grant /
 * revoke on the resource, then on "*"; a grant / revoke of one of the user's groups on the resource, then on "*";
 * everyone's (global) grant / revoke on the resource, then on "*"; no such authorization: not authorized. A grant
 * holds the permission's bits, a revoke lacks them; a user's or group's row that grants other permissions decides
 * nothing. Revokes count only when revoke checks are on. Several permissions: the first that decides answers
 * (disjunctive), or all must be granted (conjunctive).
 *
 * <p>Why not a MyBatis statement: its text varies with the number of permissions and groups, and MyBatis rebuilds
 * and re-parses a dynamic statement on every call — for the completion's TASK_WORK check (four permissions, 40-odd
 * parameters) that was 8 % of a completion's CPU in the flight recording, against 0.06 ms in PostgreSQL. Here the
 * text is built once per shape (database, permissions, groups, revoke checks, any-of or all-of) and kept.
 */
final class AuthorizationCheckStatement {

  /** One permission on one resource: 1 granted, 0 refused, NULL undecided. {@code %s}: the bit operator's parts. */
  private static final String ONE_PERMISSION = """
      (SELECT CASE WHEN A.TYPE_ = 1 OR (A.TYPE_ = 0 AND %1$sA.PERMS_%2$s?%3$s = ?) THEN 1 ELSE 0 END
         FROM %4$sACT_RU_AUTHORIZATION A
        WHERE A.RESOURCE_TYPE_ = ?
          AND A.RESOURCE_ID_ IN (?, '*')
          AND ((A.TYPE_ = 0 AND A.USER_ID_ = '*')
               OR (A.TYPE_ IN (1, 2) AND (A.USER_ID_ = ?%5$s)))
          AND ((A.TYPE_ IN (0, 1) AND %1$sA.PERMS_%2$s?%3$s = ?)%6$s)
        ORDER BY CASE WHEN A.TYPE_ = 0 THEN 2 WHEN A.USER_ID_ IS NOT NULL THEN 0 ELSE 1 END,
                 CASE WHEN A.RESOURCE_ID_ = '*' THEN 1 ELSE 0 END,
                 CASE WHEN A.TYPE_ = 1 OR (A.TYPE_ = 0 AND %1$sA.PERMS_%2$s?%3$s = ?) THEN 0 ELSE 1 END
        LIMIT 1)""";
  private static final String REVOKES = "\n           OR (A.TYPE_ IN (0, 2) AND %1$sA.PERMS_%2$s?%3$s != ?)";

  /** The bit operator's parts are Camunda's mapping variables (its {@code ${bitand1..3}}) for the database. */
  private record Shape(String bitand1, String bitand2, String bitand3, String prefix, int permissions, int groups,
      boolean revokes, boolean disjunctive) {
  }

  private static final Map<Shape, String> TEXTS = new ConcurrentHashMap<>();

  private AuthorizationCheckStatement() {
  }

  /** Whether {@code user} (with {@code groups}) is authorized: any of {@code checks}, or all of them. */
  static boolean isAuthorized(CommandContext context, String user, List<String> groups, boolean revokes,
      boolean disjunctive, List<PermissionCheck> checks) {
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    Properties mapping = configuration.getSqlSessionFactory().getConfiguration().getVariables();
    Shape shape = new Shape(mapping.getProperty("bitand1"), mapping.getProperty("bitand2"),
        mapping.getProperty("bitand3"), configuration.getDatabaseTablePrefix(), checks.size(), groups.size(), revokes,
        disjunctive);
    String sql = TEXTS.computeIfAbsent(shape, AuthorizationCheckStatement::text);
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int p = 1;
      // in the order of the placeholders of ONE_PERMISSION (and REVOKES), once per permission
      for (PermissionCheck check : checks) {
        int perms = check.getPerms();
        statement.setInt(p++, perms);
        statement.setInt(p++, perms);
        statement.setInt(p++, check.getResourceType());
        statement.setString(p++, check.getResourceId());
        statement.setString(p++, user);
        for (String group : groups) {
          statement.setString(p++, group);
        }
        statement.setInt(p++, perms);
        statement.setInt(p++, perms);
        if (revokes) {
          statement.setInt(p++, perms);
          statement.setInt(p++, perms);
        }
        statement.setInt(p++, perms);
        statement.setInt(p++, perms);
      }
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot check an authorization: " + e.getMessage(), e);
    }
  }

  private static String text(Shape shape) {
    String groups = shape.groups() == 0 ? ""
        : " OR A.GROUP_ID_ IN (" + String.join(", ", Collections.nCopies(shape.groups(), "?")) + ")";
    String revokes = shape.revokes() ? REVOKES.formatted(shape.bitand1(), shape.bitand2(), shape.bitand3()) : "";
    String one = ONE_PERMISSION.formatted(shape.bitand1(), shape.bitand2(), shape.bitand3(),
        shape.prefix() == null ? "" : shape.prefix(), groups, revokes);
    List<String> each = Collections.nCopies(shape.permissions(), one);
    if (shape.disjunctive()) {
      return "SELECT COALESCE(" + String.join(",\n", each) + ", 0)";
    }
    return "SELECT CASE WHEN " + String.join(" AND ", each.stream().map(c -> "COALESCE(" + c + ", 0) = 1")
        .toList()) + " THEN 1 ELSE 0 END";
  }
}
