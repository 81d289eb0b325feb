package vn.hanoi.gdnn.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.session.JdbcSessionDataSourceScriptDatabaseInitializer;
import org.springframework.boot.autoconfigure.session.JdbcSessionProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Webapp sessions (Camunda's login to Tasklist, Cockpit and Admin) kept in the database with Spring Session
 * JDBC, so that every node of a cluster serves a user who logged in on another one and a node can be lost or
 * restarted without logging anyone out. On with {@code gdnn.sessions.store=jdbc} (the {@code postgres} profile);
 * the bare-machine H2 run keeps the servlet container's in-memory sessions. Tables SPRING_SESSION and
 * SPRING_SESSION_ATTRIBUTES are created at start when missing (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gdnn.sessions.store", havingValue = "jdbc")
@EnableJdbcHttpSession
public class SharedSessionConfiguration {

  /** Creates the session tables from Spring Session's own script; existing tables are left as they are. */
  @Bean
  JdbcSessionDataSourceScriptDatabaseInitializer sessionTables(DataSource dataSource) {
    JdbcSessionProperties properties = new JdbcSessionProperties();
    properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
    return new JdbcSessionDataSourceScriptDatabaseInitializer(dataSource, properties);
  }

  /** The same idle timeout as the container's sessions ({@code server.servlet.session.timeout}). */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }

  /** Camunda's login record is written back only when it changed (UnchangedLoginNotRewritten). */
  @Bean
  FilterRegistrationBean<UnchangedLoginNotRewritten> unchangedLoginNotRewritten() {
    FilterRegistrationBean<UnchangedLoginNotRewritten> registration =
        new FilterRegistrationBean<>(new UnchangedLoginNotRewritten());
    registration.addUrlPatterns("/camunda/*");
    // inside Spring Session's filter, before Camunda's authentication filter
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
    return registration;
  }

  /** Writes session attributes with PostgreSQL's upsert, so two requests of one session never conflict. */
  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionUpserts() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
