package vn.hanoi.gdnn.monitoring;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gdnn.monitoring.*}: thresholds of the deliverable health rules and of the Tasklist filters.
 *
 * @param atRiskWorkingDays  a running deliverable whose deadline is at most this many working days away is at risk
 *                           (unless it is near the end)
 * @param stuckWorkingDays   a running deliverable in which no task was completed for this many working days is stuck
 * @param dueSoonWorkingDays the Tasklist filter "Sắp đến hạn" shows tasks due within this many working days
 * @param closingProcessKeys a deliverable is near the end while a process instance of one of these definitions
 *                           runs in it: the shared issuance procedure (the document is signed and being issued) and
 *                           the central decision (the city's part is done, the ministry decides)
 * @param closingTaskKeys    … or while one of these user tasks is open in it: the last step of the lifecycles that
 *                           end without a closing procedure (report, handover, publication)
 *
 * <p>Who reads the progress is not a setting: it is {@code security.AccessRules.PLAN_PROGRESS}.
 */
@ConfigurationProperties(prefix = "gdnn.monitoring")
public record MonitoringProperties(Integer atRiskWorkingDays, Integer stuckWorkingDays, Integer dueSoonWorkingDays,
    List<String> closingProcessKeys, List<String> closingTaskKeys) {

  public MonitoringProperties {
    atRiskWorkingDays = atRiskWorkingDays == null ? 5 : atRiskWorkingDays;
    stuckWorkingDays = stuckWorkingDays == null ? 10 : stuckWorkingDays;
    dueSoonWorkingDays = dueSoonWorkingDays == null ? 3 : dueSoonWorkingDays;
    closingProcessKeys = closingProcessKeys == null ? List.of("issuance", "centralDecision")
        : List.copyOf(closingProcessKeys);
    closingTaskKeys = closingTaskKeys == null
        ? List.of("Task_ReportResults", "Task_FinalReport", "Task_HandOver", "Task_Publish")
        : List.copyOf(closingTaskKeys);
    if (atRiskWorkingDays < 0 || stuckWorkingDays < 1 || dueSoonWorkingDays < 0) {
      throw new IllegalArgumentException("gdnn.monitoring: at-risk-working-days and due-soon-working-days must be"
          + " >= 0 and stuck-working-days >= 1");
    }
  }

  public static MonitoringProperties defaults() {
    return new MonitoringProperties(null, null, null, null, null);
  }

  public MonitoringProperties withClosingProcessKeys(List<String> keys) {
    return new MonitoringProperties(atRiskWorkingDays, stuckWorkingDays, dueSoonWorkingDays, keys, closingTaskKeys);
  }
}
