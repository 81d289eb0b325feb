package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The units' figures for a period: the rows (organisation order) and the moment they describe ({@code asOf}: the
 * period's end, or now while the period runs).
 */
public record UnitPerformance(ReportPeriod period, Instant asOf, List<UnitFigures> units) {
}
