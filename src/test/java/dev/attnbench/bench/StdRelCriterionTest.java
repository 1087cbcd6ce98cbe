package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StdRelCriterionTest {
  private final long seed = System.nanoTime();
  private final StdRelCriterion criterion = StdRelCriterion.of(0.005, Duration.ofSeconds(10));

  @Test
  void tightSamplesConvergeOnceTheMinimumCountIsIn() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[64];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2.0 * (1 + 0.0005 * random.nextGaussian());
    }
    int min = criterion.minSamples();
    assertEquals(
        StdRelCriterion.Stop.CONTINUE, criterion.check(x, min - 1, Duration.ZERO), "seed " + seed);
    assertEquals(
        StdRelCriterion.Stop.CONVERGED, criterion.check(x, min, Duration.ZERO), "seed " + seed);
  }

  @Test
  void noisySamplesRunUntilTheTimeBudget() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[100];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1 + 0.2 * random.nextDouble();
    }
    assertEquals(
        StdRelCriterion.Stop.CONTINUE,
        criterion.check(x, 50, Duration.ofSeconds(9)),
        "seed " + seed);
    assertEquals(
        StdRelCriterion.Stop.TIME_BUDGET,
        criterion.check(x, 50, Duration.ofSeconds(10)),
        "seed " + seed);
  }

  @Test
  void anEarlyOutlierAgesOutOfTheWindow() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[40];
    x[0] = 50; // a first-sample stall
    for (int i = 1; i < x.length; i++) {
      x[i] = 1 + 1e-4 * random.nextGaussian();
    }
    assertEquals(
        StdRelCriterion.Stop.CONTINUE,
        criterion.check(x, criterion.window(), Duration.ZERO),
        "seed " + seed);
    assertEquals(
        StdRelCriterion.Stop.CONVERGED,
        criterion.check(x, criterion.window() + 1, Duration.ZERO),
        "seed " + seed);
  }

  @Test
  void theSampleCapStopsSampling() {
    StdRelCriterion capped = new StdRelCriterion(2, 2, 1e-9, Duration.ofHours(1), 5);
    double[] x = {1, 2, 1, 2, 1};
    assertEquals(StdRelCriterion.Stop.MAX_SAMPLES, capped.check(x, 5, Duration.ZERO));
  }

  @Test
  void nonsensicalSettingsAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> StdRelCriterion.of(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> StdRelCriterion.of(0.01, Duration.ZERO));
  }
}
