package dev.attnbench.quant;

import dev.attnbench.input.Shape;

/**
 * The symmetric INT8 quantizers of docs/ARITHMETIC.md. For each group of elements sharing a scale:
 * {@code amax = max|x|}; if {@code amax == 0} the codes are 0 with scale 0, else {@code s =
 * f32(amax/127)}, {@code inv = f32(127/amax)}, {@code q = clamp(rint(f32(x·inv)), -127, 127)}.
 * Multiplying by {@code inv} rather than dividing by {@code s} is what the GPU quantizer does, and
 * the two can differ by one code at ties, so both sides use this form.
 */
public final class Int8Quantizer {
  private Int8Quantizer() {}

  /** Largest code magnitude; -128 is unused so the range is symmetric. */
  public static final int LEVELS = 127;

  /** One scale per row of D values (Q and K tokens). */
  public static Int8Tensor perToken(float[] x, Shape shape) {
    checkSize(x, shape);
    int d = shape.headDim();
    int rows = shape.slices() * shape.seqLen();
    byte[] q = new byte[x.length];
    float[] scales = new float[rows];
    for (int row = 0; row < rows; row++) {
      int from = row * d;
      float amax = 0;
      for (int i = from; i < from + d; i++) {
        amax = Math.max(amax, Math.abs(x[i]));
      }
      scales[row] = scale(amax);
      float inv = inverseScale(amax);
      for (int i = from; i < from + d; i++) {
        q[i] = code(x[i], inv);
      }
    }
    return new Int8Tensor(shape, Granularity.PER_TOKEN, q, scales);
  }

  /** One scale for the whole [B, H, N, D] tensor (the paper's V). */
  public static Int8Tensor perTensor(float[] x, Shape shape) {
    checkSize(x, shape);
    float amax = 0;
    for (float v : x) {
      amax = Math.max(amax, Math.abs(v));
    }
    float inv = inverseScale(amax);
    byte[] q = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = code(x[i], inv);
    }
    return new Int8Tensor(shape, Granularity.PER_TENSOR, q, new float[] {scale(amax)});
  }

  /**
   * One scale per (batch, head, channel) over the N tokens: V's channels differ in range, and a
   * per-channel scale can still be factored out of {@code Σ_k P·V[k, d]}.
   */
  public static Int8Tensor perChannel(float[] x, Shape shape) {
    checkSize(x, shape);
    int d = shape.headDim();
    int n = shape.seqLen();
    byte[] q = new byte[x.length];
    float[] scales = new float[shape.slices() * d];
    float[] amax = new float[d];
    float[] inv = new float[d];
    for (int s = 0; s < shape.slices(); s++) {
      int base = shape.rowOffset(s, 0);
      java.util.Arrays.fill(amax, 0f);
      for (int i = 0; i < n * d; i++) {
        amax[i % d] = Math.max(amax[i % d], Math.abs(x[base + i]));
      }
      for (int c = 0; c < d; c++) {
        scales[s * d + c] = scale(amax[c]);
        inv[c] = inverseScale(amax[c]);
      }
      for (int i = 0; i < n * d; i++) {
        q[base + i] = code(x[base + i], inv[i % d]);
      }
    }
    return new Int8Tensor(shape, Granularity.PER_CHANNEL, q, scales);
  }

  /** {@code f32(amax / 127)}, or 0 for an all-zero group. */
  static float scale(float amax) {
    return amax == 0 ? 0f : amax / LEVELS;
  }

  /** {@code f32(127 / amax)}, or 0 for an all-zero group (so every code comes out 0). */
  static float inverseScale(float amax) {
    return amax == 0 ? 0f : LEVELS / amax;
  }

  /** {@code clamp(rint(f32(x · inv)), -127, 127)}. */
  static byte code(float x, float inv) {
    float q = (float) Math.rint(x * inv);
    return (byte) Math.max(-LEVELS, Math.min(LEVELS, q));
  }

  static void checkSize(float[] x, Shape shape) {
    if (x.length != shape.elements()) {
      throw new IllegalArgumentException(
          "tensor of " + x.length + " elements does not match shape " + shape);
    }
  }
}
