package dev.attnbench.input;

import dev.attnbench.numeric.Fp16;
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

  public static AttentionInputs generate(
      Shape shape, Distribution dist, double softmaxScale, long seed) {
    float[][] t = new float[3][Math.toIntExact(shape.elements())];
    IntStream.range(0, 3 * shape.slices())
        .parallel()
        .forEach(task -> fillSlice(t[task % 3], task % 3, task / 3, shape, dist, seed));
    return new AttentionInputs(shape, softmaxScale, t[Q], t[K], t[V]);
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
