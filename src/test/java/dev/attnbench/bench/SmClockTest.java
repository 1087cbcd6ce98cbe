package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
