package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {
  private final long seed = System.nanoTime();

  @Test
  void medianAndPercentilesOfAShuffledRangeAreItsInterpolatedOrderStatistics() {
    SplittableRandom random = new SplittableRandom(seed);
    // An even and an odd count every time: the median of an even count lies between two samples.
    int even = 2 * (6 + random.nextInt(100));
    for (int n : new int[] {even, even + 1}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
      }
      shuffle(x, random);
      Statistics s = Statistics.of(x);
      String why = "seed " + seed + ", n " + n;
      assertEquals((n - 1) * 0.5, s.median(), 1e-12, why);
      assertEquals((n - 1) * 0.1, s.p10(), 1e-12, why);
      assertEquals((n - 1) * 0.9, s.p90(), 1e-12, why);
      assertEquals((n - 1) / 2.0, s.mean(), 1e-9, why);
      assertEquals(n, s.count());
    }
  }

  @Test
  void statisticsDoNotReorderTheCallersSamples() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = random.doubles(50, 1, 2).toArray();
    double[] copy = x.clone();
    Statistics.of(x);
    assertTrue(Arrays.equals(copy, x), "seed " + seed);
  }

  @Test
  void stdRelIsTheSampleStandardDeviationOverTheMean() {
    SplittableRandom random = new SplittableRandom(seed);
    double mean = 1 + random.nextDouble() * 10;
    double delta = random.nextDouble() * 0.1;
    double[] x = {mean - delta, mean + delta};
    // Sample std of {m-d, m+d} is d·sqrt(2).
    assertEquals(delta * Math.sqrt(2) / mean, Statistics.of(x).stdRel(), 1e-12, "seed " + seed);
    assertEquals(0, Statistics.of(new double[] {mean}).stdRel());
  }

  @Test
  void percentilesOfNormalSamplesBracketTheMedian() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[1 + random.nextInt(500)];
    for (int i = 0; i < x.length; i++) {
      x[i] = 5 + random.nextGaussian();
    }
    Statistics s = Statistics.of(x);
    assertTrue(s.p10() <= s.median() && s.median() <= s.p90(), "seed " + seed);
  }

  @Test
  void noSamplesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.of(new double[0]));
  }

  private static void shuffle(double[] x, SplittableRandom random) {
    for (int i = x.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}
