package vn.hanoi.gdnn.plan;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.security.DeliverableUnits;

/** The lead and co-operating units of a deliverable as the plan currently defines it (amendments included). */
@Component
public class PlanDeliverableUnits implements DeliverableUnits {

  private final PlanCatalogue catalogue;

  public PlanDeliverableUnits(PlanCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Optional<Involved> ofDeliverable(String code) {
    return catalogue.current().find(code).map(d -> new Involved(d.leadUnit(), d.coUnits()));
  }
}
