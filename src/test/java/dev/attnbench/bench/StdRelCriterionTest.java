package dev.attnbench.bench;

import static java.time.Duration.ZERO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
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
    Duration second = Duration.ofSeconds(1);
    // One sample's spread is always 0: it would "settle" at once.
    assertThrows(IllegalArgumentException.class, () -> new StdRelCriterion(1, 2, 0.01, second, 10));
    // A cap below the minimum: the spread would never be looked at.
    assertThrows(
        IllegalArgumentException.class, () -> new StdRelCriterion(10, 20, 0.01, second, 5));
  }

  /**
   * The defaults README and run.json state: 10 samples at least, a window of 20, 10,000 at most.
   */
  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(10, criterion.minSamples());
    assertEquals(20, criterion.window());
    assertEquals(10_000, criterion.maxSamples());
    assertEquals(0.005, criterion.maxStdRel());
    assertEquals(Duration.ofSeconds(10), criterion.budget());
  }

  /** "At most" the threshold settles: {3, 4, 5} has sample std 1 over mean 4, 0.25 exactly. */
  @Test
  void aSpreadExactlyAtTheThresholdHasSettled() {
    StdRelCriterion quarter = new StdRelCriterion(3, 3, 0.25, Duration.ofHours(1), 100);
    assertEquals(StdRelCriterion.Stop.CONVERGED, quarter.check(new double[] {3, 4, 5}, 3, ZERO));
    StdRelCriterion tighter = new StdRelCriterion(3, 3, 0.2499, Duration.ofHours(1), 100);
    assertEquals(StdRelCriterion.Stop.CONTINUE, tighter.check(new double[] {3, 4, 5}, 3, ZERO));
  }

  /** A point that settles on its last allowed sample has settled: it is not cut off by the cap. */
  @Test
  void settlingOnTheLastAllowedSampleCountsAsSettled() {
    SplittableRandom random = new SplittableRandom(seed);
    double level = 0.5 + random.nextDouble();
    double[] x = new double[5];
    Arrays.fill(x, level);
    StdRelCriterion capped = new StdRelCriterion(2, 2, 0.01, Duration.ofHours(1), 5);
    assertEquals(StdRelCriterion.Stop.CONVERGED, capped.check(x, 5, ZERO), "seed " + seed);
  }

  /** A spent budget with no sample yet keeps sampling: a point needs one sample to report. */
  @Test
  void aSpentBudgetWaitsForTheFirstSample() {
    double[] x = new double[4];
    assertEquals(
        StdRelCriterion.Stop.CONTINUE, criterion.check(x, 0, criterion.budget().plusSeconds(1)));
    x[0] = 1 + new SplittableRandom(seed).nextDouble();
    assertEquals(
        StdRelCriterion.Stop.TIME_BUDGET,
        criterion.check(x, 1, criterion.budget().plusSeconds(1)),
        "seed " + seed);
  }
}
