package vn.hanoi.gdnn.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/process-instances/{id}}: a deliverable's audit trail (see {@link AuditTrail}).
 * 404 for an unknown id, 403 for a user whose unit had no part in it.
 */
@RestController
public class AuditTrailController {

  private final AuditTrail auditTrail;

  public AuditTrailController(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @GetMapping("/api/audit/process-instances/{id}")
  public ResponseEntity<Object> trail(@PathVariable("id") String id, Authentication user) {
    AuditTrail.View view = auditTrail.load(id).orElse(null);
    if (view == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "NotFound",
          "message", "Không tìm thấy hồ sơ có mã \"" + id + "\"."));
    }
    var groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (!auditTrail.mayRead(user.getName(), groups, view)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "Forbidden",
          "message", "Bạn không có quyền xem nhật ký xử lý của hồ sơ này: đơn vị của bạn không tham gia hồ sơ."));
    }
    return ResponseEntity.ok(view);
  }
}
