package dev.attnbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.numeric.Fp16;
import dev.attnbench.numeric.Fp8Format;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fp8QuantizerTest {

  private static float[] randomValues(long seed, double std) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = Fp16.round((float) (std * random.nextGaussian()));
    }
    return x;
  }

  @Test
  void unscaledE5m2CastRoundsEachElement() {
    float[] x = randomValues(41, 3);
    Fp8Tensor t = Fp8Quantizer.castE5m2(x);
    assertEquals(1f, t.scale());
    float[] v = t.operandValues();
    for (int i = 0; i < x.length; i++) {
      assertEquals(Fp8Format.E5M2.round(x[i]), v[i]);
    }
  }

  @Test
  void scaledE4m3MapsTheLargestMagnitudeToMaxFinite() {
    float[] x = randomValues(42, 0.01);
    Fp8Tensor t = Fp8Quantizer.scaledE4m3(x);
    float amax = 0;
    float[] v = t.operandValues();
    float vmax = 0;
    for (int i = 0; i < x.length; i++) {
      amax = Math.max(amax, Math.abs(x[i]));
      vmax = Math.max(vmax, Math.abs(v[i]));
    }
    assertEquals(amax / 448f, t.scale());
    assertEquals(448f, vmax);
  }

  @Test
  void scaledE4m3ReconstructsWithinHalfAnE4m3Step() {
    float[] x = randomValues(43, 2);
    Fp8Tensor t = Fp8Quantizer.scaledE4m3(x);
    float[] back = t.dequantize();
    for (int i = 0; i < x.length; i++) {
      // Relative half-step of a 3-bit mantissa, or half the subnormal step (2^-10) near zero.
      double bound = Math.max(Math.abs(x[i]) / 16, 0x1p-10 * t.scale()) * (1 + 1e-5);
      assertEquals(x[i], back[i], bound, "element " + i);
    }
  }
}
