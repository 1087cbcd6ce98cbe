package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** s_k as the kernels read it: [B, H, Npad] with each (b,h)'s N scales first, zeros after them. */
class KeyScalesLayoutTest {

  @Test
  void eachSliceKeepsItsScalesAtTheStartOfAPaddedRowAndZerosAfter() {
    SplittableRandom random = new SplittableRandom();
    // N below, at and past the padding unit, odd, and one key; B = 1, H = 1 among them.
    for (int n : new int[] {1, 17, 127, 128, 129, 1000}) {
      Shape s = new Shape(1 + random.nextInt(3), 1 + random.nextInt(4), n, 64, false);
      float[] kScales = new float[s.slices() * n];
      for (int i = 0; i < kScales.length; i++) {
        kScales[i] = 0.001f + (float) random.nextDouble(); // never 0, so a misplaced 0 shows
      }
      int npad = CudaAttention.paddedKeys(s);
      assertEquals(0, npad % CudaAttention.PAD_KEYS, "N=" + n);
      assertTrue(npad >= n && npad - n < CudaAttention.PAD_KEYS, "N=" + n);
      float[] padded = CudaAttention.paddedKeyScales(kScales, s);
      assertEquals(s.slices() * npad, padded.length, "N=" + n);
      for (int bh = 0; bh < s.slices(); bh++) {
        for (int key = 0; key < npad; key++) {
          float expected = key < n ? kScales[bh * n + key] : 0f;
          assertEquals(
              expected, padded[bh * npad + key], "N=" + n + " slice " + bh + " key " + key);
        }
      }
    }
  }
}
