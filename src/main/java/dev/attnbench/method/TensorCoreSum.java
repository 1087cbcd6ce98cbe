package dev.attnbench.method;

/**
 * How a tensor core adds the products of one block's Q·Kᵀ and P̃·V sums, as far as the result
 * depends on it.
 *
 * <p>{@link #EXACT}: the FP32 tensor-core order is left free by the contract, so the emulation adds
 * exactly and rounds once (docs/ARITHMETIC.md). {@link #FP8_WGMMA}: Hopper's FP8 tensor cores
 * (wgmma e4m3) do not add like FP32. Each instruction adds 32 products (k32) to its accumulator c
 * by aligning c and the products to the largest exponent among them, cutting each toward zero at
 * 2<sup>emax − 13</sup>, summing exactly and rounding to FP32. That model, fitted by its one number
 * (13 bits), reproduces the H100's measured error of fp8-native within a few percent at every N,
 * both with P̃·V accumulated in place (3.6x / 27x / 142x the exact-sum error at N = 1k / 4k / 16k,
 * model 3.8x / 27x / 151x) and with each block's sum promoted to FP32 (results/
 * 2026-11-23-h100-paper, results/2026-11-23-h100-fp8-wgmma-in-place,
 * results/2026-11-23-cpu-fp8-accumulator-model). It is a model, not a transcription: the GPU may
 * differ from it in single elements.
 */
public enum TensorCoreSum {
  EXACT,
  FP8_WGMMA;

  /** Products per instruction (k32) and the bits kept below the largest exponent. */
  static final int GROUP = 32;

  static final int BITS = 13;

  /**
   * {@code c} plus {@code terms[from, from + n)} (stride {@code stride}) as one FP8 wgmma step: the
   * FP32 result, returned as a double.
   */
  static double fp8Step(double c, double[] terms, int from, int n, int stride) {
    double max = Math.abs(c);
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(terms[from + i * stride]));
    }
    if (max == 0) {
      return 0;
    }
    // x cut toward zero to a multiple of ulp = 2^(emax - BITS): x·(1/ulp) is exact (a power of
    // two), the cast to long truncates toward zero, and |x / ulp| < 2^(BITS + 1) fits easily.
    int e = Math.getExponent(max) - BITS;
    double ulp = Math.scalb(1.0, e);
    double inv = Math.scalb(1.0, -e);
    long units = (long) (c * inv);
    for (int i = 0; i < n; i++) {
      units += (long) (terms[from + i * stride] * inv);
    }
    return (float) (units * ulp);
  }
}
