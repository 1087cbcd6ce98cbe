package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmClockTest {
  private final long seed = System.nanoTime();

  @Test
  void clocksWithinFivePercentOfTheMaximumAreNotThrottled() {
    SplittableRandom random = new SplittableRandom(seed);
    double max = 1500 + 500 * random.nextDouble();
    double[] mhz = random.doubles(100, 0.951 * max, max).toArray();
    assertFalse(SmClock.throttled(mhz, max), "seed " + seed);
  }

  @Test
  void aTenthOfSamplesWellBelowTheMaximumMarksThePointThrottled() {
    SplittableRandom random = new SplittableRandom(seed);
    double max = 1500 + 500 * random.nextDouble();
    double[] mhz = random.doubles(100, 0.97 * max, max).toArray();
    for (int i = 0; i < 10; i++) {
      mhz[random.nextInt(mhz.length)] = 0.8 * max;
    }
    // Collisions may leave fewer than 10 slow samples; force exactly 10 distinct ones.
    for (int i = 0; i < 10; i++) {
      mhz[i] = 0.8 * max;
    }
    assertTrue(SmClock.throttled(mhz, max), "seed " + seed);
  }

  @Test
  void theReferenceIsTheNominalMaximumWhateverRanBefore() {
    SplittableRandom random = new SplittableRandom(seed);
    double nominal = 1500 + 500 * random.nextDouble();
    // Whether the run's fastest point so far ran slower than the nominal (a power-capped FP16
    // point first) or faster (the H100's reading of 2,070 after INT8 work against 1,980), the
    // reference is the nominal: a point's flag does not depend on the order of the points.
    double slower = nominal * (0.8 + 0.19 * random.nextDouble());
    double boosted = nominal * 1.045;
    assertEquals(nominal, SmClock.reference(slower, nominal), "seed " + seed);
    assertEquals(nominal, SmClock.reference(boosted, nominal), "seed " + seed);
    // 1-4% under the nominal: within 5% of it, but over 5% under the boosted reading.
    double[] atNominal = random.doubles(50, 0.96 * nominal, 0.99 * nominal).toArray();
    assertFalse(SmClock.throttled(atNominal, SmClock.reference(boosted, nominal)), "seed " + seed);
    assertTrue(SmClock.throttled(atNominal, boosted), "against the boosted reading, seed " + seed);
    // 8-15% under the nominal: throttled, even when every point so far ran as slowly.
    double[] capped = random.doubles(50, 0.85 * nominal, 0.92 * nominal).toArray();
    assertTrue(SmClock.throttled(capped, SmClock.reference(slower, nominal)), "seed " + seed);
    assertEquals(boosted, SmClock.reference(boosted, 0), "no nominal known, seed " + seed);
  }

  /** {@code n} samples: {@code slow} of them at {@code slowMhz}, the rest at {@code fastMhz}. */
  private static double[] shuffled(int n, int slow, double slowMhz, double fastMhz, long seed) {
    double[] mhz = new double[n];
    Arrays.fill(mhz, fastMhz);
    Arrays.fill(mhz, 0, slow, slowMhz);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = mhz[i];
      mhz[i] = mhz[j];
      mhz[j] = swap;
    }
    return mhz;
  }

  @Test
  void samplesExactlyFivePercentUnderTheMaximumAreNotSlow() {
    SplittableRandom random = new SplittableRandom(seed);
    // A maximum of 20·k MHz puts 5% under it on an integer, 19·k, which a double holds exactly.
    int k = random.nextInt(50, 126);
    int n = 10 * random.nextInt(2, 31);
    double[] mhz = shuffled(n, n, 19 * k, 20 * k, seed);
    assertFalse(SmClock.throttled(mhz, 20 * k), "max " + 20 * k + ", seed " + seed);
  }

  @Test
  void exactlyATenthOfSamplesSlowMarksThePointThrottledAndOneFewerDoesNot() {
    SplittableRandom random = new SplittableRandom(seed);
    int k = random.nextInt(50, 126);
    int n = 10 * random.nextInt(2, 31);
    double[] tenth = shuffled(n, n / 10, 16 * k, 20 * k, seed);
    assertTrue(SmClock.throttled(tenth, 20 * k), n / 10 + " of " + n + ", seed " + seed);
    double[] fewer = shuffled(n, n / 10 - 1, 16 * k, 20 * k, seed);
    assertFalse(SmClock.throttled(fewer, 20 * k), n / 10 - 1 + " of " + n + ", seed " + seed);
  }

  @Test
  void theRunsReferenceIsTheHighestPerPointMedian() {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 1; n <= 40; n++) {
      double[] mhz = random.doubles(n, 1200, 2100).toArray();
      double[] sorted = mhz.clone();
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      String where = n + " samples, seed " + seed;
      assertEquals(median, SmClock.highestMedian(0, mhz), 1e-9, where);
      double lower = median * random.nextDouble(0.5, 1);
      assertEquals(median, SmClock.highestMedian(lower, mhz), 1e-9, where);
      double higher = median * random.nextDouble(1.001, 1.5);
      assertEquals(higher, SmClock.highestMedian(higher, mhz), where);
    }
    double before = 1200 + 900 * random.nextDouble();
    assertEquals(before, SmClock.highestMedian(before, new double[0]), "seed " + seed);
  }
}
