package dev.attnbench.backend.cuda.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.numeric.Fp16;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The selftest's verdict on one case: what it accepts and what it must not. */
class JudgeTest {
  // The shape of the H100 case that a single flip failed (results/2026-12-02-h100-paper-v40).
  private static final Shape SMALL = new Shape(1, 1, 17, 128, true);
  private static final int N = 17 * 128;

  /**
   * Fresh outputs of attention's size: an FP64 reference with one output near zero (at {@code
   * tiny}), and the emulation's output, the reference rounded to FP16 as an exact method gives.
   */
  private record Outputs(long seed, int tiny, double[] ref, float[] emu) {
    static Outputs fresh() {
      long seed = System.nanoTime();
      SplittableRandom rnd = new SplittableRandom(seed);
      int tiny = rnd.nextInt(N);
      double[] ref = new double[N];
      float[] emu = new float[N];
      for (int i = 0; i < N; i++) {
        ref[i] = i == tiny ? 4.8e-4 * (1 + 0.1 * rnd.nextDouble()) : 0.3 * rnd.nextGaussian();
        emu[i] = Fp16.round((float) ref[i]);
      }
      return new Outputs(seed, tiny, ref, emu);
    }

    GpuSelftest.Verdict judge(float[] gpu) {
      return GpuSelftest.judge(new SelftestCase(Method.FP16, SMALL, 17), gpu, emu, ref, 1.0);
    }

    String why(GpuSelftest.Verdict v) {
      return "seed " + seed + ": " + v.detail();
    }
  }

  @Test
  void oneFlippedPAtAnOutputNearZeroPasses() {
    Outputs o = Outputs.fresh();
    float[] gpu = o.emu().clone();
    // One FP16 P̃ a step up moves its row's outputs by 2^-11·p·V/l: ~2e-5 here, ~45 ulps of a
    // 5e-4 output, within the flip bound of |V| = 1.
    gpu[o.tiny()] = Fp16.round(o.emu()[o.tiny()] - 2.2e-5f);
    ErrorStats g = ErrorStats.compare(gpu, o.ref());
    ErrorStats e = ErrorStats.compare(o.emu(), o.ref());
    // Without the flip's own shift the 1% rule would fail this case on MRE alone.
    assertFalse(Tolerance.sameError(g.mre(), e.mre(), 0), "seed " + o.seed());
    GpuSelftest.Verdict v = o.judge(gpu);
    assertTrue(v.ok(), o.why(v));
  }

  @Test
  void aDriftOfEveryElementWithinTheUlpLimitFails() {
    Outputs o = Outputs.fresh();
    float[] emu = o.emu();
    float[] gpu = new float[N];
    for (int i = 0; i < N; i++) {
      // 3 ulps away from the reference: under the 4-ulp limit element by element, but a kernel
      // that did this would have several times the method's error.
      double away = emu[i] >= o.ref()[i] ? 1 : -1;
      gpu[i] = (float) (emu[i] + away * 3 * UlpComparison.ulp16(emu[i]));
    }
    assertEquals(0, UlpComparison.of(gpu, emu).overLimit(), "seed " + o.seed());
    assertEquals(new FlipShift(0, 0), FlipShift.of(gpu, emu, o.ref()), "seed " + o.seed());
    GpuSelftest.Verdict v = o.judge(gpu);
    assertFalse(v.ok(), o.why(v));
    assertTrue(v.detail().contains("mre differs"), o.why(v));
    assertTrue(v.detail().contains("rel_l2 differs"), o.why(v));
  }

  @Test
  void flipsBeyondTheirBoundStillFail() {
    Outputs o = Outputs.fresh();
    float[] gpu = o.emu().clone();
    // Larger than any one FP16 P̃ flip can move an output when |V| <= 1 (2·2^-11).
    gpu[o.tiny()] += 0.01f;
    GpuSelftest.Verdict v = o.judge(gpu);
    assertFalse(v.ok(), o.why(v));
    assertTrue(v.detail().contains("P-flip bound"), o.why(v));
  }
}
