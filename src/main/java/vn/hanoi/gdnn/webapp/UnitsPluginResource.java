package vn.hanoi.gdnn.webapp;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.hanoi.gdnn.monitoring.MonitoringInputException;
import vn.hanoi.gdnn.monitoring.ReportPeriod;
import vn.hanoi.gdnn.monitoring.UnitFigures;
import vn.hanoi.gdnn.monitoring.UnitPerformance;
import vn.hanoi.gdnn.monitoring.UnitPerformanceReport;
import vn.hanoi.gdnn.monitoring.UnitPerformanceService;
import vn.hanoi.gdnn.organisation.Groups;
import vn.hanoi.gdnn.security.AccessRules;

/**
 * The units' figures for the Cockpit dashboard (ranking and trend charts, their tables, the XLSX button) with the
 * webapp session: the rule of {@code /api/monitoring/units} ({@link AccessRules#readsUnitFigures}), since any
 * webapp session reaches a Cockpit plugin's resources. The rows are exactly the API's.
 */
public class UnitsPluginResource extends AbstractCockpitPluginResource {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final UnitPerformanceService units;

  public UnitsPluginResource(String engineName, UnitPerformanceService units) {
    super(engineName);
    this.units = units;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response figures(@QueryParam("period") String period, @QueryParam("unit") String unit) {
    return guarded(period, unit, (p, u) -> {
      UnitPerformance figures = units.figures(p, u);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("period", p.code());
      body.put("periodLabel", p.label());
      body.put("from", DAY.format(p.first()));
      body.put("to", DAY.format(p.last()));
      body.put("asOf", MOMENT.format(figures.asOf().atZone(HANOI)));
      body.put("units", figures.units());
      return Response.ok(body, MediaType.APPLICATION_JSON).build();
    });
  }

  /**
   * For Tasklist's page "Kết quả thực hiện của đơn vị" (tasklist/scripts/unit-performance.js): the units the
   * session's user leads (a leader of several units chooses among them; staff get none and see no button) and the
   * default period, last month in Hanoi. The figures themselves come from the other methods, under the same rule.
   */
  @GET
  @Path("mine")
  @Produces(MediaType.APPLICATION_JSON)
  public Response mine() {
    Authentication user = getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    List<Map<String, String>> led = groups.stream().filter(g -> g.endsWith(Groups.LEADER_SUFFIX))
        .map(Groups::unitCodeOf).sorted().distinct().map(units::unit).flatMap(Optional::stream)
        .map(u -> Map.of("unit", u.code(), "unitName", u.name())).toList();
    YearMonth lastMonth = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(HANOI)).minusMonths(1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("units", led);
    body.put("defaultPeriod", ReportPeriod.month(lastMonth).code());
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("trend")
  @Produces(MediaType.APPLICATION_JSON)
  public Response trend(@QueryParam("period") String period, @QueryParam("unit") String unit) {
    return guarded(period, unit, (p, u) -> {
      List<Map<String, Object>> months = new ArrayList<>();
      List<UnitPerformance> measured = units.trend(p, u);
      for (ReportPeriod month : p.twelveMonthsToEnd()) {
        Optional<UnitPerformance> figures = measured.stream().filter(m -> m.period().equals(month)).findFirst();
        months.add(month(month, figures.map(UnitPerformance::units).orElse(List.of())));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("unit", u.orElse(null));
      body.put("months", months);
      return Response.ok(body, MediaType.APPLICATION_JSON).build();
    });
  }

  @GET
  @Path("xlsx")
  public Response xlsx(@QueryParam("period") String period, @QueryParam("unit") String unit) {
    return guarded(period, unit, (p, u) -> {
      UnitPerformance figures = units.figures(p, u);
      return Response.ok(UnitPerformanceReport.xlsx(figures), XLSX).header("Content-Disposition",
          "attachment; filename=\"" + UnitPerformanceReport.fileName(figures, u.orElse(null)) + "\"").build();
    });
  }

  /** One month of the trend: the sums of the units asked for and their on-time rate. */
  private static Map<String, Object> month(ReportPeriod month, List<UnitFigures> rows) {
    int onTime = rows.stream().mapToInt(UnitFigures::onTime).sum();
    int late = rows.stream().mapToInt(UnitFigures::late).sum();
    int overdue = rows.stream().mapToInt(UnitFigures::openOverdue).sum();
    int due = onTime + late + overdue;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", month.code());
    m.put("label", month.label());
    m.put("onTime", onTime);
    m.put("late", late);
    m.put("openOverdue", overdue);
    m.put("onTimeRate", due == 0 ? null : Math.round(1000.0 * onTime / due) / 10.0);
    return m;
  }

  private Response guarded(String period, String unit, Answer answer) {
    Authentication user = getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    String wanted = unit == null || unit.isEmpty() ? null : unit;
    if (!AccessRules.readsUnitFigures(groups, AccessRules.PLAN_PROGRESS, wanted)) {
      return json(Response.Status.FORBIDDEN, Map.of("message", AccessRules.UNITS_DENIED));
    }
    try {
      return answer.apply(ReportPeriod.parse(period), units.checkUnit(wanted));
    } catch (MonitoringInputException e) {
      return json(Response.Status.BAD_REQUEST, Map.of("field", e.field(), "message", e.getMessage()));
    }
  }

  private interface Answer {
    Response apply(ReportPeriod period, Optional<String> unit);
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
