package vn.hanoi.gdnn.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/preferences}: each person reads and changes how they hear of their work — immediate
 * mails, the daily digest, both, or none. Always one's own (the caller), so no one else's can be read or changed.
 * The Tasklist page "Nhận thông báo" uses the same rules through the webapp session
 * ({@code webapp.NotificationPreferencesResource}).
 */
@RestController
@RequestMapping("/api/notifications/preferences")
public class PreferencesController {

  private final PreferenceViews views;

  public PreferencesController(PreferenceViews views) {
    this.views = views;
  }

  /** What a person sends: the mode. */
  public record Change(String mode) {
  }

  @GetMapping
  public PreferenceViews.View read(Authentication auth) {
    return views.of(auth.getName());
  }

  @PutMapping
  public ResponseEntity<?> change(@RequestBody Change change, Authentication auth) {
    try {
      return ResponseEntity.ok(views.change(auth.getName(), change == null ? null : change.mode()));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(error("mode", e.getMessage()));
    }
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(error("body", "Dữ liệu gửi lên không đúng định dạng (body)."));
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("field", field);
    body.put("message", message);
    return body;
  }
}
