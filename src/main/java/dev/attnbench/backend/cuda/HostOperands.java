package dev.attnbench.backend.cuda;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.method.Recipe;
import dev.attnbench.quant.Fp8Quantizer;
import dev.attnbench.quant.Fp8Tensor;
import dev.attnbench.quant.Int8Quantizer;
import dev.attnbench.quant.Int8Tensor;
import dev.attnbench.quant.KSmoothing;

/**
 * A method's kernel operands quantized on the host with the {@code quant} package, the same
 * quantizers the emulation uses, so the GPU sees exactly the emulation's operands and any
 * difference is the kernel's own arithmetic (docs/ARITHMETIC.md, "Kernel interface").
 *
 * @param family which kernel signature these operands feed
 * @param q Q as FP16 bits (fp16), FP8 codes (fp8 family) or INT8 codes (int8 family)
 * @param k K, likewise (for {@code +smoothk} methods the codes of K minus its channel means)
 * @param v V as FP16 bits (fp16, int8-half), FP8 codes (fp8 family) or INT8 codes [B, H, N, D] (the
 *     device transposes them, and fp8-native's FP8 codes, into V8t)
 * @param qScales per-token Q scales [B, H, N] (int8 family), else null
 * @param kScales per-token K scales [B, H, N] (int8 family), else null
 * @param finalScales {@code fs_d} per (batch, head, channel) [B, H, D] (INT8-P methods), else null
 * @param r the row factor of the FP16/FP8 kernels; {@code c} for the INT8 ones (the kernel forms
 *     {@code r = f32(s_q · c)} per row)
 * @param fs the per-tensor {@code fs} of the FP16/FP8 kernels (1 unless e4m3)
 */
public record HostOperands(
    Family family,
    Shape shape,
    byte[] q,
    byte[] k,
    byte[] v,
    short[] qHalf,
    short[] kHalf,
    short[] vHalf,
    float[] qScales,
    float[] kScales,
    float[] finalScales,
    float r,
    float fs) {

  /** The kernel signatures of docs/ARITHMETIC.md. */
  public enum Family {
    /** {@code Q, K, V, O} in FP16. */
    FP16,
    /** {@code Q, K, V} FP8 codes, O FP16. */
    FP8,
    /** e4m3 Q, K codes and V8t e4m3 codes, for the native FP8 mma ({@code fp8-native}). */
    FP8_V8T,
    /** INT8 Q, K with per-token scales, FP16 V ({@code int8-half}). */
    INT8_HALF,
    /** INT8 Q, K, transposed INT8 V with {@code fs[B, H, D]} (the INT8-P methods). */
    INT8
  }

  /** The family of {@code method}'s kernel. */
  public static Family familyOf(Method method) {
    return switch (method) {
      case FP16 -> Family.FP16;
      case FP8, FP8_E4M3 -> Family.FP8;
      case FP8_NATIVE -> Family.FP8_V8T;
      case INT8_HALF -> Family.INT8_HALF;
      default -> Family.INT8;
    };
  }

  /** Quantizes {@code in} for {@code method}. */
  public static HostOperands prepare(Method method, AttentionInputs in) {
    Shape shape = in.shape();
    float c = in.scaleLog2();
    switch (familyOf(method)) {
      case FP16 -> {
        return new HostOperands(
            Family.FP16,
            shape,
            null,
            null,
            null,
            HalfBits.of(in.q()),
            HalfBits.of(in.k()),
            HalfBits.of(in.v()),
            null,
            null,
            null,
            c,
            1f);
      }
      case FP8, FP8_V8T -> {
        if (method == Method.FP8) {
          return new HostOperands(
              Family.FP8,
              shape,
              Fp8Quantizer.castE5m2(in.q()).codes(),
              Fp8Quantizer.castE5m2(in.k()).codes(),
              Fp8Quantizer.castE5m2(in.v()).codes(),
              null,
              null,
              null,
              null,
              null,
              null,
              c,
              1f);
        }
        Fp8Tensor q = Fp8Quantizer.scaledE4m3(in.q());
        Fp8Tensor k = Fp8Quantizer.scaledE4m3(in.k());
        Fp8Tensor v = Fp8Quantizer.scaledE4m3(in.v());
        // r = f32(f32(c·s_q)·s_k); fs = f32(s_v / 256), the 256 undoing P's pre-scale where the
        // denominator counts p (fp8-e4m3), s_v where it counts P̃ (fp8-native, at both D since
        // v52).
        float r = c * q.scale() * k.scale();
        return new HostOperands(
            familyOf(method),
            shape,
            q.codes(),
            k.codes(),
            v.codes(),
            null,
            null,
            null,
            null,
            null,
            null,
            r,
            Recipe.of(method, shape.headDim()).finalScale(v.scale()));
      }
      case INT8_HALF -> {
        Int8Tensor q8 = Int8Quantizer.perToken(in.q(), shape);
        Int8Tensor k8 = Int8Quantizer.perToken(in.k(), shape);
        return new HostOperands(
            Family.INT8_HALF,
            shape,
            q8.values(),
            k8.values(),
            null,
            null,
            null,
            HalfBits.of(in.v()),
            q8.scales(),
            k8.scales(),
            null,
            c,
            1f);
      }
      default -> {
        Method.Int8Variant variant = method.int8Variant().orElseThrow();
        Int8Tensor q8 = Int8Quantizer.perToken(in.q(), shape);
        Int8Tensor k8 =
            variant.smoothK()
                ? KSmoothing.quantizePerToken(in.k(), shape)
                : Int8Quantizer.perToken(in.k(), shape);
        Int8Tensor v8 =
            variant.perChannelV()
                ? Int8Quantizer.perChannel(in.v(), shape)
                : Int8Quantizer.perTensor(in.v(), shape);
        return new HostOperands(
            Family.INT8,
            shape,
            q8.values(),
            k8.values(),
            v8.values(),
            null,
            null,
            null,
            q8.scales(),
            k8.scales(),
            finalScales(variant, v8, shape),
            c,
            1f);
      }
    }
  }

  /**
   * {@code fs[b, h, d]}: V's scale of that channel, divided by P's levels unless the denominator
   * counts P̃ too (then the levels cancel in acc / l): f32(s_v/127) for {@code int8}, s_v[d] for
   * {@code int8-plus}.
   */
  static float[] finalScales(Method.Int8Variant variant, Int8Tensor v8, Shape shape) {
    int d = shape.headDim();
    float[] fs = new float[shape.slices() * d];
    for (int s = 0; s < shape.slices(); s++) {
      for (int c = 0; c < d; c++) {
        float sv = variant.perChannelV() ? v8.scales()[s * d + c] : v8.scales()[0];
        fs[s * d + c] = variant.quantizedDenominator() ? sv : sv / variant.pLevels();
      }
    }
    return fs;
  }
}
