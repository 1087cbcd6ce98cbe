package dev.attnbench.backend.cuda;

import dev.attnbench.numeric.Fp16;
import java.util.stream.IntStream;

/** FP16 bit patterns of float arrays whose values are already FP16 (the harness's inputs). */
final class HalfBits {
  private HalfBits() {}

  /** {@code Fp16.toBits} of every element; parallel, since tensors reach 268M elements. */
  static short[] of(float[] x) {
    short[] bits = new short[x.length];
    IntStream.range(0, (x.length + 65535) >>> 16)
        .parallel()
        .forEach(
            chunk -> {
              int to = Math.min(x.length, (chunk + 1) << 16);
              for (int i = chunk << 16; i < to; i++) {
                bits[i] = Fp16.toBits(x[i]);
              }
            });
    return bits;
  }
}
