package dev.attnbench.bench;

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
}
