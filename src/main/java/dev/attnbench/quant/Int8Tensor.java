package dev.attnbench.quant;

import dev.attnbench.input.Shape;

/**
 * A symmetric INT8 tensor: element {@code x ≈ values[i] · scales[granularity.scaleIndex(i)]}.
 *
 * @param shape the tensor's shape; {@code values} is [B, H, N, D], row-major
 * @param granularity which elements share a scale, and so the layout of {@code scales}: [B, H, N]
 *     per token, [B, H, D] per channel, [1] per tensor
 * @param values the codes, each in [-127, 127]
 * @param scales FP32 scales {@code f32(amax / 127)}; 0 where the group is all zeros
 */
public record Int8Tensor(Shape shape, Granularity granularity, byte[] values, float[] scales) {

  public Int8Tensor {
    if (values.length != shape.elements()) {
      throw new IllegalArgumentException("values do not match shape " + shape);
    }
    if (scales.length != granularity.scaleCount(shape)) {
      throw new IllegalArgumentException(
          granularity
              + " needs "
              + granularity.scaleCount(shape)
              + " scales, got "
              + scales.length);
    }
  }

  /** The scale of the element at flat index {@code element}. */
  public float scaleOf(long element) {
    return scales[granularity.scaleIndex(shape, element)];
  }

  /** The codes as floats (exact): the operands of the integer tensor-core products. */
  public float[] codesAsFloats() {
    float[] x = new float[values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = values[i];
    }
    return x;
  }

  /** {@code values[i] · scale} in FP32 for every element: what the codes stand for. */
  public float[] dequantize() {
    float[] x = new float[values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = values[i] * scaleOf(i);
    }
    return x;
  }
}
