package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.metrics.ErrorStats;

/**
 * How far the elements that differ from the emulation by more than {@link Tolerance#ULPS} (the P̃
 * rounding flips, bounded in number and size by {@link Tolerance}) can move the GPU's error against
 * FP64, at most: by the triangle inequality, their own differences, |g − e| / (|r| + ε) summed for
 * MRE and ‖g − e‖ / ‖r‖ for rel_l2. The FP64 check allows this on top of its 1%, so that the 1%
 * applies to the elements that agree. Without it, one flip at an output near zero decides a small
 * case: an H100 selftest (results/2026-12-02-h100-paper-v40) failed fp16 on B=H=1, N=17, D=128
 * causal, where one P̃ one FP16 ulp up (ex2.approx 2 FP32 ulps above 2^x at a rounding midpoint)
 * moved one output of magnitude 5e-4 by 4.5%, and MRE over 2,176 elements by 4%.
 *
 * @param mre the most the flips can move MRE by
 * @param relL2 the most they can move rel_l2 by
 */
public record FlipShift(double mre, double relL2) {

  /** The shift of the elements of {@code gpu} over the ulp limit from {@code emu}. */
  public static FlipShift of(float[] gpu, float[] emu, double[] ref) {
    double rel = 0;
    double diffSq = 0;
    double refSq = 0;
    for (int i = 0; i < gpu.length; i++) {
      refSq += ref[i] * ref[i];
      if (UlpComparison.overLimit(gpu[i], emu[i])) {
        double diff = Math.abs((double) gpu[i] - emu[i]);
        rel += diff / (Math.abs(ref[i]) + ErrorStats.MRE_EPSILON);
        diffSq += diff * diff;
      }
    }
    return new FlipShift(rel / gpu.length, refSq > 0 ? Math.sqrt(diffSq / refSq) : 0);
  }
}
