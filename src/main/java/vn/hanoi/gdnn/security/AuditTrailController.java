package vn.hanoi.gdnn.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/process-instances/{id}}: a deliverable's audit trail (see {@link AuditTrail}).
 * 404 for an unknown id; who may read it is {@link AccessRules} (403 before this controller runs).
 */
@RestController
public class AuditTrailController {

  private final AuditTrail auditTrail;

  public AuditTrailController(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @GetMapping("/api/audit/process-instances/{id}")
  public ResponseEntity<Object> trail(@PathVariable("id") String id) {
    AuditTrail.View view = auditTrail.load(id).orElse(null);
    if (view == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "NotFound",
          "message", "Không tìm thấy hồ sơ có mã \"" + id + "\"."));
    }
    return ResponseEntity.ok(view);
  }
}
