package vn.hanoi.gdnn.security;

import java.util.List;

import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A page of Camunda's task query with authorizations on, checked in order instead of all at once — a unit's
 * inbox, a Tasklist filter, every REST {@code /task?…&maxResults=n}.
 *
 * <p>Camunda's statement applies its per-row authorization check (the user's, his groups' and everyone's grant and
 * revoke on the task and on its process definition) to every task matching the query, sorts the survivors and keeps
 * a page: a unit with 2,400 open tasks pays 2,400 checks for a page of ten, half of the statement's time at
 * 100,000 open tasks (docs/performance.md). The statement here ({@code db/mybatis/authorized-task-pages.xml}) is
 * made of Camunda's own parts — its criteria, its ordering and its authorization check — put together so that
 * the criteria are applied and sorted first and the authorization check then runs on the sorted rows only until the
 * page is full. Filtering before or after ordering gives the same rows in the same order (the check depends on the
 * task's row alone), so every answer is Camunda's; {@code AuthorizedTaskPagesPostgresTest} holds both statements to
 * the same pages over generated grants, revokes and queries.
 *
 * <p>Only paged queries on PostgreSQL with revoke checks on (the production setting), sorted by the task's own
 * columns and not narrowed by process definition, take this path; everything else, and every count, runs
 * Camunda's statement unchanged.
 */
@Component
public class AuthorizedTaskPages extends EngineSessionReplacement {

  static final String MAPPER = "db/mybatis/authorized-task-pages.xml";
  static final String STATEMENT = "gdnnSelectTaskPageAuthorizedInOrder";
  /** A check that is off, for the inner part of the statement (the criteria); a new one per statement. */
  public static AuthorizationCheck noCheck() {
    return new AuthorizationCheck();
  }

  public AuthorizedTaskPages() {
    super(TaskManager.class, InOrderTaskManager::new, MAPPER, STATEMENT);
  }

  /** Camunda's task manager; pages of authorization-checked queries through the statement of the class comment. */
  static class InOrderTaskManager extends TaskManager {

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      configureQuery(query);
      String statement = checksInOrder(query) ? STATEMENT : "selectTaskByQueryCriteria";
      return getDbEntityManager().selectList(statement, query);
    }

    /** Paged, checked with revokes (the statement's form of the check), ordered by the task's own columns. */
    static boolean checksInOrder(TaskQueryImpl query) {
      // getShouldPerform… is what Camunda's mapping reads (the check is on and has permissions to check)
      AuthorizationCheck check = query.getAuthCheck();
      if (!"postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())
          || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
          || !check.isRevokeAuthorizationCheckEnabled()
          || query.getMaxResults() == Integer.MAX_VALUE || query.isTaskNameCaseInsensitive()) {
        return false;
      }
      for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
        if (!ordering.isContainedProperty()) {
          return false; // ordered by a variable: Camunda joins and selects it under its own alias
        }
      }
      for (TaskQueryImpl part : query.getQueries()) {
        if (byProcessDefinition(part)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Criteria on the process definition join it into the criteria; without the check's cost on every row
     * PostgreSQL then loops over the definitions of the key (one per deployed version) and reads the unit's tasks
     * once per version — 24 ms against Camunda's 13 ms, measured with three versions. Camunda's statement checks
     * only the rows of that definition anyway.
     */
    private static boolean byProcessDefinition(TaskQueryImpl query) {
      return query.getProcessDefinitionKey() != null || query.getProcessDefinitionName() != null
          || query.getProcessDefinitionNameLike() != null
          || query.getProcessDefinitionKeys() != null && query.getProcessDefinitionKeys().length > 0;
    }
  }

  @Override
  public String toString() {
    return "AuthorizedTaskPages";
  }
}
