package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyRowTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  private LatencyRow row(double p10, double median, double p90) {
    return new LatencyRow(
        "int8",
        1 + random.nextInt(8),
        1 + random.nextInt(64),
        1 + random.nextInt(20_000),
        64,
        random.nextBoolean(),
        "kernel",
        median,
        p10,
        p90,
        10 + random.nextInt(1000),
        random.nextDouble(1, 900),
        "gpu",
        random.nextDouble(1000, 2000),
        random.nextBoolean());
  }

  /** FLOPs over seconds, in units of 10^12: 4·10^12 FLOPs in 2 ms are 2,000 TFLOP/s. */
  @Test
  void tflopsAreFlopsPerSecondInTeraUnits() {
    assertEquals(2000.0, LatencyRow.tflops(4e12, 2.0), 1e-9);
    double flops = random.nextDouble(1e9, 1e15);
    double ms = random.nextDouble(0.01, 100);
    assertEquals(flops / (ms / 1000) / 1e12, LatencyRow.tflops(flops, ms), 1e-9, "seed " + seed);
  }

  /** A comparison renames each run's rows; every measured figure stays where it was. */
  @Test
  void renamingARowKeepsEveryFigure() {
    double median = random.nextDouble(0.1, 10);
    LatencyRow r = row(median * 0.97, median, median * 1.08);
    LatencyRow renamed = r.withMethod("NVIDIA H200: int8");
    assertEquals("NVIDIA H200: int8", renamed.method());
    assertEquals(r, renamed.withMethod(r.method()), "seed " + seed);
    assertEquals(r.p10Ms(), renamed.p10Ms());
    assertEquals(r.p90Ms(), renamed.p90Ms());
  }

  /** Flagged above 15% of the median; a spread of exactly 15% is not. */
  @Test
  void aSpreadIsWideOnlyAboveFifteenPercent() {
    assertFalse(row(100, 100, 115).wideSpread(), "15/100 is 0.15 exactly");
    assertTrue(row(100, 100, 115.01).wideSpread());
    double median = random.nextDouble(0.1, 10);
    assertTrue(row(median * 0.9, median, median * 1.1).wideSpread(), "seed " + seed);
    assertFalse(row(median * 0.95, median, median * 1.05).wideSpread(), "seed " + seed);
  }
}
