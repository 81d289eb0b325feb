package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manager API (HTTP Basic; who may call it: {@code AccessRules.PLAN_PROGRESS}, applied by Spring Security):
 * plan progress as JSON and the progress report as XLSX or CSV, for the whole plan or for the deliverables one
 * unit leads or co-operates on ({@code ?unit=}).
 */
@RestController
@RequestMapping("/api/monitoring")
public class MonitoringController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final ProgressService progress;

  public MonitoringController(ProgressService progress) {
    this.progress = progress;
  }

  @GetMapping("/progress")
  public ResponseEntity<?> progress(@RequestParam(required = false) String unit) {
    return guarded(unit, deliverables -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(ProgressView.of(progress.summary(deliverables), unit, now())));
  }

  @GetMapping("/report.xlsx")
  public ResponseEntity<?> xlsx(@RequestParam(required = false) String unit) {
    return guarded(unit, deliverables -> file(XLSX, "xlsx", unit,
        ProgressReport.xlsx(deliverables, unit == null ? null : progress.unitName(unit).orElse(unit), now())));
  }

  @GetMapping("/report.csv")
  public ResponseEntity<?> csv(@RequestParam(required = false) String unit) {
    return guarded(unit, deliverables -> file(CSV, "csv", unit, ProgressReport.csv(deliverables)));
  }

  private ResponseEntity<?> guarded(String unit,
      java.util.function.Function<List<DeliverableProgress>, ResponseEntity<?>> answer) {
    if (unit != null && (unit.isBlank() || progress.unitName(unit).isEmpty())) {
      return ResponseEntity.badRequest().body(Map.of("field", "unit", "message", ProgressService.unknownUnit(unit)));
    }
    return answer.apply(progress.deliverables(Optional.ofNullable(unit)));
  }

  private static ResponseEntity<byte[]> file(MediaType type, String extension, String unit, byte[] content) {
    String name = "bao-cao-tien-do" + (unit == null ? "" : "-" + unit) + "-"
        + ReportFormat.date(now()).replace('/', '-') + "." + extension;
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(content);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
