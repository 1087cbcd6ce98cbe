package dev.attnbench.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TensorCoreSumTest {
  private static final double ULP = Math.scalb(1.0, -TensorCoreSum.BITS); // at emax = 0

  @Test
  void termsBelowTheLargestExponentsKeptBitsAreCutTowardZero() {
    double[] small = new double[32];
    java.util.Arrays.fill(small, ULP / 2);
    // Exact: 1 + 32·ulp/2 = 1 + 16 ulp. The FP8 tensor core cuts each half-ulp term to 0.
    assertEquals(1.0, TensorCoreSum.fp8Step(1.0, small, 0, 32, 1));
    // Negative terms are cut toward zero too: -1.5 ulp -> -1 ulp.
    double[] neg = {-1.5 * ULP};
    assertEquals((float) (1.0 - ULP), TensorCoreSum.fp8Step(1.0, neg, 0, 1, 1));
  }

  @Test
  void termsOnTheGridAddExactlyAndRoundOnceToFp32() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    double grid = Math.scalb(ULP, 3); // the cut's unit when the largest magnitude is c = 8
    for (int trial = 0; trial < 100; trial++) {
      double[] t = new double[64];
      double exact = 0;
      for (int i = 0; i < 32; i++) { // multiples of the unit, |t| <= 2 < c: nothing to cut
        t[2 * i] = (rnd.nextInt(1 << 12) - (1 << 11)) * grid;
        exact += t[2 * i];
      }
      // stride 2: the odd slots are not read
      assertEquals(
          (float) (8.0 + exact),
          TensorCoreSum.fp8Step(8.0, t, 0, 32, 2),
          0.0,
          "seed " + seed + " trial " + trial);
    }
  }

  @Test
  void nothingButZerosSumsToZero() {
    assertEquals(0.0, TensorCoreSum.fp8Step(0.0, new double[32], 0, 32, 1));
  }
}
