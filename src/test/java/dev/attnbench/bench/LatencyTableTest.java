package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The note column of the printed latency table. */
class LatencyTableTest {

  private static LatencyRow row(double p10, double median, double p90, boolean throttled) {
    return new LatencyRow(
        "fp16", 4, 32, 1024, 64, false, "kernel", median, p10, p90, 40, 300, "gpu", 1900,
        throttled);
  }

  @Test
  void aPointIsFlaggedWhenItsSamplesSpreadOverFifteenPercentOfTheMedian() {
    double m = 0.05 + new SplittableRandom(3).nextDouble() * 0.1;
    assertEquals("", LatencyTable.note(row(m * 0.96, m, m * 1.1, false)));
    assertEquals("wide spread", LatencyTable.note(row(m * 0.83, m, m * 1.15, false)));
    assertEquals("throttled", LatencyTable.note(row(m * 0.99, m, m * 1.01, true)));
    assertEquals("throttled, wide spread", LatencyTable.note(row(m * 0.8, m, m * 1.2, true)));
    // Either side of the limit, at any split of the spread between p10 and p90.
    double below = new SplittableRandom(4).nextDouble();
    assertEquals(
        "",
        LatencyTable.note(row(m * (1 - 0.149 * below), m, m * (1 + 0.149 * (1 - below)), false)));
    assertEquals(
        "wide spread",
        LatencyTable.note(row(m * (1 - 0.151 * below), m, m * (1 + 0.151 * (1 - below)), false)));
  }
}
