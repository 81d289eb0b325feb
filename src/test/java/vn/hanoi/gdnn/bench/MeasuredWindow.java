package vn.hanoi.gdnn.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm-up and measured window of a throughput run: calls are made until {@link #isOpen()} turns false, and
 * only those that started and ended inside the measured part count for the rate and the latencies.
 */
final class MeasuredWindow {

  private final long measureFrom;
  private final long stop;
  private final int measureSeconds;
  private final AtomicInteger measured = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private final Latencies latencies = new Latencies();
  private final Latencies pages = new Latencies();

  MeasuredWindow(int warmupSeconds, int measureSeconds) {
    this.measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
    this.stop = measureFrom + TimeUnit.SECONDS.toNanos(measureSeconds);
    this.measureSeconds = measureSeconds;
  }

  boolean isOpen() {
    return System.nanoTime() < stop;
  }

  /** Blocks until the warm-up is over (e.g. to start a profile of the measured part only). */
  void awaitMeasuredPart() throws InterruptedException {
    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
  }

  /** A successful call that ran from {@code startNanos} to {@code endNanos}. */
  void record(long startNanos, long endNanos) {
    total.incrementAndGet();
    if (startNanos >= measureFrom && endNanos <= stop) {
      measured.incrementAndGet();
      latencies.add(endNanos - startNanos);
    }
  }

  /** A call that read the page of tasks a round completes (not counted in the rate). */
  void recordPage(long startNanos, long endNanos) {
    if (startNanos >= measureFrom && endNanos <= stop) {
      pages.add(endNanos - startNanos);
    }
  }

  Latencies pages() {
    return pages;
  }

  int measured() {
    return measured.get();
  }

  int total() {
    return total.get();
  }

  double perSecond() {
    return measured.get() / (double) measureSeconds;
  }

  Latencies latencies() {
    return latencies;
  }
}
