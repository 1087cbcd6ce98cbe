package dev.attnbench.reference;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import java.util.stream.IntStream;

/**
 * softmax(Q·Kᵀ·scale)·V in FP64 from the FP16 inputs, the yardstick of every error figure. It
 * streams over keys in blocks with an online softmax, so no N×N matrix is ever held (N = 16k would
 * need 2 GiB per head), and evaluates only the rows of a {@link RowSample}; rows are independent,
 * so a sampled row is exact.
 */
public final class Fp64Attention {
  private Fp64Attention() {}

  /** Keys per streaming block: large enough to amortize the rescale, small enough for L1. */
  static final int KEY_BLOCK = 256;

  /**
   * Rows per parallel task; tasks are (slice, row chunk) pairs so few-slice runs use every core.
   */
  private static final int ROWS_PER_TASK = 16;

  /**
   * @return outputs of layout [slice, evaluated row, D]
   */
  public static double[] forward(AttentionInputs in, RowSample rows) {
    Shape shape = in.shape();
    int d = shape.headDim();
    double[] out = new double[Math.toIntExact(rows.totalRows() * d)];
    int[] firstTask = new int[shape.slices() + 1];
    for (int s = 0; s < shape.slices(); s++) {
      firstTask[s + 1] = firstTask[s] + (rows.rowsPerSlice(s) + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    }
    IntStream.range(0, firstTask[shape.slices()])
        .parallel()
        .forEach(
            task -> {
              int slice = sliceOf(firstTask, task);
              int[] r = rows.rows()[slice];
              int from = (task - firstTask[slice]) * ROWS_PER_TASK;
              int to = Math.min(r.length, from + ROWS_PER_TASK);
              double[] scores = new double[KEY_BLOCK];
              double[] acc = new double[d];
              int outBase = rows.outputOffset(slice, d);
              for (int j = from; j < to; j++) {
                row(in, slice, r[j], scores, acc);
                System.arraycopy(acc, 0, out, outBase + j * d, d);
              }
            });
    return out;
  }

  private static int sliceOf(int[] firstTask, int task) {
    int s = 0;
    while (firstTask[s + 1] <= task) {
      s++;
    }
    return s;
  }

  /** One query row: online softmax over key blocks; leaves the normalized output in {@code acc}. */
  private static void row(AttentionInputs in, int slice, int i, double[] scores, double[] acc) {
    Shape shape = in.shape();
    int d = shape.headDim();
    int keys = shape.causal() ? i + 1 : shape.seqLen();
    float[] q = in.q();
    float[] k = in.k();
    float[] v = in.v();
    int qOff = shape.rowOffset(slice, i);
    int kvBase = shape.rowOffset(slice, 0);
    double scale = in.softmaxScale();
    double m = Double.NEGATIVE_INFINITY;
    double l = 0;
    java.util.Arrays.fill(acc, 0);
    for (int start = 0; start < keys; start += KEY_BLOCK) {
      int n = Math.min(KEY_BLOCK, keys - start);
      double blockMax = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        int kOff = kvBase + (start + j) * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += (double) q[qOff + c] * k[kOff + c];
        }
        scores[j] = s * scale;
        blockMax = Math.max(blockMax, scores[j]);
      }
      double mNew = Math.max(m, blockMax);
      double alpha = Math.exp(m - mNew); // exp(-inf) = 0 on the first block
      l *= alpha;
      for (int c = 0; c < d; c++) {
        acc[c] *= alpha;
      }
      for (int j = 0; j < n; j++) {
        double p = Math.exp(scores[j] - mNew);
        l += p;
        int vOff = kvBase + (start + j) * d;
        for (int c = 0; c < d; c++) {
          acc[c] += p * v[vOff + c];
        }
      }
      m = mNew;
    }
    for (int c = 0; c < d; c++) {
      acc[c] /= l;
    }
  }
}
