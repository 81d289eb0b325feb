package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;

/**
 * An engine plugin that replaces one of the sessions the engine opens per command (a manager such as the
 * authorization or task manager) with a subclass of Camunda's own, and adds the MyBatis statements that subclass
 * runs, if any, to the engine's mapping — where they can use Camunda's own fragments and result maps.
 */
abstract class EngineSessionReplacement extends AbstractCamundaConfiguration {

  private final Class<? extends Session> sessionType;
  private final Supplier<? extends Session> session;
  private final String mapper;
  private final String statement;

  /** A replacement that runs Camunda's statements and its own JDBC only: no statements to add. */
  EngineSessionReplacement(Class<? extends Session> sessionType, Supplier<? extends Session> session) {
    this(sessionType, session, null, null);
  }

  /**
   * @param mapper    the classpath resource with the statements
   * @param statement one statement of it, to tell whether the mapping already holds them
   */
  EngineSessionReplacement(Class<? extends Session> sessionType, Supplier<? extends Session> session, String mapper,
      String statement) {
    this.sessionType = sessionType;
    this.session = session;
    this.mapper = mapper;
    this.statement = statement;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return sessionType;
      }

      @Override
      public Session openSession() {
        return session.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (mapper == null) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      // the MyBatis configuration may be shared by several engines of one JVM
      if (!mybatis.hasStatement(statement, false)) {
        try (InputStream in = EngineSessionReplacement.class.getClassLoader().getResourceAsStream(mapper)) {
          if (in == null) {
            throw new IllegalStateException(mapper + " is missing from the classpath");
          }
          new XMLMapperBuilder(in, mybatis, mapper, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
