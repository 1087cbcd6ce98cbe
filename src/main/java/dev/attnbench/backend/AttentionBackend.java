package dev.attnbench.backend;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.Method;

/** Something that computes a method's attention output: the CPU emulation or the CUDA kernels. */
public interface AttentionBackend extends AutoCloseable {

  /** The name written in the {@code backend} column of result files. */
  String name();

  boolean supports(Method method, int headDim);

  /** Why {@code method} at {@code headDim} does not run here, or null when it does. */
  default String whyUnsupported(Method method, int headDim) {
    return supports(method, headDim) ? null : "not supported by this backend";
  }

  /**
   * @return outputs of layout [slice, evaluated row, D], FP16 values
   */
  float[] forward(Method method, AttentionInputs inputs, RowSample rows);

  @Override
  default void close() {}
}
