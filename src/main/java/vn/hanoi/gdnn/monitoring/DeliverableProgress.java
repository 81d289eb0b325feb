package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * One deliverable of the plan as the report and the dashboard show it.
 *
 * @param processInstanceId the deliverable's lifecycle process instance (Cockpit link)
 * @param code              deliverable code, e.g. "4.2" or "1.1-2026"
 * @param leadUnit          unit code of the lead body; {@code leadUnitName} its name from the organisation
 * @param coUnitNames       names of the co-operating bodies
 * @param currentSteps      names of the open tasks (the deliverable's own and its procedures')
 * @param result            the product and, once issued, the document that carries it
 */
public record DeliverableProgress(String processInstanceId, String code, String title, String area,
    String areaTitle, String leadUnit, String leadUnitName, List<String> coUnits, List<String> coUnitNames,
    Instant deadline, String product, String result, List<String> currentSteps, Health health,
    List<String> notes, boolean running, List<String> after) {

  public DeliverableProgress {
    after = after == null ? List.of() : List.copyOf(after);
  }
}
