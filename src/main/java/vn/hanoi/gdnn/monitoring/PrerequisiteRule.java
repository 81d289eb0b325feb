package vn.hanoi.gdnn.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A running deliverable whose prerequisite is overdue is at risk, whatever its own deadline: its work rests on a
 * result that is late (7.3 cannot be written before 7.1 is decided). The worse states (overdue, stuck) stay; the
 * note names the late prerequisite.
 */
final class PrerequisiteRule {

  /** A yearly occurrence's business key ends in its year ("1.1-2026"); the catalogue speaks of the code. */
  private static final Pattern YEAR_SUFFIX = Pattern.compile("-\\d{4}$");

  private PrerequisiteRule() {
  }

  static String codeOf(String businessKey) {
    return businessKey == null ? null : YEAR_SUFFIX.matcher(businessKey).replaceFirst("");
  }

  static List<DeliverableProgress> apply(List<DeliverableProgress> deliverables, Prerequisites prerequisites) {
    Set<String> late = new LinkedHashSet<>();
    for (DeliverableProgress d : deliverables) {
      if (d.health() == Health.OVERDUE) {
        late.add(codeOf(d.code()));
      }
    }
    List<DeliverableProgress> result = new ArrayList<>();
    for (DeliverableProgress d : deliverables) {
      List<String> after = prerequisites.of(codeOf(d.code()));
      List<String> lateOnes = after.stream().filter(late::contains).toList();
      Health health = d.health();
      List<String> notes = d.notes();
      if (d.running() && !lateOnes.isEmpty()) {
        notes = new ArrayList<>(notes);
        notes.add("Nhiệm vụ tiền đề " + String.join(", ", lateOnes) + " đang quá hạn");
        if (health == Health.ON_TRACK) {
          health = Health.AT_RISK;
        }
      }
      result.add(new DeliverableProgress(d.processInstanceId(), d.code(), d.title(), d.area(), d.areaTitle(),
          d.leadUnit(), d.leadUnitName(), d.coUnits(), d.coUnitNames(), d.deadline(), d.product(), d.result(),
          d.currentSteps(), health, List.copyOf(notes), d.running(), List.copyOf(after)));
    }
    return result;
  }
}
