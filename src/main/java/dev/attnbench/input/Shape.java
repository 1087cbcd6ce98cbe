package dev.attnbench.input;

/**
 * The shape of one attention problem: Q, K, V and O are {@code [batch, heads, seqLen, headDim]},
 * row-major (headDim fastest). Self-attention: queries and keys have the same length.
 */
public record Shape(int batch, int heads, int seqLen, int headDim, boolean causal) {

  public Shape {
    if (batch < 1 || heads < 1 || seqLen < 1 || headDim < 1) {
      throw new IllegalArgumentException("shape dimensions must be >= 1: " + this);
    }
  }

  /** Number of (batch, head) pairs; each is an independent attention problem. */
  public int slices() {
    return batch * heads;
  }

  /** Elements in one [N, D] slice. */
  public long sliceElements() {
    return (long) seqLen * headDim;
  }

  /** Elements in the whole [B, H, N, D] tensor. */
  public long elements() {
    return sliceElements() * slices();
  }

  /** Offset of row {@code row} of slice {@code slice} in a [B, H, N, D] array. */
  public int rowOffset(int slice, int row) {
    return Math.toIntExact(((long) slice * seqLen + row) * headDim);
  }

  /** Multiply-adds of the forward pass, 4·B·H·N²·D FLOPs, halved when causal. */
  public double flops() {
    double f = 4.0 * batch * heads * (double) seqLen * seqLen * headDim;
    return causal ? f / 2 : f;
  }

  /** The default softmax scale, 1/sqrt(D). */
  public double defaultSoftmaxScale() {
    return 1.0 / Math.sqrt(headDim);
  }
}
