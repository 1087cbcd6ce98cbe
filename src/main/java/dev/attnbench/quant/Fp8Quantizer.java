package dev.attnbench.quant;

import dev.attnbench.numeric.Fp8Format;

/** The FP8 casts of docs/ARITHMETIC.md, elementwise over a whole [B, H, N, D] tensor. */
public final class Fp8Quantizer {
  private Fp8Quantizer() {}

  /**
   * {@code x8 = e5m2(x)}, no scale: the paper's FP8 baseline (saturating rather than overflowing).
   */
  public static Fp8Tensor castE5m2(float[] x) {
    byte[] codes = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      codes[i] = Fp8Format.E5M2.encode(x[i]);
    }
    return new Fp8Tensor(Fp8Format.E5M2, codes, 1f);
  }

  /**
   * {@code s = f32(amax / 448)} over the whole tensor, {@code x8 = e4m3(f32(x / s))}, so the
   * largest magnitude lands on e4m3's largest value. An all-zero tensor gets zero codes and scale
   * 0.
   */
  public static Fp8Tensor scaledE4m3(float[] x) {
    float amax = 0;
    for (float v : x) {
      amax = Math.max(amax, Math.abs(v));
    }
    float s = amax / Fp8Format.E4M3.maxFinite();
    byte[] codes = new byte[x.length];
    if (s != 0) {
      for (int i = 0; i < x.length; i++) {
        codes[i] = Fp8Format.E4M3.encode(x[i] / s);
      }
    }
    return new Fp8Tensor(Fp8Format.E4M3, codes, s);
  }
}
