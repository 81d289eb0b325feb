package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.EmbeddedPostgres;

/**
 * The PostgreSQL statements that replace Camunda's (PostgresStatements) give Camunda the same answers, so a
 * user sees exactly the tasks his groups are granted — on a real PostgreSQL with authorizations on.
 */
class PostgresStatementsTest {

  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(EmbeddedPostgres.newDatabase()).setJdbcUsername("postgres").setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
        .setAuthorizationEnabled(true).setJobExecutorActivate(false).setProcessEngineName("postgresStatements");
    configuration.getProcessEnginePlugins().add(new PostgresStatements());
    engine = configuration.buildProcessEngine();
    SchemaMigrations.apply(configuration.getDataSource());
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void authorizedGroupsAreThoseOfCamundasOwnStatement() throws Exception {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> groups = List.of("so-gddt", "so-nv", "so-tc", "so-gddt-lanh-dao");
    for (String group : groups) {
      for (int task = 0; task < 3; task++) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TASK);
        grant.setResourceId(group + "-task-" + task);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
    }
    Authorization userGrant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    userGrant.setUserId("so-gddt-cv");
    userGrant.setResource(Resources.FILTER);
    userGrant.setResourceId("*");
    userGrant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(userGrant);

    Set<String> camunda = new HashSet<>();
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT DISTINCT(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A")) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          camunda.add(rs.getString(1));
        }
      }
    }
    List<String> replaced = configuration().getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(new ArrayList<>(camunda)));

    assertThat(camunda).containsAll(groups);
    assertThat(replaced).containsExactlyInAnyOrderElementsOf(camunda);
    assertThat(configuration().getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo("gdnnSelectAuthorizedGroupIds");
  }

  @Test
  void staffSeeTheTasksGrantedToTheirUnitAndNoOthers() {
    Task task = engine.getTaskService().newTask("review-1");
    task.setName("Xem xét dự thảo");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup("review-1", "so-gddt");
    Task other = engine.getTaskService().newTask("review-2");
    engine.getTaskService().saveTask(other);
    engine.getTaskService().addCandidateGroup("review-2", "so-nv");

    engine.getIdentityService().setAuthentication("so-gddt-cv", List.of("so-gddt", "nhom-khong-co-quyen"));
    try {
      assertThat(engine.getTaskService().createTaskQuery().list()).extracting(Task::getId)
          .containsExactly("review-1");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private javax.sql.DataSource dataSource() {
    return configuration().getDataSource();
  }
}
