package dev.attnbench.quant;

import dev.attnbench.input.Shape;

/**
 * K smoothing: subtract each channel's mean over the keys before quantizing K. Every key of a query
 * row then loses the same {@code q·mean} from its score, which softmax cancels, while the outlier
 * channels' common offset no longer inflates the per-token INT8 scale.
 */
public final class KSmoothing {
  private KSmoothing() {}

  /** {@code mean[b,h,d]} in FP64 rounded once to FP32, and {@code f32(K − mean)}. */
  public static SmoothedK smooth(float[] k, Shape shape) {
    Int8Quantizer.checkSize(k, shape);
    int d = shape.headDim();
    int n = shape.seqLen();
    float[] out = new float[k.length];
    float[] mean = new float[shape.slices() * d];
    double[] sum = new double[d];
    for (int s = 0; s < shape.slices(); s++) {
      int base = shape.rowOffset(s, 0);
      java.util.Arrays.fill(sum, 0);
      for (int i = 0; i < n * d; i++) {
        sum[i % d] += k[base + i];
      }
      for (int c = 0; c < d; c++) {
        mean[s * d + c] = (float) (sum[c] / n);
      }
      for (int i = 0; i < n * d; i++) {
        out[base + i] = k[base + i] - mean[s * d + i % d];
      }
    }
    return new SmoothedK(out, mean);
  }

  /** Per-token INT8 of the smoothed K: the K operand of the {@code +smoothk} methods. */
  public static Int8Tensor quantizePerToken(float[] k, Shape shape) {
    return Int8Quantizer.perToken(smooth(k, shape).values(), shape);
  }
}
