package vn.hanoi.gdnn.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.monitoring.Prerequisites;

/** The catalogue's {@code after}, as monitoring reads it: the current catalogue, amendments included. */
@Component
public class PlanPrerequisites implements Prerequisites {

  private final PlanCatalogue catalogue;

  public PlanPrerequisites(PlanCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public List<String> of(String deliverableCode) {
    return catalogue.current().find(deliverableCode).map(Deliverable::after).orElse(List.of());
  }
}
