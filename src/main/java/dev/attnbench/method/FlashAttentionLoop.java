package dev.attnbench.method;

import dev.attnbench.numeric.Fp16;
import java.util.Arrays;

/**
 * The one online-softmax FlashAttention loop of docs/ARITHMETIC.md, shared by every method; the
 * methods differ only in the {@link Recipe}'s policies and the {@link SliceOperands} they prepare.
 *
 * <p>Like the kernel, it advances a tile of query rows through the key blocks in lock-step, so each
 * block of K and V is fetched once per tile rather than once per row. Every row's arithmetic
 * depends on that row alone, so the tiling never changes a result.
 */
final class FlashAttentionLoop {
  private final PRounding pRounding;
  private final DenominatorWeight weight;
  private final TensorCoreSum sums;
  private final BlockFold fold;
  private final int keyBlock;
  private final int seqLen;
  private final int headDim;
  private final boolean causal;

  FlashAttentionLoop(Recipe recipe, int keyBlock, int seqLen, int headDim, boolean causal) {
    this.pRounding = recipe.p();
    this.weight = recipe.weight();
    this.sums = recipe.sums();
    this.fold = recipe.fold();
    this.keyBlock = keyBlock;
    this.seqLen = seqLen;
    this.headDim = headDim;
    this.causal = causal;
  }

  /**
   * Evaluates the evaluated rows {@code [from, to)} of a slice ({@code rows[t]} is row t's query
   * index) and writes their outputs to {@code out} from {@code outBase}, [to − from, D].
   */
  void run(SliceOperands ops, int[] rows, int from, int to, float[] out, int outBase) {
    int tile = to - from;
    int d = headDim;
    float[] m = new float[tile];
    float[] l = new float[tile];
    float[] acc = new float[tile * d];
    int[] lastKey = new int[tile];
    Arrays.fill(m, Float.NEGATIVE_INFINITY);
    int maxLastKey = 0;
    for (int t = 0; t < tile; t++) {
      lastKey[t] = causal ? rows[from + t] : seqLen - 1; // top-left causal: row i sees keys j <= i
      maxLastKey = Math.max(maxLastKey, lastKey[t]);
    }
    double[] dots = new double[keyBlock];
    float[] u = new float[keyBlock];
    float[] p = new float[keyBlock];
    float[] pTilde = new float[keyBlock];
    double[] pv = new double[d];
    float[] w = weight == DenominatorWeight.P ? p : pTilde;
    // The FP8 tensor-core sums need every product of a block before adding them; allocated once.
    double[] terms = sums == TensorCoreSum.FP8_WGMMA ? new double[keyBlock * d] : null;

    for (int j0 = 0; j0 <= maxLastKey; j0 += keyBlock) {
      int blockBase = j0 * d; // the block's [D, Bc] slab in keyBlocks
      for (int t = 0; t < tile; t++) {
        if (j0 > lastKey[t]) {
          continue; // every key of the block is masked for this row: alpha = 1, P = 0
        }
        // Keys past lastKey are masked (-inf score, P = 0): they are simply left out of the block.
        int len = Math.min(keyBlock, lastKey[t] - j0 + 1);
        int row = from + t;
        blockDots(ops.q(), row * d, ops.keyBlocks(), blockBase, len, dots, terms);
        ops.scores(dots, j0, len, u);

        float r = ops.rowFactor()[row];
        float mOld = m[t];
        float mNew = mOld;
        for (int k = 0; k < len; k++) {
          mNew = Math.max(mNew, u[k]);
        }
        float mr = mNew * r;
        float alpha = mOld == Float.NEGATIVE_INFINITY ? 0f : ex2((mOld - mNew) * r);
        for (int k = 0; k < len; k++) {
          p[k] = ex2(Math.fma(u[k], r, -mr));
        }
        pRounding.applyBlock(p, pTilde, len);

        l[t] = l[t] * alpha + (float) blockRowSum(w, len, terms);

        blockPv(pTilde, ops.v(), j0, len, pv, terms);
        fold.apply(acc, t * d, alpha, pv, d);
        m[t] = mNew;
      }
    }

    float[] fs = ops.finalScale();
    for (int t = 0; t < tile; t++) {
      float invL = 1f / l[t];
      int a = t * d;
      int o = outBase + t * d;
      for (int c = 0; c < d; c++) {
        out[o + c] = Fp16.round(acc[a + c] * invL * fs[c]);
      }
    }
  }

  /**
   * {@code dots[k] = Σ_c q[c]·K[j0+k, c]} for the {@code len} keys of one block: exactly, or as the
   * FP8 tensor core adds ({@link TensorCoreSum}).
   */
  private void blockDots(
      double[] q,
      int qBase,
      double[] keyBlocks,
      int blockBase,
      int len,
      double[] dots,
      double[] terms) {
    if (sums == TensorCoreSum.FP8_WGMMA) {
      for (int k = 0; k < len; k++) {
        for (int c = 0; c < headDim; c++) {
          terms[c] = q[qBase + c] * keyBlocks[blockBase + c * keyBlock + k];
        }
        dots[k] = chainedFp8Steps(terms, 0, headDim, 1);
      }
      return;
    }
    Arrays.fill(dots, 0, len, 0.0);
    for (int c = 0; c < headDim; c++) {
      double qc = q[qBase + c];
      int kb = blockBase + c * keyBlock;
      for (int k = 0; k < len; k++) { // vectorizes: one independent sum per key
        dots[k] += qc * keyBlocks[kb + k];
      }
    }
  }

  /**
   * {@code pv[c] = Σ_k P̃_k·Ṽ[j0+k, c]} for the {@code len} keys of one block: exactly, or as the
   * FP8 tensor core adds ({@link TensorCoreSum}; the sum starts from 0 each block, as the
   * kernel's). The kernel issues all Bc/32 steps of a block whatever {@code len}, the masked keys'
   * products being 0; under the model a step of zeros still cuts the running sum to its 13 bits, so
   * the chain here runs over the whole block too.
   */
  private void blockPv(float[] pTilde, double[] v, int j0, int len, double[] pv, double[] terms) {
    if (sums == TensorCoreSum.FP8_WGMMA) {
      for (int k = 0; k < len; k++) {
        int vb = (j0 + k) * headDim;
        for (int c = 0; c < headDim; c++) {
          terms[k * headDim + c] = pTilde[k] * v[vb + c];
        }
      }
      Arrays.fill(terms, len * headDim, keyBlock * headDim, 0.0);
      for (int c = 0; c < headDim; c++) {
        pv[c] = chainedFp8Steps(terms, c, keyBlock, headDim);
      }
      return;
    }
    Arrays.fill(pv, 0.0);
    for (int k = 0; k < len; k++) {
      double pk = pTilde[k];
      if (pk == 0) {
        continue; // exact: adds nothing (most P̃ of a long row round to zero)
      }
      int vb = (j0 + k) * headDim;
      for (int c = 0; c < headDim; c++) {
        pv[c] += pk * v[vb + c];
      }
    }
  }

  /**
   * {@code Σ_k w_k} over the {@code len} keys of one block: exactly, or where the FP8 tensor cores
   * sum P̃ (P̃ times a tile of ones, fp8-native) as they add P̃·V, over the whole block's steps.
   */
  private double blockRowSum(float[] w, int len, double[] terms) {
    if (sums == TensorCoreSum.FP8_WGMMA && weight == DenominatorWeight.P_TILDE) {
      for (int k = 0; k < len; k++) {
        terms[k] = w[k];
      }
      Arrays.fill(terms, len, keyBlock, 0.0);
      return chainedFp8Steps(terms, 0, keyBlock, 1);
    }
    double rowSum = 0;
    for (int k = 0; k < len; k++) {
      rowSum += w[k];
    }
    return rowSum;
  }

  /** {@code n} terms (stride {@code stride}) added 32 at a time onto a running FP32 sum from 0. */
  private static double chainedFp8Steps(double[] terms, int from, int n, int stride) {
    double c = 0;
    for (int i = 0; i < n; i += TensorCoreSum.GROUP) {
      c =
          TensorCoreSum.fp8Step(
              c, terms, from + i * stride, Math.min(TensorCoreSum.GROUP, n - i), stride);
    }
    return c;
  }

  /** {@code ex2(x)}: the GPU's ex2.approx.ftz.f32 is within 2 ulp of this correctly rounded 2^x. */
  static float ex2(float x) {
    return (float) Math.pow(2, x);
  }
}
