package vn.hanoi.gdnn.plan;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.hanoi.gdnn.security.AccessRules;
import vn.hanoi.gdnn.security.DeliverableAccess;
import vn.hanoi.gdnn.security.DeliverableUnits;

/**
 * The plan's API: read where every deliverable stands, and amend the plan. Who may call what is declared once in
 * {@link AccessRules} (list: everyone signed in; a deliverable's detail: its units and the roles that follow the
 * whole plan; amendments: plan managers and administrators); this controller only keeps the holders of current
 * steps out of the list rows of deliverables the caller may not read.
 */
@RestController
@RequestMapping("/api/plan")
public class PlanController {

  private final PlanReadModel read;
  private final PlanAmendments amendments;
  private final PlanLauncher launcher;
  private final EngineAccess engine;

  public PlanController(PlanReadModel read, PlanAmendments amendments, PlanLauncher launcher, EngineAccess engine) {
    this.read = read;
    this.amendments = amendments;
    this.launcher = launcher;
    this.engine = engine;
  }

  @GetMapping("/deliverables")
  public List<PlanReadModel.Row> deliverables(@RequestParam(required = false) Integer area,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
      @RequestParam(required = false) Boolean overdue, Authentication auth) {
    if (status != null && DeliverableStatus.ofCode(status) == null) {
      throw new AmendmentException("status", "Trạng thái \"" + status + "\" không hợp lệ; dùng một trong: "
          + String.join(", ", java.util.Arrays.stream(DeliverableStatus.values()).map(DeliverableStatus::code)
          .toList()) + ".");
    }
    List<String> groups = DeliverableAccess.groups(auth);
    return engine.asPlanService(() -> read.list(area, unit, status, overdue)).stream()
        .map(row -> DeliverableAccess.mayRead(groups, new DeliverableUnits.Involved(row.lead().code(),
            row.coUnits().stream().map(PlanReadModel.Unit::code).toList())) ? row : row.withoutHolders())
        .toList();
  }

  @GetMapping("/deliverables/{code}")
  public ResponseEntity<?> deliverable(@PathVariable String code) {
    PlanReadModel.Detail detail = engine.asPlanService(() -> read.detail(code));
    if (detail == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error("code", "Không có nhiệm vụ mã " + code + "."));
    }
    return ResponseEntity.ok(detail);
  }

  public record AddRequest(DeliverableEntry deliverable, String reason) {
  }

  public record ReasonRequest(String reason) {
  }

  public record LeadRequest(String leadUnit, String reason) {
  }

  public record DeadlineRequest(String deadline, Integer year, String reason) {
  }

  @PostMapping("/deliverables")
  public ResponseEntity<?> add(@RequestBody AddRequest request, Authentication auth) {
    if (request.deliverable() == null) {
      throw new AmendmentException("deliverable", "Thiếu nội dung nhiệm vụ cần bổ sung.");
    }
    return engine.asPlanService(() -> {
      Deliverable d = amendments.add(request.deliverable(), request.reason(), auth.getName());
      return ResponseEntity.status(HttpStatus.CREATED).body(read.detail(d.code()));
    });
  }

  @PostMapping("/deliverables/{code}/cancel")
  public PlanReadModel.Detail cancel(@PathVariable String code, @RequestBody ReasonRequest request,
      Authentication auth) {
    return engine.asPlanService(() -> {
      amendments.cancel(code, request.reason(), auth.getName());
      return read.detail(code);
    });
  }

  @PostMapping("/deliverables/{code}/lead")
  public PlanReadModel.Detail reassign(@PathVariable String code, @RequestBody LeadRequest request,
      Authentication auth) {
    return engine.asPlanService(() -> {
      amendments.reassign(code, request.leadUnit(), request.reason(), auth.getName());
      return read.detail(code);
    });
  }

  @PostMapping("/deliverables/{code}/deadline")
  public PlanReadModel.Detail extend(@PathVariable String code, @RequestBody DeadlineRequest request,
      Authentication auth) {
    return engine.asPlanService(() -> {
      amendments.extend(code, request.year(), request.deadline(), request.reason(), auth.getName());
      return read.detail(code);
    });
  }

  /** Re-reads catalogue.yaml and applies its changes as amendments; launches what is missing. */
  @PostMapping("/catalogue/reload")
  public PlanLauncher.Result reload(Authentication auth) {
    return engine.asPlanService(launcher::synchronise);
  }

  @ExceptionHandler(AmendmentException.class)
  ResponseEntity<Map<String, Object>> badAmendment(AmendmentException e) {
    return ResponseEntity.badRequest().body(error(e.field(), e.getMessage()));
  }

  @ExceptionHandler(CatalogueException.class)
  ResponseEntity<Map<String, Object>> badCatalogue(CatalogueException e) {
    CatalogueProblem first = e.problems().get(0);
    Map<String, Object> body = error(first.field(), e.getMessage());
    body.put("problems", e.problems());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "body";
    return ResponseEntity.badRequest().body(error(field, "Dữ liệu gửi lên không đúng định dạng (" + field + ")."));
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("field", field);
    body.put("message", message);
    return body;
  }
}
