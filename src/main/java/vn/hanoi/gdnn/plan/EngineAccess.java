package vn.hanoi.gdnn.plan;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs the plan API's engine work without the caller's engine authentication. The API decides itself who may do
 * what (any authenticated user reads the plan; plan managers amend it), while the engine's authorizations stay
 * what they are for Tasklist and Cockpit: a unit's staff see and complete only their own unit's tasks there.
 */
@Component
public class EngineAccess {

  private final IdentityService identity;

  public EngineAccess(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T asPlanService(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public void asPlanService(Runnable work) {
    asPlanService(() -> {
      work.run();
      return null;
    });
  }
}
