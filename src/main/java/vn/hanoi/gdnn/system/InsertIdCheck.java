package vn.hanoi.gdnn.system;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Camunda's check of every inserted entity's id, without describing the entity first. Camunda's
 * {@link DbEntityManager} builds the message "Entity &lt;the entity's toString&gt; has an invalid id" before it
 * checks the id, for every row a command inserts: variables, their history, jobs, tasks — a string of every field
 * of the entity, 7–8 % of a timer job's CPU in the benchmark's flight recording (docs/performance.md). Here the id
 * is looked at first and Camunda's own check, with its message and exception, runs only for an id it would refuse:
 * none, or the reserved "*". Installed as the engine's per-command entity manager, as Camunda installs its own.
 */
@Component
public class InsertIdCheck extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DbEntityManager.class;
      }

      @Override
      public Session openSession() {
        // as Camunda's DbEntityManagerFactory; the id generator exists only once the engine is built
        return new IdCheckedFirst(configuration.getIdGenerator(),
            Context.getCommandContext().getSession(PersistenceSession.class));
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's entity manager, its id check reordered. */
  static class IdCheckedFirst extends DbEntityManager {

    IdCheckedFirst(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || Authorization.ANY.equals(id)) {
        super.validateId(entity); // Camunda's message and exception
      }
    }
  }
}
