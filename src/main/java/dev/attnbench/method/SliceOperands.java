package dev.attnbench.method;

import dev.attnbench.input.Shape;

/**
 * The operands of one (batch, head) slice, laid out for the loop's inner products. Values are the
 * exact operand values in FP64: every operand product (FP16·FP16, FP8·FP8, s8·s8, u8·s8) is exact
 * in FP64, and a block's sums are exact integers for the INT8 methods (|Σ| < 2^53), so one FP64 dot
 * product gives the INT8 methods their exact int32 sums and the FP methods the "exact sum, rounded
 * once to FP32" of docs/ARITHMETIC.md.
 *
 * @param q Q operand of the evaluated rows, [rows, D]
 * @param keyBlocks K operand in blocks of Bc keys, each block transposed to [D, Bc] (zero-padded
 *     past N), so a block's Bc scores accumulate as one vectorizable loop over keys per channel
 * @param keyScale per-key factor of the score ({@code s_k}), [N], or null
 * @param rowFactor {@code r} of each evaluated row
 * @param v V operand, [N, D]
 * @param finalScale {@code fs_d}, [D]
 */
record SliceOperands(
    double[] q,
    double[] keyBlocks,
    float[] keyScale,
    float[] rowFactor,
    double[] v,
    float[] finalScale) {

  /** Lays out slice {@code slice}'s operands for the rows {@code rows}. */
  static SliceOperands of(
      Recipe recipe,
      ScoreOperands.Prepared scores,
      ValueOperands.Prepared values,
      int slice,
      int[] rows,
      int keyBlock) {
    Shape shape = scores.shape();
    int n = shape.seqLen();
    int d = shape.headDim();
    int base = shape.rowOffset(slice, 0);

    double[] q = new double[rows.length * d];
    float[] rowFactor = new float[rows.length];
    for (int t = 0; t < rows.length; t++) {
      for (int c = 0; c < d; c++) {
        q[t * d + c] = scores.q()[base + rows[t] * d + c];
      }
      rowFactor[t] = scores.rowFactor(slice, rows[t]);
    }

    int blocks = (n + keyBlock - 1) / keyBlock;
    double[] keyBlocks = new double[blocks * d * keyBlock];
    float[] k = scores.k();
    for (int j = 0; j < n; j++) {
      int blockBase = (j / keyBlock) * d * keyBlock + j % keyBlock;
      for (int c = 0; c < d; c++) {
        keyBlocks[blockBase + c * keyBlock] = k[base + j * d + c];
      }
    }
    float[] keyScale = null;
    if (scores.keyScale() != null) {
      keyScale = new float[n];
      System.arraycopy(scores.keyScale(), slice * n, keyScale, 0, n);
    }

    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.v()[base + i];
    }
    float[] finalScale = new float[d];
    for (int c = 0; c < d; c++) {
      finalScale[c] = recipe.finalScale(values.scale(slice, d, c));
    }
    return new SliceOperands(q, keyBlocks, keyScale, rowFactor, v, finalScale);
  }

  /** {@code u_k} of keys {@code [j0, j0 + len)} from their exact dot products. */
  void scores(double[] dots, int j0, int len, float[] u) {
    if (keyScale == null) {
      for (int k = 0; k < len; k++) {
        u[k] = (float) dots[k];
      }
    } else {
      for (int k = 0; k < len; k++) {
        u[k] = (float) dots[k] * keyScale[j0 + k];
      }
    }
  }
}
