package vn.hanoi.gdnn.delegation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hanoi.gdnn.notification.People;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * {@code /api/delegations}: a leader records an absence and whom it delegates to (ủy quyền); the units' people
 * read their units' absences. Who may call is declared in {@code security.AccessRules}; that a leader records only
 * their own absence (administrators anyone's) is checked here, with the object in hand.
 */
@RestController
@RequestMapping("/api/delegations")
public class DelegationController {

  private final Delegations delegations;
  private final People people;

  public DelegationController(Delegations delegations, People people) {
    this.delegations = delegations;
    this.people = people;
  }

  /** An absence as people read it: names, dates dd/MM/yyyy, the state in Vietnamese. */
  public record View(String id, String leader, String leaderName, String deputy, String deputyName, String unit,
      String unitName, String from, String to, List<String> scope, String reason, String state, String stateLabel) {
  }

  @PostMapping
  public ResponseEntity<View> record(@RequestBody Delegations.Request request, Authentication auth) {
    Absence absence = delegations.record(request, auth.getName(), isAdministrator(auth));
    return ResponseEntity.status(HttpStatus.CREATED).body(view(absence));
  }

  /** The leader is back early: the absence ends now and the deputy's delegated work goes back. */
  @PostMapping("/{id}/end")
  public View end(@PathVariable String id, Authentication auth) {
    return view(delegations.endNow(id, auth.getName(), isAdministrator(auth)));
  }

  @GetMapping
  public List<View> list(Authentication auth) {
    return delegations.visibleTo(auth.getName(), isAdministrator(auth)).stream().map(this::view).toList();
  }

  private View view(Absence a) {
    String label = switch (a.state()) {
      case PLANNED -> "Đã đăng ký, chưa đến thời gian vắng mặt";
      case ACTIVE -> "Đang ủy quyền";
      case ENDED -> "Đã kết thúc";
    };
    return new View(a.id(), a.leaderId(), people.nameOf(a.leaderId()), a.deputyId(), people.nameOf(a.deputyId()),
        a.unit(), delegations.unitName(a.unit()), Absence.DATE.format(a.startsOn()), Absence.DATE.format(a.endsOn()),
        a.scope(), a.reason(), a.state().name().toLowerCase(), label);
  }

  private static boolean isAdministrator(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(g -> Groups.ADMINISTRATORS.equals(g.getAuthority()));
  }

  @ExceptionHandler(DelegationException.class)
  ResponseEntity<Map<String, Object>> refused(DelegationException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (e.notFound()) {
      body.put("type", "NotFound");
      body.put("message", e.getMessage());
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
    if (e.forbidden()) {
      body.put("type", "Forbidden");
      body.put("message", e.getMessage());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }
    body.put("field", e.field());
    body.put("message", e.getMessage());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("field", "body");
    body.put("message", "Dữ liệu gửi lên không đúng định dạng (body).");
    return ResponseEntity.badRequest().body(body);
  }
}
