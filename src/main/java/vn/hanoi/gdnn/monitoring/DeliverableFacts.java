package vn.hanoi.gdnn.monitoring;

import java.time.Instant;

/**
 * What the engine knows about one deliverable, gathered in bulk by {@link ProgressService}.
 *
 * @param deadline        end of the deadline period (null when the plan gives none)
 * @param startedAt       start of the deliverable's process instance
 * @param lastCompletedAt the latest task completion in the deliverable (its own or a called procedure's), or null
 *                        when none falls within the stuck window
 * @param openIncidents   open incidents anywhere in the deliverable
 * @param failedJobs      jobs with no retries left anywhere in the deliverable
 * @param nearEnd         the deliverable is in its closing step (see {@link MonitoringProperties#closingProcessKeys})
 * @param completed       the deliverable's process instance has ended
 */
public record DeliverableFacts(Instant deadline, Instant startedAt, Instant lastCompletedAt, int openIncidents,
    int failedJobs, boolean nearEnd, boolean completed) {
}
