package dev.attnbench.method;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.quant.Fp8Quantizer;
import dev.attnbench.quant.Fp8Tensor;
import dev.attnbench.quant.Int8Quantizer;
import dev.attnbench.quant.Int8Tensor;

/**
 * A method's V operand Ṽ and the scale that each output channel must be multiplied by to undo V's
 * quantization (docs/ARITHMETIC.md, column Ṽ).
 */
public enum ValueOperands {
  /** V itself, FP16; scale 1. */
  FP16 {
    @Override
    Prepared prepare(AttentionInputs in) {
      return new Prepared(in.v(), new float[] {1f}, false);
    }
  },
  /** {@code e5m2(V)}, unscaled. */
  FP8_E5M2 {
    @Override
    Prepared prepare(AttentionInputs in) {
      return new Prepared(Fp8Quantizer.castE5m2(in.v()).operandValues(), new float[] {1f}, false);
    }
  },
  /** {@code e4m3(V / s_v)} with one scale per tensor. */
  FP8_E4M3_SCALED {
    @Override
    Prepared prepare(AttentionInputs in) {
      Fp8Tensor v = Fp8Quantizer.scaledE4m3(in.v());
      return new Prepared(v.operandValues(), new float[] {v.scale()}, false);
    }
  },
  /** INT8 with one scale for the whole [B, H, N, D] tensor (the paper). */
  INT8_PER_TENSOR {
    @Override
    Prepared prepare(AttentionInputs in) {
      Int8Tensor v = Int8Quantizer.perTensor(in.v(), in.shape());
      return new Prepared(v.codesAsFloats(), v.scales(), false);
    }
  },
  /** INT8 with one scale per (batch, head, channel). */
  INT8_PER_CHANNEL {
    @Override
    Prepared prepare(AttentionInputs in) {
      Int8Tensor v = Int8Quantizer.perChannel(in.v(), in.shape());
      return new Prepared(v.codesAsFloats(), v.scales(), true);
    }
  };

  /** Quantizes V as this method does; statistics are taken over the whole tensor. */
  abstract Prepared prepare(AttentionInputs in);

  /**
   * V operand of a whole call.
   *
   * @param v exact FP32 values of Ṽ's elements, [B, H, N, D]
   * @param scales [1] per tensor, or [B, H, D] per channel
   * @param perChannel which of the two {@code scales} is
   */
  record Prepared(float[] v, float[] scales, boolean perChannel) {

    /** V's scale for channel {@code d} of slice {@code slice}. */
    float scale(int slice, int headDim, int d) {
      return perChannel ? scales[slice * headDim + d] : scales[0];
    }
  }
}
