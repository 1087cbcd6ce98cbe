package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * s_k as the kernels read it: [B, H, Npad], each key's scale at its {@code sk_position} in its
 * (b,h)'s row, zeros for the keys past N.
 */
class KeyScalesLayoutTest {

  @Test
  void eachThreadsKeysOfAGroupLieTogetherInTheirTileOrder() {
    // Lane t of a Q·Kᵀ fragment holds keys 8j + 2t and 8j + 2t + 1 of n8 tile j: within a 64-key
    // group the scales of its tiles j and j + 1 (j even) must fill one 16-byte piece, and the four
    // lanes' pieces of a tile pair 64 consecutive bytes (one LDS.128 each, no bank conflict).
    for (int group = 0; group < 3; group++) {
      boolean[] taken = new boolean[64];
      for (int t = 0; t < 4; t++) {
        for (int j = 0; j < 8; j++) {
          for (int e = 0; e < 2; e++) {
            int position = CudaAttention.skPosition(64 * group + 8 * j + 2 * t + e) - 64 * group;
            assertEquals(16 * (j / 2) + 4 * t + 2 * (j % 2) + e, position, "t=" + t + " j=" + j);
            assertTrue(!taken[position], "position " + position + " taken twice");
            taken[position] = true;
          }
        }
      }
    }
  }

  @Test
  void eachSliceKeepsItsScalesInItsPaddedRowAndZerosForTheKeysPastN() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    // N below, at and past the padding unit, odd, and one key; B = 1, H = 1 among them.
    for (int n : new int[] {1, 17, 127, 128, 129, 1000}) {
      Shape s = new Shape(1 + random.nextInt(3), 1 + random.nextInt(4), n, 64, false);
      float[] kScales = new float[s.slices() * n];
      for (int i = 0; i < kScales.length; i++) {
        kScales[i] = 0.001f + (float) random.nextDouble(); // never 0, so a misplaced 0 shows
      }
      int npad = CudaAttention.paddedKeys(s);
      String why = "seed " + seed + " " + s;
      assertEquals(0, npad % CudaAttention.PAD_KEYS, why);
      assertTrue(npad >= n && npad - n < CudaAttention.PAD_KEYS, why);
      float[] padded = CudaAttention.paddedKeyScales(kScales, s);
      assertEquals(s.slices() * npad, padded.length, why);
      for (int bh = 0; bh < s.slices(); bh++) {
        for (int key = 0; key < npad; key++) {
          float expected = key < n ? kScales[bh * n + key] : 0f;
          int at = bh * npad + CudaAttention.skPosition(key);
          assertEquals(expected, padded[at], why + " slice " + bh + " key " + key);
        }
      }
    }
  }
}
