package dev.attnbench.input;

/**
 * Q, K, V as FP16 values held in float arrays of layout [B, H, N, D]. Every value is exactly
 * representable in FP16: the GPU receives the same bits, and the FP64 reference is computed from
 * them, so measured error is the method's arithmetic alone.
 */
public record AttentionInputs(Shape shape, double softmaxScale, float[] q, float[] k, float[] v) {

  public AttentionInputs {
    long n = shape.elements();
    if (q.length != n || k.length != n || v.length != n) {
      throw new IllegalArgumentException("tensor sizes do not match shape " + shape);
    }
    if (!(softmaxScale > 0)) {
      throw new IllegalArgumentException("softmax scale must be > 0, got " + softmaxScale);
    }
  }

  /** {@code c = softmax_scale * log2(e)}, computed in FP64 and rounded once to FP32. */
  public float scaleLog2() {
    return (float) (softmaxScale / Math.log(2.0));
  }
}
