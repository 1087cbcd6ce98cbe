package dev.attnbench.method;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.reference.Fp64Attention;
import org.junit.jupiter.api.Test;

/**
 * Keys with a channel bias shared by every token (the {@code kbias} distribution) leave softmax
 * unchanged but stretch K's per-token INT8 range; subtracting K's channel mean must win it back.
 */
class KSmoothingOnBiasedKeysTest {

  static double relL2(Method m, AttentionInputs in, RowSample rows, double[] ref) {
    return ErrorStats.compare(Emulations.of(m).forward(in, rows), ref).relL2();
  }

  /**
   * The same draws with and without the bias (the bias is added to the same normal samples), so the
   * unbiased INT8 error is the yardstick of what smoothing should win back.
   */
  @Test
  void kSmoothingWinsBackWhatTheKeyBiasCostsPerTokenInt8() {
    Shape shape = new Shape(1, 2, 1024, 64, false);
    RowSample rows = RowSample.sample(shape, 64, 92);
    AttentionInputs biased =
        InputGenerator.generate(shape, Distribution.parse("kbias(8,10)"), 0.125, 91);
    AttentionInputs unbiased =
        InputGenerator.generate(shape, Distribution.parse("kbias(8,0)"), 0.125, 91);
    double[] refBiased = Fp64Attention.forward(biased, rows);
    double[] refUnbiased = Fp64Attention.forward(unbiased, rows);
    double cost = relL2(Method.INT8, biased, rows, refBiased);
    double yardstick = relL2(Method.INT8, unbiased, rows, refUnbiased);
    double smoothed = relL2(Method.INT8_SMOOTHK, biased, rows, refBiased);
    assertTrue(
        cost > 1.3 * yardstick, "the bias costs per-token INT8: " + cost + " vs " + yardstick);
    assertTrue(
        smoothed < 1.1 * yardstick, "smoothing wins it back: " + smoothed + " vs " + yardstick);
    assertTrue(relL2(Method.FP16, biased, rows, refBiased) < 1e-3, "and costs FP16 nothing");
  }
}
