package vn.hanoi.gdnn.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Response times of one measured call, in milliseconds, with nearest-rank percentiles. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  synchronized void add(long nanos) {
    millis.add(nanos / 1_000_000.0);
  }

  synchronized int count() {
    return millis.size();
  }

  synchronized double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  String summary() {
    return String.format("n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", count(), percentile(50), percentile(95),
        percentile(100));
  }
}
