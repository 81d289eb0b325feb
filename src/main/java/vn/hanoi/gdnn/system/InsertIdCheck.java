package vn.hanoi.gdnn.system;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

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
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's factories are built by now, Camunda's own entity manager's among them: replaced in place
    configuration.getSessionFactories().put(DbEntityManager.class,
        new IdCheckedFirstFactory(configuration.getIdGenerator()));
  }

  /** Camunda's factory of the per-command entity manager, opening the manager below. */
  static class IdCheckedFirstFactory extends DbEntityManagerFactory {

    IdCheckedFirstFactory(IdGenerator idGenerator) {
      super(idGenerator);
    }

    @Override
    public DbEntityManager openSession() {
      return new IdCheckedFirst(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
    }
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
