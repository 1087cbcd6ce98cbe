package dev.attnbench.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two ways a block's P̃·V sum joins acc, and which methods use which (docs/ARITHMETIC.md). */
class BlockFoldTest {

  /**
   * On fresh random rows (acc as a long row leaves it, alpha in (0, 1], integer block sums as INT8
   * makes them): FMA rounds once, so it is the exactly rounded value and never farther from the
   * exact one than rescale-then-add; the two differ often enough to matter to a bit-exact check.
   */
  @Test
  void fmaIsTheExactlyRoundedFoldAndDiffersFromRescaleThenAdd() {
    SplittableRandom rnd = new SplittableRandom(20261202);
    int n = 4096;
    float[] fused = new float[n];
    float[] twoStep = new float[n];
    double[] pv = new double[n];
    for (int i = 0; i < n; i++) {
      fused[i] = twoStep[i] = (float) (rnd.nextDouble(-1, 1) * 3e6);
      pv[i] = rnd.nextInt(-2_000_000, 2_000_000);
    }
    float alpha = (float) rnd.nextDouble(0.25, 1);
    BlockFold.FMA.apply(fused, 0, alpha, pv, n);
    BlockFold.RESCALE_THEN_ADD.apply(twoStep, 0, alpha, pv, n);

    SplittableRandom again = new SplittableRandom(20261202);
    int differ = 0;
    for (int i = 0; i < n; i++) {
      float acc = (float) (again.nextDouble(-1, 1) * 3e6);
      again.nextInt(-2_000_000, 2_000_000);
      BigDecimal exact =
          new BigDecimal(acc).multiply(new BigDecimal(alpha)).add(new BigDecimal(pv[i]));
      assertEquals(Math.fma(acc, alpha, (float) pv[i]), fused[i]);
      assertEquals(acc * alpha + (float) pv[i], twoStep[i]);
      BigDecimal errFused = exact.subtract(new BigDecimal(fused[i])).abs();
      BigDecimal errTwoStep = exact.subtract(new BigDecimal(twoStep[i])).abs();
      assertTrue(errFused.compareTo(errTwoStep) <= 0, "element " + i);
      // a float within half an ulp of the exact value is the correctly rounded one
      BigDecimal halfUlp = new BigDecimal(Math.ulp(fused[i])).divide(BigDecimal.valueOf(2));
      assertTrue(errFused.compareTo(halfUlp) <= 0, "element " + i);
      if (fused[i] != twoStep[i]) {
        differ++;
      }
    }
    assertTrue(differ > n / 100, differ + " of " + n + " differ");
  }

  /** alpha = 1 (a row whose maximum held) and alpha = 0 (the first block): both folds agree. */
  @Test
  void bothFoldsAgreeWhenTheRescaleIsExact() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (float alpha : new float[] {1f, 0f}) {
      float[] a = new float[64];
      float[] b = new float[64];
      double[] pv = new double[64];
      for (int i = 0; i < 64; i++) {
        a[i] = b[i] = (float) rnd.nextDouble(-1e6, 1e6);
        pv[i] = rnd.nextInt(-1_000_000, 1_000_000);
      }
      BlockFold.FMA.apply(a, 0, alpha, pv, 64);
      BlockFold.RESCALE_THEN_ADD.apply(b, 0, alpha, pv, 64);
      for (int i = 0; i < 64; i++) {
        assertEquals(b[i], a[i], "alpha " + alpha + ", element " + i);
      }
    }
  }

  /** Where P̃ is 8-bit, the kernel's tensor cores sum each block apart and fold it with an FFMA. */
  @Test
  void the8BitPTildeMethodsFoldWithFma() {
    for (Method m : Method.values()) {
      boolean eightBitPv = m.int8Variant().isPresent() || m == Method.FP8_NATIVE;
      assertEquals(
          eightBitPv ? BlockFold.FMA : BlockFold.RESCALE_THEN_ADD,
          Recipe.of(m, 64).fold(),
          m.name());
    }
  }
}
