package vn.hanoi.gdnn.monitoring;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Units' figures for a period (issue 20), HTTP Basic. Who may ask is declared in {@code security.AccessRules}:
 * plan managers and administrators for every unit, a unit's leaders for their own unit ({@code unit=} their
 * code). Bad {@code period} or {@code unit} → 400 naming the field ({@link MonitoringInputHandler}).
 */
@RestController
@RequestMapping("/api/monitoring")
public class UnitPerformanceController {

  private final UnitPerformanceService units;

  public UnitPerformanceController(UnitPerformanceService units) {
    this.units = units;
  }

  /** One row per unit: unit, unitName, onTime, late, lateWorkingDays, openOverdue, openNotDue, onTimeRate, … */
  @GetMapping("/units")
  public List<UnitFigures> figures(@RequestParam(required = false) String period,
      @RequestParam(required = false) String unit) {
    return read(period, unit).units();
  }

  @GetMapping("/units.xlsx")
  public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period,
      @RequestParam(required = false) String unit) {
    UnitPerformance figures = read(period, unit);
    return ResponseEntity.ok().contentType(MonitoringController.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(UnitPerformanceReport.fileName(figures, unit)).build().toString())
        .body(UnitPerformanceReport.xlsx(figures));
  }

  private UnitPerformance read(String period, String unit) {
    ReportPeriod parsed = ReportPeriod.parse(period);
    Optional<String> checked = units.checkUnit(unit == null || unit.isEmpty() ? null : unit);
    return units.figures(parsed, checked);
  }
}
