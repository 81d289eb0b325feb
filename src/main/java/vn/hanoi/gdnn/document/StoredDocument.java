package vn.hanoi.gdnn.document;

import java.time.Instant;

/** One version of one attached file, as recorded (never changed after it is stored). */
public record StoredDocument(String id, String rootProcessInstanceId, String deliverableCode, String businessKey,
    String processInstanceId, String taskId, String stepKey, String stepName, String kind, int version, String name,
    String mediaType, long size, String sha256, String uploadedBy, Instant uploadedAt, SignatureCheck signature) {
}
