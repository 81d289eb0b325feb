package vn.hanoi.gdnn.plan;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deliverable as written in catalogue.yaml or sent to the amendment API, before validation. {@code deadline}
 * is either a period ("2026", "2025-Q4") or an object {@code {yearly: 2025-2030, due: Q1, first: 2025-Q3}}.
 * {@code after} lists the codes of the deliverables this one builds on (7.3 after 7.1): data the plan API and the
 * dashboard show, and a late prerequisite puts this deliverable at risk.
 */
public record DeliverableEntry(String code, Integer area, String title, String product, String signer, String lead,
    List<String> coUnits, JsonNode deadline, String lifecycle, Map<String, Integer> periods, String seedText,
    String note, DecisionRoute decision, List<String> after) {
}
