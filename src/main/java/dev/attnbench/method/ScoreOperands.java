package dev.attnbench.method;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.quant.Fp8Quantizer;
import dev.attnbench.quant.Fp8Tensor;
import dev.attnbench.quant.Int8Quantizer;
import dev.attnbench.quant.Int8Tensor;
import dev.attnbench.quant.KSmoothing;

/**
 * Where a method's scores come from: the Q and K operands of the tensor-core product and how its
 * exact dot product becomes the FP32 score {@code u_k}, together with the per-row factor {@code r}
 * (docs/ARITHMETIC.md, columns u and r).
 */
public enum ScoreOperands {
  /** FP16 Q, K; {@code u = f32(Σ q·k)}, {@code r = c}. */
  FP16 {
    @Override
    Prepared prepare(AttentionInputs in) {
      return new Prepared(in.shape(), in.q(), in.k(), null, null, in.scaleLog2());
    }
  },
  /** Unscaled e5m2 Q, K; {@code u = f32(Σ q8·k8)}, {@code r = c}. */
  FP8_E5M2 {
    @Override
    Prepared prepare(AttentionInputs in) {
      float[] q = Fp8Quantizer.castE5m2(in.q()).operandValues();
      float[] k = Fp8Quantizer.castE5m2(in.k()).operandValues();
      return new Prepared(in.shape(), q, k, null, null, in.scaleLog2());
    }
  },
  /** Per-tensor scaled e4m3 Q, K; {@code u = f32(Σ q8·k8)}, {@code r = f32(f32(c·s_q)·s_k)}. */
  FP8_E4M3_SCALED {
    @Override
    Prepared prepare(AttentionInputs in) {
      Fp8Tensor q = Fp8Quantizer.scaledE4m3(in.q());
      Fp8Tensor k = Fp8Quantizer.scaledE4m3(in.k());
      float r = in.scaleLog2() * q.scale() * k.scale();
      return new Prepared(in.shape(), q.operandValues(), k.operandValues(), null, null, r);
    }
  },
  /** Per-token INT8 Q, K; {@code u = f32(float(Σ q8·k8) · s_k)}, {@code r = f32(s_q · c)}. */
  INT8_PER_TOKEN {
    @Override
    Prepared prepare(AttentionInputs in) {
      return int8(in, Int8Quantizer.perToken(in.k(), in.shape()));
    }
  },
  /**
   * As {@link #INT8_PER_TOKEN}, with K smoothed (its per-channel mean removed) before quantizing.
   */
  INT8_PER_TOKEN_SMOOTH_K {
    @Override
    Prepared prepare(AttentionInputs in) {
      return int8(in, KSmoothing.quantizePerToken(in.k(), in.shape()));
    }
  };

  /** Quantizes Q and K as this method does; statistics are taken over the whole tensors. */
  abstract Prepared prepare(AttentionInputs in);

  private static Prepared int8(AttentionInputs in, Int8Tensor k8) {
    Int8Tensor q8 = Int8Quantizer.perToken(in.q(), in.shape());
    return new Prepared(
        in.shape(),
        q8.codesAsFloats(),
        k8.codesAsFloats(),
        q8.scales(),
        k8.scales(),
        in.scaleLog2());
  }

  /**
   * Q and K operands of a whole call, [B, H, N, D], as the exact FP32 values of their FP16, FP8 or
   * INT8 elements.
   *
   * @param queryScale per-token Q scales [B, H, N], or null when Q has no per-row scale
   * @param keyScale per-token K scales [B, H, N], or null when K has no per-key scale
   * @param factor {@code r} itself when {@code queryScale} is null, else the factor {@code c} that
   *     each row's scale multiplies
   */
  record Prepared(
      Shape shape, float[] q, float[] k, float[] queryScale, float[] keyScale, float factor) {

    /** {@code r} of query row {@code row} of slice {@code slice}. */
    float rowFactor(int slice, int row) {
      return queryScale == null ? factor : queryScale[slice * shape.seqLen() + row] * factor;
    }
  }
}
