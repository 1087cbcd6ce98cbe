package dev.attnbench.quant;

import dev.attnbench.numeric.Fp8Format;

/**
 * An FP8 tensor with one per-tensor scale: element {@code x ≈ format.decode(codes[i]) · scale}.
 *
 * @param format e5m2 or e4m3
 * @param codes one byte per element, [B, H, N, D]
 * @param scale 1 for an unscaled cast; {@code f32(amax / max)} for a scaled one (0 if all zeros)
 */
public record Fp8Tensor(Fp8Format format, byte[] codes, float scale) {

  /** The FP8 values (not multiplied by the scale): the operands the tensor core sees. */
  public float[] operandValues() {
    float[] x = new float[codes.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = format.decode(codes[i]);
    }
    return x;
  }

  /** {@code decode(code) · scale} in FP32 for every element: what the codes stand for. */
  public float[] dequantize() {
    float[] x = operandValues();
    for (int i = 0; i < x.length; i++) {
      x[i] *= scale;
    }
    return x;
  }
}
