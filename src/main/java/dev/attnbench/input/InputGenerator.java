package dev.attnbench.input;

import dev.attnbench.InvalidInputException;
import dev.attnbench.numeric.Fp16;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded Q, K, V of a {@link Distribution}, rounded to FP16 (the kernels' input type). Each
 * (tensor, slice) pair has its own random stream derived from the seed, so the data does not depend
 * on the thread count and a slice can be regenerated alone.
 */
public final class InputGenerator {
  private InputGenerator() {}

  private static final int Q = 0;
  private static final int K = 1;
  private static final int V = 2;

  /**
   * The largest scaled score {@code |softmax_scale · log2(e) · q·k|} (the {@code m·r} of
   * docs/ARITHMETIC.md) the inputs may give. The kernels take {@code p = ex2(fma(u, r, -m·r))}
   * against {@code m·r} rounded to FP32, so the row maximum's p is {@code 2^δ} with δ up to half an
   * FP32 ulp of {@code m·r}, not 1. Below 2^16, δ ≤ 2^-9 and p ≤ 1.0014, which every method's P̃
   * still holds (FP16 one ulp above 1, INT8 rint(255·p) = 255) and the emulation rounds as the
   * kernels do. From 2^16, u8's rint(255·p) can reach 256, which the kernels' byte packing wraps to
   * 0 and the emulation does not (s8's 127 goes from 2^17); from 2^28 FP16's P̃ is inf and every
   * error NaN (uniform(0,65504) at D=64 and 1/sqrt(D)).
   */
  static final double MAX_SCALED_SCORE = 0x1p16;

  public static AttentionInputs generate(
      Shape shape, Distribution dist, double softmaxScale, long seed) {
    dist.checkHeadDim(shape.headDim());
    float[][] t = new float[3][Math.toIntExact(shape.elements())];
    IntStream.range(0, 3 * shape.slices())
        .parallel()
        .forEach(task -> fillSlice(t[task % 3], task % 3, task / 3, shape, dist, seed));
    checkScores(shape, dist, softmaxScale, t[Q], t[K]);
    return new AttentionInputs(shape, softmaxScale, t[Q], t[K], t[V]);
  }

  /**
   * Refuses inputs whose scaled scores could pass {@link #MAX_SCALED_SCORE}. It bounds them by
   * max‖q‖ · max‖k‖ (Cauchy–Schwarz: |q·k| ≤ ‖q‖·‖k‖), which takes O(N·D) where the scores
   * themselves take O(N²·D); the scale and the head dim set the scores as much as the distribution
   * does, so the check is made here, where all three are known.
   */
  private static void checkScores(
      Shape shape, Distribution dist, double softmaxScale, float[] q, float[] k) {
    double reach =
        softmaxScale
            / Math.log(2)
            * maxRowNorm(q, shape.headDim())
            * maxRowNorm(k, shape.headDim());
    if (reach > MAX_SCALED_SCORE) {
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "distribution '%s' is not allowed at head-dim %d and softmax scale %.4g: its scaled"
                  + " scores |scale·log2(e)·q·k| can reach %.4g (max‖q‖·max‖k‖), beyond %.0f,"
                  + " where the kernels' INT8 P̃ overflows; give a smaller spread or softmax"
                  + " scale",
              dist.id(),
              shape.headDim(),
              softmaxScale,
              reach,
              MAX_SCALED_SCORE));
    }
  }

  private static double maxRowNorm(float[] x, int headDim) {
    double max = 0;
    for (int row = 0; row < x.length; row += headDim) {
      double sq = 0;
      for (int c = row; c < row + headDim; c++) {
        sq += (double) x[c] * x[c];
      }
      max = Math.max(max, sq);
    }
    return Math.sqrt(max);
  }

  private static void fillSlice(
      float[] out, int tensor, int slice, Shape shape, Distribution dist, long seed) {
    SplittableRandom random = new SplittableRandom(mix(seed, tensor, slice));
    int from = shape.rowOffset(slice, 0);
    int to = from + (int) shape.sliceElements();
    switch (dist.kind()) {
      case NORMAL -> {
        for (int i = from; i < to; i++) {
          out[i] = Fp16.round((float) (dist.a() + dist.b() * random.nextGaussian()));
        }
      }
      case UNIFORM -> {
        for (int i = from; i < to; i++) {
          out[i] = Fp16.round((float) random.nextDouble(dist.a(), dist.b()));
        }
      }
      case OUTLIER -> {
        boolean[] chosen = chosenChannels(shape.headDim(), (int) dist.a(), seed, slice);
        boolean scaled = tensor != V;
        for (int i = from; i < to; i++) {
          double x = random.nextGaussian();
          boolean outlier = scaled && chosen[(i - from) % shape.headDim()];
          out[i] = Fp16.round((float) (outlier ? x * dist.b() : x));
        }
      }
      case KBIAS -> {
        double[] bias = new double[shape.headDim()];
        if (tensor == K) {
          boolean[] chosen = chosenChannels(shape.headDim(), (int) dist.a(), seed, slice);
          SplittableRandom signs = new SplittableRandom(mix(seed, 4, slice));
          for (int c = 0; c < bias.length; c++) {
            bias[c] = chosen[c] ? (signs.nextBoolean() ? dist.b() : -dist.b()) : 0;
          }
        }
        for (int i = from; i < to; i++) {
          out[i] = Fp16.round((float) (random.nextGaussian() + bias[(i - from) % shape.headDim()]));
        }
      }
    }
  }

  /** {@code count} distinct channels of one slice, chosen by the seed (the same for Q and K). */
  static boolean[] chosenChannels(int headDim, int count, long seed, int slice) {
    boolean[] chosen = new boolean[headDim];
    SplittableRandom random = new SplittableRandom(mix(seed, 3, slice));
    for (int placed = 0; placed < Math.min(headDim, count); ) {
      int c = random.nextInt(headDim);
      if (!chosen[c]) {
        chosen[c] = true;
        placed++;
      }
    }
    return chosen;
  }

  /**
   * A well-spread 64-bit seed per (seed, tensor, slice): SplitMix64 finalizer over the packed key.
   */
  private static long mix(long seed, int tensor, int slice) {
    long z = seed * 0x9E3779B97F4A7C15L + ((long) tensor << 32) + slice;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
