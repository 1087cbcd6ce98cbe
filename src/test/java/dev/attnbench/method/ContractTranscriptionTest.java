package dev.attnbench.method;

import static dev.attnbench.method.EmulationTestSupport.inputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution.Kind;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.numeric.Fp16;
import dev.attnbench.numeric.Fp8Format;
import dev.attnbench.quant.Fp8Quantizer;
import dev.attnbench.quant.Fp8Tensor;
import dev.attnbench.quant.Int8Quantizer;
import dev.attnbench.quant.Int8Tensor;
import dev.attnbench.quant.KSmoothing;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The emulations against a second, deliberately naive transcription of docs/ARITHMETIC.md: one row
 * at a time, its own table of methods, INT8 sums in {@code long} and FP sums in FP64 key by key.
 * The two must agree bit for bit, which pins the shared loop, its tiling, the policies and each
 * method's recipe to the contract.
 */
class ContractTranscriptionTest {

  @ParameterizedTest
  @EnumSource(Method.class)
  void emulationMatchesNaiveTranscriptionNonCausal(Method m) {
    check(m, false, 301);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void emulationMatchesNaiveTranscriptionCausal(Method m) {
    check(m, true, 302);
  }

  /**
   * D = 128: where int8-half's denominator counts p rather than P̃ (fp8-native's counts P̃ at both
   * D).
   */
  @ParameterizedTest
  @EnumSource(Method.class)
  void emulationMatchesNaiveTranscriptionAtD128(Method m) {
    check(m, false, 303, 128);
  }

  /** D = 128 on mma.sync, where fp16 and int8-half run 64-key blocks (kernels v54). */
  @ParameterizedTest
  @EnumSource(Method.class)
  void emulationMatchesNaiveTranscriptionAtD128OnMmaSync(Method m) {
    check(m, true, 304, 128, MmaPath.MMA_SYNC);
  }

  /**
   * The FP8-storage methods run 128-key blocks on wgmma, 64 on mma.sync (v59 at D = 64, v60 at D =
   * 128, where the two tests above cover both paths).
   */
  @ParameterizedTest
  @EnumSource(
      value = Method.class,
      names = {"FP8", "FP8_E4M3"})
  void emulationMatchesNaiveTranscriptionAtD64OnBothPaths(Method m) {
    check(m, false, 306, 64, MmaPath.WGMMA);
    check(m, true, 307, 64, MmaPath.MMA_SYNC);
  }

  /**
   * The path's Bc is rounding, not bookkeeping: on fresh random inputs fp16 at D = 128, and fp8 at
   * D = 64, round differently in 64-key blocks (mma.sync) than in 128-key blocks (wgmma).
   */
  @Test
  void theTwoPathsRoundFp16AtD128AndFp8AtD64Differently() {
    for (Method m : new Method[] {Method.FP16, Method.FP8}) {
      Shape shape = new Shape(1, 1, 300, m == Method.FP16 ? 128 : 64, false);
      AttentionInputs in = inputs(shape, Kind.NORMAL, 305);
      RowSample rows = RowSample.sample(shape, 40, 305);
      assertFalse(
          Arrays.equals(
              Emulations.of(m, MmaPath.MMA_SYNC).forward(in, rows),
              Emulations.of(m, MmaPath.WGMMA).forward(in, rows)),
          m.id());
    }
  }

  private static void check(Method m, boolean causal, long seed) {
    check(m, causal, seed, 16);
  }

  private static void check(Method m, boolean causal, long seed, int headDim) {
    check(m, causal, seed, headDim, MmaPath.WGMMA);
  }

  private static void check(Method m, boolean causal, long seed, int headDim, MmaPath path) {
    Shape shape = new Shape(2, 1, 150, headDim, causal); // 150: the last key block is partial
    AttentionInputs in = inputs(shape, Kind.NORMAL, seed);
    RowSample rows = RowSample.sample(shape, 40, seed);
    assertArrayEquals(transcribe(m, path, in, rows), Emulations.of(m, path).forward(in, rows));
  }

  /** One method's operands, straight from the table. */
  private record Table(
      float[] q,
      float[] k,
      float[] v, // operand values
      boolean integer, // INT8 Q·K and P̃·V: sums in long
      float[] sq,
      float[] sk, // per-token scales or null
      float r, // r (FP methods) or c (INT8 methods)
      PRule pRule,
      boolean wIsPTilde,
      IntUnaryOperator vScaleIndex, // slice*D + d -> index into vScales
      float[] vScales,
      float pFactor) {}

  private interface PRule {
    float apply(float p);
  }

  private static Table table(Method m, AttentionInputs in) {
    Shape sh = in.shape();
    float c = in.scaleLog2();
    IntUnaryOperator perTensor = i -> 0;
    IntUnaryOperator perChannel = i -> i;
    float[] one = {1f};
    switch (m) {
      case FP16:
        return new Table(
            in.q(), in.k(), in.v(), false, null, null, c, Fp16::round, false, perTensor, one, 1);
      case FP8:
        {
          Fp8Format f = Fp8Format.E5M2;
          return new Table(
              map(in.q(), f),
              map(in.k(), f),
              map(in.v(), f),
              false,
              null,
              null,
              c,
              f::round,
              false,
              perTensor,
              one,
              1);
        }
      case FP8_E4M3:
      case FP8_NATIVE:
        {
          Fp8Tensor q = Fp8Quantizer.scaledE4m3(in.q());
          Fp8Tensor k = Fp8Quantizer.scaledE4m3(in.k());
          Fp8Tensor v = Fp8Quantizer.scaledE4m3(in.v());
          float r = (c * q.scale()) * k.scale();
          return new Table(
              q.operandValues(),
              k.operandValues(),
              v.operandValues(),
              false,
              null,
              null,
              r,
              p -> Fp8Format.E4M3.round(p * 256f),
              // fp8-native counts P̃, summed by its tensor cores (v51 at D = 64, v52 at D = 128)
              m == Method.FP8_NATIVE,
              perTensor,
              new float[] {v.scale()},
              256);
        }
      case INT8_HALF:
        {
          Int8Tensor q = Int8Quantizer.perToken(in.q(), sh);
          Int8Tensor k = Int8Quantizer.perToken(in.k(), sh);
          // FP16 V with INT8 Q, K: the P·V sum is an FP sum, so mark the table non-integer and keep
          // the integer Q·K by passing codes (exact either way).
          return new Table(
              q.codesAsFloats(),
              k.codesAsFloats(),
              in.v(),
              false,
              q.scales(),
              k.scales(),
              c,
              Fp16::round,
              // w = P̃ up to D = 64, where the kernel takes the row sums of the f16 P̃ from the
              // tensor cores (v51); p above
              sh.headDim() <= 64,
              perTensor,
              one,
              1);
        }
      default:
        {
          Method.Int8Variant var = m.int8Variant().orElseThrow();
          Int8Tensor q = Int8Quantizer.perToken(in.q(), sh);
          Int8Tensor k =
              var.smoothK()
                  ? Int8Quantizer.perToken(KSmoothing.smooth(in.k(), sh).values(), sh)
                  : Int8Quantizer.perToken(in.k(), sh);
          Int8Tensor v =
              var.perChannelV()
                  ? Int8Quantizer.perChannel(in.v(), sh)
                  : Int8Quantizer.perTensor(in.v(), sh);
          float levels = var.u8P() ? 255f : 127f;
          return new Table(
              q.codesAsFloats(),
              k.codesAsFloats(),
              v.codesAsFloats(),
              true,
              q.scales(),
              k.scales(),
              c,
              p -> (float) Math.rint((double) p * levels), // rint(p·levels), the product exact
              var.quantizedDenominator(),
              var.perChannelV() ? perChannel : perTensor,
              v.scales(),
              levels);
        }
    }
  }

  private static float[] map(float[] x, Fp8Format f) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.round(x[i]);
    }
    return y;
  }

  private static double naiveExactSum(double[] terms) {
    double sum = 0;
    for (double x : terms) {
      sum += x;
    }
    return sum;
  }

  /**
   * Groups of 32 terms onto a running FP32 sum from 0; in each group the sum and the terms are cut
   * toward zero (a long cast) to multiples of 2^(e - 13), e the exponent of the largest of them.
   */
  private static double naiveFp8WgmmaSum(double[] terms) {
    float c = 0;
    for (int g = 0; g < terms.length; g += 32) {
      double max = Math.abs(c);
      for (int i = g; i < Math.min(g + 32, terms.length); i++) {
        max = Math.max(max, Math.abs(terms[i]));
      }
      if (max == 0) {
        continue;
      }
      double unit = Math.pow(2, Math.floor(Math.log(max) / Math.log(2) + 1e-12) - 13);
      double sum = (long) (c / unit) * unit;
      for (int i = g; i < Math.min(g + 32, terms.length); i++) {
        sum += (long) (terms[i] / unit) * unit;
      }
      c = (float) sum;
    }
    return c;
  }

  private static float[] transcribe(
      Method method, MmaPath path, AttentionInputs in, RowSample rows) {
    Shape sh = in.shape();
    int n = sh.seqLen();
    int d = sh.headDim();
    int bc = KernelTraits.keyBlock(method, d, path);
    Table t = table(method, in);
    // docs/ARITHMETIC.md: fp8-native's sums are those of Hopper's FP8 tensor cores.
    boolean fp8TensorCore = method == Method.FP8_NATIVE;
    float[] out = new float[(int) rows.totalRows() * d];
    for (int s = 0; s < sh.slices(); s++) {
      for (int ri = 0; ri < rows.rows()[s].length; ri++) {
        int i = rows.rows()[s][ri];
        int qOff = sh.rowOffset(s, i);
        float r = t.sq == null ? t.r : t.sq[s * n + i] * t.r;
        float m = Float.NEGATIVE_INFINITY;
        float l = 0;
        float[] acc = new float[d];
        int keys = sh.causal() ? i + 1 : n;
        for (int j0 = 0; j0 < keys; j0 += bc) {
          int len = Math.min(bc, keys - j0);
          float[] u = new float[len];
          for (int k = 0; k < len; k++) {
            int kOff = sh.rowOffset(s, j0 + k);
            if (t.sk != null) {
              long dot = 0;
              for (int e = 0; e < d; e++) {
                dot += (long) t.q[qOff + e] * (long) t.k[kOff + e];
              }
              u[k] = (float) dot * t.sk[s * n + j0 + k];
            } else {
              double[] terms = new double[d];
              for (int e = 0; e < d; e++) {
                terms[e] = (double) t.q[qOff + e] * t.k[kOff + e];
              }
              u[k] = (float) (fp8TensorCore ? naiveFp8WgmmaSum(terms) : naiveExactSum(terms));
            }
          }
          float mNew = m;
          for (float x : u) {
            mNew = Math.max(mNew, x);
          }
          float mr = mNew * r;
          float alpha = m == Float.NEGATIVE_INFINITY ? 0 : (float) Math.pow(2, (m - mNew) * r);
          float[] pt = new float[len];
          // w = P̃ on the FP8 tensor cores is summed as P̃·V is, every step of the block; w = p
          // on the FP32 pipes, exactly
          boolean fp8RowSums = fp8TensorCore && t.wIsPTilde;
          double[] w = new double[fp8RowSums ? bc : len];
          for (int k = 0; k < len; k++) {
            float p = (float) Math.pow(2, Math.fma(u[k], r, -mr));
            pt[k] = t.pRule.apply(p);
            w[k] = t.wIsPTilde ? pt[k] : p;
          }
          double rowSum = fp8RowSums ? naiveFp8WgmmaSum(w) : naiveExactSum(w);
          l = l * alpha + (float) rowSum;
          for (int e = 0; e < d; e++) {
            float pv;
            if (t.integer) {
              long sum = 0;
              for (int k = 0; k < len; k++) {
                sum += (long) pt[k] * (long) t.v[sh.rowOffset(s, j0 + k) + e];
              }
              pv = (float) sum;
            } else {
              // the FP8 tensor cores chain every step of the block, masked keys adding 0
              double[] terms = new double[fp8TensorCore ? bc : len];
              for (int k = 0; k < len; k++) {
                terms[k] = (double) pt[k] * t.v[sh.rowOffset(s, j0 + k) + e];
              }
              pv = (float) (fp8TensorCore ? naiveFp8WgmmaSum(terms) : naiveExactSum(terms));
            }
            // the 8-bit P̃·V (INT8, fp8-native) folds its block sum with one FMA
            acc[e] = t.integer || fp8TensorCore ? Math.fma(acc[e], alpha, pv) : acc[e] * alpha + pv;
          }
          m = mNew;
        }
        float invL = 1 / l;
        for (int e = 0; e < d; e++) {
          float vs = t.vScales[t.vScaleIndex.applyAsInt(s * d + e)];
          float fs = t.wIsPTilde ? vs : vs / t.pFactor;
          out[rows.outputOffset(s, d) + ri * d + e] = Fp16.round(acc[e] * invL * fs);
        }
      }
    }
    return out;
  }
}
