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

  /** An FP64 reference with outputs of attention's size, one of them near zero, at {@code tiny}. */
  private static double[] reference(SplittableRandom rnd, int tiny) {
    double[] ref = new double[N];
    for (int i = 0; i < N; i++) {
      ref[i] = 0.3 * rnd.nextGaussian();
    }
    ref[tiny] = 4.8e-4 * (1 + 0.1 * rnd.nextDouble());
    return ref;
  }

  /** The emulation's output: the reference rounded to FP16, as an exact method would give. */
  private static float[] emulation(double[] ref) {
    float[] emu = new float[N];
    for (int i = 0; i < N; i++) {
      emu[i] = Fp16.round((float) ref[i]);
    }
    return emu;
  }

  @Test
  void oneFlippedPAtAnOutputNearZeroPasses() {
    SplittableRandom rnd = new SplittableRandom(System.nanoTime());
    int tiny = rnd.nextInt(N);
    double[] ref = reference(rnd, tiny);
    float[] emu = emulation(ref);
    float[] gpu = emu.clone();
    // One FP16 P̃ a step up moves its row's outputs by 2^-11·p·V/l: ~2e-5 here, ~45 ulps of a
    // 5e-4 output, within the flip bound of |V| = 1.
    gpu[tiny] = Fp16.round(emu[tiny] - 2.2e-5f);
    SelftestCase c = new SelftestCase(Method.FP16, SMALL, 17);
    ErrorStats g = ErrorStats.compare(gpu, ref);
    ErrorStats e = ErrorStats.compare(emu, ref);
    // Without the flip's own shift the 1% rule would fail this case on MRE alone.
    assertFalse(Tolerance.sameError(g.mre(), e.mre(), 0));
    GpuSelftest.Verdict v = GpuSelftest.judge(c, gpu, emu, ref, 1.0);
    assertTrue(v.ok(), v.detail());
  }

  @Test
  void aDriftOfEveryElementWithinTheUlpLimitFails() {
    SplittableRandom rnd = new SplittableRandom(System.nanoTime());
    double[] ref = reference(rnd, rnd.nextInt(N));
    float[] emu = emulation(ref);
    float[] gpu = new float[N];
    for (int i = 0; i < N; i++) {
      // 3 ulps away from the reference: under the 4-ulp limit element by element, but a kernel
      // that did this would have several times the method's error.
      double away = emu[i] >= ref[i] ? 1 : -1;
      gpu[i] = (float) (emu[i] + away * 3 * UlpComparison.ulp16(emu[i]));
    }
    assertEquals(0, UlpComparison.of(gpu, emu).overLimit());
    assertEquals(new FlipShift(0, 0), FlipShift.of(gpu, emu, ref));
    SelftestCase c = new SelftestCase(Method.FP16, SMALL, 17);
    GpuSelftest.Verdict v = GpuSelftest.judge(c, gpu, emu, ref, 1.0);
    assertFalse(v.ok());
    assertTrue(v.detail().contains("mre differs"), v.detail());
    assertTrue(v.detail().contains("rel_l2 differs"), v.detail());
  }

  @Test
  void flipsBeyondTheirBoundStillFail() {
    SplittableRandom rnd = new SplittableRandom(System.nanoTime());
    int tiny = rnd.nextInt(N);
    double[] ref = reference(rnd, tiny);
    float[] emu = emulation(ref);
    float[] gpu = emu.clone();
    // Larger than any one FP16 P̃ flip can move an output when |V| <= 1 (2·2^-11).
    gpu[tiny] = emu[tiny] + 0.01f;
    GpuSelftest.Verdict v =
        GpuSelftest.judge(new SelftestCase(Method.FP16, SMALL, 17), gpu, emu, ref, 1.0);
    assertFalse(v.ok());
    assertTrue(v.detail().contains("P-flip bound"), v.detail());
  }
}
