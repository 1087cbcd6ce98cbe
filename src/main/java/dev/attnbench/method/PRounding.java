package dev.attnbench.method;

import dev.attnbench.numeric.Fp16;
import dev.attnbench.numeric.Fp8Format;

/**
 * How a method rounds the softmax probability {@code p ∈ [0, 1]} into the P̃ operand of the P·V
 * product (docs/ARITHMETIC.md, column P̃). Each constant also states the factor P̃ carries relative
 * to {@code p}, which the final scale divides out when the denominator counts {@code p}.
 */
public enum PRounding {
  /** {@code h(p)}: FP16 P ({@code fp16}, {@code int8-half}). */
  FP16(1),
  /** {@code e5m2(p)}: the paper's unscaled FP8 P. */
  E5M2(1),
  /**
   * {@code e4m3(f32(p·256))}: scaled so P's range uses e4m3's normals rather than its subnormals.
   */
  E4M3_TIMES_256(256),
  /** {@code rint(p·127)} as s8 (the product exact, rounded once): the paper's INT8 P. */
  S8_TIMES_127(127),
  /** {@code rint(p·255)} as u8: P is never negative, so the sign bit buys one more bit. */
  U8_TIMES_255(255);

  private final float scale;

  PRounding(float scale) {
    this.scale = scale;
  }

  /** The factor P̃ carries: P̃ ≈ p · scale. */
  public float scale() {
    return scale;
  }

  /** P̃ of one probability. */
  public float apply(float p) {
    return switch (this) {
      case FP16 -> Fp16.round(p);
      case E5M2 -> Fp8Format.E5M2.round(p);
      case E4M3_TIMES_256 -> Fp8Format.E4M3.round(p * scale);
        // the double product of two floats is exact: one rounding, as the kernel's FFMA
      case S8_TIMES_127, U8_TIMES_255 -> (float) Math.rint((double) p * scale);
    };
  }

  /**
   * P̃ of {@code p[0, len)} into {@code out}. The switch sits outside the loop so the per-score
   * work is a direct, inlinable call.
   */
  void applyBlock(float[] p, float[] out, int len) {
    switch (this) {
      case FP16 -> {
        for (int k = 0; k < len; k++) {
          out[k] = Fp16.round(p[k]);
        }
      }
      case E5M2 -> {
        for (int k = 0; k < len; k++) {
          out[k] = Fp8Format.E5M2.round(p[k]);
        }
      }
      case E4M3_TIMES_256 -> {
        for (int k = 0; k < len; k++) {
          out[k] = Fp8Format.E4M3.round(p[k] * scale);
        }
      }
      case S8_TIMES_127, U8_TIMES_255 -> {
        for (int k = 0; k < len; k++) {
          out[k] = (float) Math.rint((double) p[k] * scale);
        }
      }
    }
  }
}
