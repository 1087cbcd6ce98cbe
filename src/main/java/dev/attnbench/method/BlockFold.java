package dev.attnbench.method;

/**
 * How a block's P̃·V sum {@code pv} joins the row's accumulator {@code acc} (docs/ARITHMETIC.md,
 * "The FlashAttention loop"). It follows from where the kernel's tensor core adds P̃·V.
 */
public enum BlockFold {
  /**
   * {@code acc = f32(f32(acc·alpha) + pv)}: the f16 P̃·V accumulates onto the rescaled acc in place
   * (the FlashAttention-2 idiom), so the rescale is rounded before any product is added.
   */
  RESCALE_THEN_ADD,
  /**
   * {@code acc = fma(acc, alpha, pv)}, one rounding: the 8-bit P̃·V (INT8, and fp8-native's FP8
   * tensor cores) sums each block apart, and the kernel folds that sum in with one FFMA (kernels
   * v34).
   */
  FMA;

  /** Folds one block's sums {@code pv[0, n)} into {@code acc[from, from + n)}. */
  void apply(float[] acc, int from, float alpha, double[] pv, int n) {
    if (this == FMA) {
      for (int c = 0; c < n; c++) {
        acc[from + c] = Math.fma(acc[from + c], alpha, (float) pv[c]);
      }
    } else {
      for (int c = 0; c < n; c++) {
        acc[from + c] = acc[from + c] * alpha + (float) pv[c];
      }
    }
  }
}
