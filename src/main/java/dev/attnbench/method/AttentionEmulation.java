package dev.attnbench.method;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;

/**
 * A CPU emulation of one method's kernel arithmetic (docs/ARITHMETIC.md), bit-faithful in every
 * operand rounding. Quantization statistics (per-tensor V, per-token K) are taken over the whole
 * tensors even when only sampled rows are evaluated.
 */
public interface AttentionEmulation {

  Method method();

  /**
   * Runs the method on the rows of {@code rows}.
   *
   * @return outputs of layout [slice, evaluated row, D] (see {@link RowSample#outputOffset}); every
   *     value is FP16-representable
   */
  float[] forward(AttentionInputs inputs, RowSample rows);
}
