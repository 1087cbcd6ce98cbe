package dev.attnbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void scaledE4m3DividesByTheScaleNextToRoundingBoundaries() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    Fp8Format e4m3 = Fp8Format.E4M3;
    float[] x = new float[4096];
    float amax;
    float s;
    int differing;
    int tries = 0;
    do {
      // Values within a few ulps of s times a midpoint of two neighbouring e4m3 values below 448,
      // where f32(x/s) and f32(x·f32(1/s)) can round to different e4m3 values.
      amax = (float) Math.exp(random.nextDouble(-8, 8));
      s = amax / 448f;
      differing = 0;
      for (int i = 0; i < x.length; i++) {
        byte code = (byte) random.nextInt(0x7e);
        float midpoint = (e4m3.decode(code) + e4m3.decode((byte) (code + 1))) / 2;
        float near = (float) ((double) midpoint * s);
        near = Float.intBitsToFloat(Float.floatToIntBits(near) + random.nextInt(-3, 4));
        x[i] = random.nextBoolean() ? near : -near;
      }
      x[random.nextInt(x.length)] = random.nextBoolean() ? amax : -amax;
      for (float v : x) {
        if (e4m3.encode(v / s) != e4m3.encode(v * (1f / s))) {
          differing++;
        }
      }
      tries++;
    } while (differing < 20 && tries < 100);
    assertTrue(differing >= 20, "seed " + seed + ": no scale found whose forms differ");
    Fp8Tensor t = Fp8Quantizer.scaledE4m3(x);
    assertEquals(s, t.scale(), "seed " + seed);
    for (int i = 0; i < x.length; i++) {
      assertEquals(
          e4m3.encode(x[i] / s), t.codes()[i], "seed " + seed + ", s " + s + ", x " + x[i]);
    }
  }
}
