package vn.hanoi.gdnn.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The groups an authorization check looks at are the signed-in user's own groups, as they are.
 *
 * <p>Camunda first narrows them to the groups that hold at least one authorization, reading every distinct group id
 * of {@code ACT_RU_AUTHORIZATION} once per command — meant for directories where a user belongs to hundreds of
 * groups. Here a person has a handful (the unit, its leaders' group, a post), while the table holds a grant per
 * open task: the read returned all ~500 granted groups to every command, 2.3 ms in PostgreSQL and about 9 % of
 * the application's CPU per task completion at 100,000 open tasks (docs/performance.md). A group without any
 * authorization adds nothing to a check (every check matches grants by group id), so checking all of the user's
 * groups gives the same answers; {@code AuthorizationCheckGroupsPostgresTest} holds that on PostgreSQL.
 *
 * <p>Installed as Camunda's own {@link AuthorizationManager} session factory (the manager is command scoped, one per
 * command, as Camunda's).
 */
@Component
public class AuthorizationCheckGroups extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ManagerFactory());
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager with the user's groups left as they are. */
  static class UserGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      // an ArrayList, never an immutable list: MyBatis calls size() and get() on it by reflection
      return authenticatedGroupIds == null ? new ArrayList<>()
          : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }

  private static final class ManagerFactory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new UserGroupsAuthorizationManager();
    }
  }

  @Override
  public String toString() {
    return "AuthorizationCheckGroups";
  }
}
