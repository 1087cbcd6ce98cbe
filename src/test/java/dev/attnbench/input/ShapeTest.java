package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShapeTest {

  /**
   * The FLOPs every TFLOP/s figure divides by: Q·Kᵀ and P·V, 2·N·N·D each per (batch, head), and
   * half of that under the causal mask (the convention of FlashAttention's benchmarks, and the
   * paper's). Counted here as the two products' multiply-adds, on random shapes.
   */
  @Test
  void flopsAreTwoMatrixProductsPerHeadHalvedUnderTheMask() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20; i++) {
      int b = 1 + random.nextInt(8);
      int h = 1 + random.nextInt(64);
      int n = 1 + random.nextInt(20_000);
      int d = 16 * (1 + random.nextInt(16));
      double macsPerProduct = (double) n * n * d; // an N×D by D×N product, and N×N by N×D
      double full = b * h * 2 * (2 * macsPerProduct);
      String why = "seed " + seed + ": B=" + b + " H=" + h + " N=" + n + " D=" + d;
      assertEquals(full, new Shape(b, h, n, d, false).flops(), 1e-9 * full, why);
      assertEquals(full / 2, new Shape(b, h, n, d, true).flops(), 1e-9 * full, why);
    }
  }
}
