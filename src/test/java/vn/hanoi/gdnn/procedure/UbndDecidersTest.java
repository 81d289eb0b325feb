package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.hanoi.gdnn.ProcessTestEngine;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.plan.DecisionRoute;

/**
 * The division of work (processes/ubnd-decider.dmn) names a post of the organisation for every field the
 * catalogue may use: a vice-chairman for each, the chairman only where the catalogue says so.
 */
@Deployment(resources = "processes/ubnd-decider.dmn")
class UbndDecidersTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private static final OrganisationDirectory ORGANISATION = OrganisationDirectory.parse(
      UbndDecidersTest.class.getResourceAsStream("/organisation/organisation.yaml"), "organisation.yaml");

  private String decide(ProcessEngine engine, String field, String decidedBy) {
    return engine.getDecisionService().evaluateDecisionTableByKey(UbndDeciders.DECISION_KEY)
        .variables(Variables.createVariables().putValue("decisionField", field).putValue("decidedBy", decidedBy))
        .evaluate().getSingleResult().getSingleEntry();
  }

  @Test
  void everyCatalogueFieldGoesToAViceChairmanWhoIsAPostOfTheOrganisation() {
    ProcessEngine engine = extension.getProcessEngine();
    for (String field : DecisionRoute.FIELDS) {
      String post = decide(engine, field, "field");
      assertThat(post).as("field %s", field).startsWith("ubnd-pct-");
      assertThat(ORGANISATION.post(post)).as("post %s of field %s", post, field).isPresent();
    }
  }

  @Test
  void theChairmanDecidesWhereTheCatalogueSaysSoWhateverTheField() {
    ProcessEngine engine = extension.getProcessEngine();
    assertThat(decide(engine, "dat-dai", DecisionRoute.CHAIR)).isEqualTo("ubnd-chu-tich");
    assertThat(ORGANISATION.post("ubnd-chu-tich")).isPresent();
  }
}
