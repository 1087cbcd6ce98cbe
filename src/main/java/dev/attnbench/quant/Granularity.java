package dev.attnbench.quant;

import dev.attnbench.input.Shape;

/** Which elements of a [B, H, N, D] tensor share one quantization scale. */
public enum Granularity {
  /** One scale per row of D values (a query or key token); scales [B, H, N]. */
  PER_TOKEN,
  /** One scale per (batch, head, channel) over the N tokens; scales [B, H, D]. */
  PER_CHANNEL,
  /** One scale for the whole tensor; scales [1]. */
  PER_TENSOR;

  /** The number of scales for a tensor of {@code shape}. */
  public int scaleCount(Shape shape) {
    return switch (this) {
      case PER_TOKEN -> shape.slices() * shape.seqLen();
      case PER_CHANNEL -> shape.slices() * shape.headDim();
      case PER_TENSOR -> 1;
    };
  }

  /** Index into the scales array of the element at flat [B, H, N, D] index {@code element}. */
  public int scaleIndex(Shape shape, long element) {
    int d = shape.headDim();
    return switch (this) {
      case PER_TOKEN -> (int) (element / d);
      case PER_CHANNEL -> (int) (element / shape.sliceElements() * d + element % d);
      case PER_TENSOR -> 0;
    };
  }
}
