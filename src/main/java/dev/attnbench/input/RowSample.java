package dev.attnbench.input;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The query rows evaluated in each (batch, head) slice. FlashAttention rows are independent, so a
 * sampled row gets the exact output a full run would give it. The last row (N-1) is always
 * included, so the paper's "last 4 elements" metric is available on sampled runs too.
 *
 * @param rows rows[slice] is a sorted array of distinct row indices in [0, N)
 */
public record RowSample(int seqLen, int[][] rows) {

  /** Every row of every slice. */
  public static RowSample all(Shape shape) {
    int[] every = new int[shape.seqLen()];
    for (int i = 0; i < every.length; i++) {
      every[i] = i;
    }
    int[][] rows = new int[shape.slices()][];
    Arrays.fill(rows, every);
    return new RowSample(shape.seqLen(), rows);
  }

  /**
   * {@code count} distinct rows per slice, drawn independently per slice from {@code seed}; all
   * rows when {@code count >= N}.
   */
  public static RowSample sample(Shape shape, int count, long seed) {
    int n = shape.seqLen();
    if (count >= n) {
      return all(shape);
    }
    if (count < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[][] rows = new int[shape.slices()][];
    for (int s = 0; s < rows.length; s++) {
      // Floyd's algorithm: count-1 distinct rows of [0, N-1) without an N-sized shuffle, plus N-1.
      BitSet chosen = new BitSet(n);
      int pool = n - 1;
      for (int j = pool - (count - 1); j < pool; j++) {
        int t = random.nextInt(j + 1);
        chosen.set(chosen.get(t) ? j : t);
      }
      chosen.set(n - 1);
      rows[s] = chosen.stream().toArray();
    }
    return new RowSample(n, rows);
  }

  public int rowsPerSlice(int slice) {
    return rows[slice].length;
  }

  /** Total evaluated rows over all slices. */
  public long totalRows() {
    long t = 0;
    for (int[] r : rows) {
      t += r.length;
    }
    return t;
  }

  /** Offset of the first output of slice {@code slice} in an output array of [slices, rows, D]. */
  public int outputOffset(int slice, int headDim) {
    long off = 0;
    for (int s = 0; s < slice; s++) {
      off += rows[s].length;
    }
    return Math.toIntExact(off * headDim);
  }

  public boolean isFull() {
    for (int[] r : rows) {
      if (r.length != seqLen) return false;
    }
    return true;
  }
}
