package dev.attnbench.method;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.Shape;

/** Inputs and error measures shared by the emulation tests. */
final class EmulationTestSupport {
  private EmulationTestSupport() {}

  static AttentionInputs inputs(Shape shape, Distribution.Kind kind, long seed) {
    return InputGenerator.generate(shape, Distribution.of(kind), shape.defaultSoftmaxScale(), seed);
  }

  static AttentionInputs inputs(Shape shape, Distribution.Kind kind, double scale, long seed) {
    return InputGenerator.generate(shape, Distribution.of(kind), scale, seed);
  }

  /** ‖o − r‖₂ / ‖r‖₂. */
  static double relativeL2(float[] out, double[] ref) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < out.length; i++) {
      num += (out[i] - ref[i]) * (out[i] - ref[i]);
      den += ref[i] * ref[i];
    }
    return Math.sqrt(num / den);
  }
}
