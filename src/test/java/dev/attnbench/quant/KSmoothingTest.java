package dev.attnbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Shape;
import dev.attnbench.numeric.Fp16;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KSmoothingTest {

  private static final Shape SHAPE = new Shape(1, 2, 300, 32, false);

  /** K whose channels carry large per-(head, channel) offsets, as real keys do. */
  private static float[] offsetKeys(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = SHAPE.headDim();
    float[] offsets = new float[SHAPE.slices() * d];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = (float) random.nextDouble(-20, 20);
    }
    float[] k = new float[(int) SHAPE.elements()];
    for (int i = 0; i < k.length; i++) {
      int slice = i / (int) SHAPE.sliceElements();
      k[i] = Fp16.round((float) (offsets[slice * d + i % d] + random.nextGaussian()));
    }
    return k;
  }

  @Test
  void smoothedKeysHaveZeroChannelMean() {
    SmoothedK s = KSmoothing.smooth(offsetKeys(31), SHAPE);
    int d = SHAPE.headDim();
    for (int slice = 0; slice < SHAPE.slices(); slice++) {
      for (int c = 0; c < d; c++) {
        double sum = 0;
        for (int n = 0; n < SHAPE.seqLen(); n++) {
          sum += s.values()[SHAPE.rowOffset(slice, n) + c];
        }
        assertEquals(0, sum / SHAPE.seqLen(), 1e-5);
      }
    }
  }

  @Test
  void smoothedKeysAreKeysMinusMeanInFp32() {
    float[] k = offsetKeys(32);
    SmoothedK s = KSmoothing.smooth(k, SHAPE);
    int d = SHAPE.headDim();
    int i = SHAPE.rowOffset(1, 123) + 7;
    assertEquals(k[i] - s.mean()[d + 7], s.values()[i]);
  }

  @Test
  void smoothingLowersPerTokenQuantizationErrorOfOffsetKeys() {
    float[] k = offsetKeys(33);
    SmoothedK s = KSmoothing.smooth(k, SHAPE);
    float[] plain = Int8Quantizer.perToken(k, SHAPE).dequantize();
    float[] smooth = Int8Quantizer.perToken(s.values(), SHAPE).dequantize();
    int d = SHAPE.headDim();
    double ePlain = 0;
    double eSmooth = 0;
    for (int i = 0; i < k.length; i++) {
      int slice = i / (int) SHAPE.sliceElements();
      float restored = smooth[i] + s.mean()[slice * d + i % d];
      ePlain += Math.pow(k[i] - plain[i], 2);
      eSmooth += Math.pow(k[i] - restored, 2);
    }
    assertTrue(eSmooth < ePlain / 4, eSmooth + " vs " + ePlain);
  }
}
