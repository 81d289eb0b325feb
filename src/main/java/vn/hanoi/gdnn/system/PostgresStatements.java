package vn.hanoi.gdnn.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, swaps Camunda statements that grow with every open task for equivalent ones that do not
 * (db/postgres/gdnn-statements.xml), through Camunda's own mechanism for database-specific statements: the
 * statement mappings of its {@link DbSqlSessionFactory}. Other databases keep Camunda's statements.
 */
@Component
public class PostgresStatements extends AbstractCamundaConfiguration {

  static final String MAPPER = "db/postgres/gdnn-statements.xml";
  /** Camunda's statement → this project's statement of the same result. */
  static final Map<String, String> REPLACED = Map.of(
      "selectAuthorizedGroupIds", "gdnnSelectAuthorizedGroupIds");

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStatements.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      // the MyBatis configuration may be shared by several engines of one JVM
      if (!REPLACED.values().stream().allMatch(id -> mybatis.hasStatement(id, false))) {
        try (InputStream in = PostgresStatements.class.getClassLoader().getResourceAsStream(MAPPER)) {
          if (in == null) {
            throw new IllegalStateException(MAPPER + " is missing from the classpath");
          }
          new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // a copy: Camunda's mapping table for the database type is shared by every engine of the JVM
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(REPLACED);
    sessions.setStatementMappings(mappings);
    LOG.info("PostgreSQL statements of {} in use for {}", MAPPER, REPLACED.keySet());
  }
}
