package dev.attnbench.method;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import java.util.stream.IntStream;

/**
 * The CPU emulation of a method: its {@link Recipe}'s quantization over the whole tensors, then the
 * shared {@link FlashAttentionLoop} over the sampled rows of each slice.
 */
public final class FlashAttentionEmulation implements AttentionEmulation {

  /**
   * Query rows per parallel task and per lock-step tile: enough to reuse each K/V block from cache.
   */
  static final int ROWS_PER_TILE = 16;

  private final Method method;
  private final MmaPath path;

  public FlashAttentionEmulation(Method method, MmaPath path) {
    this.method = method;
    this.path = path;
  }

  @Override
  public Method method() {
    return method;
  }

  @Override
  public float[] forward(AttentionInputs inputs, RowSample rows) {
    Shape shape = inputs.shape();
    if (rows.seqLen() != shape.seqLen() || rows.rows().length != shape.slices()) {
      throw new IllegalArgumentException("row sample does not match shape " + shape);
    }
    int d = shape.headDim();
    int keyBlock = KernelTraits.keyBlock(method, d, path);
    Recipe recipe = Recipe.of(method, d);
    ScoreOperands.Prepared scores = recipe.scores().prepare(inputs);
    ValueOperands.Prepared values = recipe.values().prepare(inputs);
    FlashAttentionLoop loop =
        new FlashAttentionLoop(recipe, keyBlock, shape.seqLen(), d, shape.causal());
    float[] out = new float[Math.toIntExact(rows.totalRows() * d)];
    // Slices one after another, so only one slice's FP64 operand copies are alive at a time; the
    // row tiles of a slice run in parallel.
    for (int s = 0; s < shape.slices(); s++) {
      int[] r = rows.rows()[s];
      SliceOperands ops = SliceOperands.of(recipe, scores, values, s, r, keyBlock);
      int outBase = rows.outputOffset(s, d);
      int tiles = (r.length + ROWS_PER_TILE - 1) / ROWS_PER_TILE;
      IntStream.range(0, tiles)
          .parallel()
          .forEach(
              tile -> {
                int from = tile * ROWS_PER_TILE;
                int to = Math.min(r.length, from + ROWS_PER_TILE);
                loop.run(ops, r, from, to, out, outBase + from * d);
              });
    }
    return out;
  }
}
