package vn.hanoi.gdnn.notification;

import java.time.Instant;
import java.util.List;

/** One notification of the outbox, as stored (and sent, unchanged, by every attempt). */
public record OutboxRow(String id, Kind kind, List<String> recipients, List<String> userIds, String subject,
    String body, String taskId, String businessKey, Instant createdAt, Instant sentAt) {
}
