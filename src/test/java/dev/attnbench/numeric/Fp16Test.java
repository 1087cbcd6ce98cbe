package dev.attnbench.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fp16Test {

  private static int bits(float x) {
    return Fp16.toBits(x) & 0xFFFF;
  }

  @Test
  void largestFiniteValueIsKept() {
    assertEquals(65504f, Fp16.round(65504f));
    assertEquals(0x7BFF, bits(65504f));
  }

  @Test
  void halfwayAboveLargestFiniteRoundsToInfinity() {
    assertEquals(Float.POSITIVE_INFINITY, Fp16.round(65520f));
    assertEquals(0x7C00, bits(65520f));
    assertEquals(0xFC00, bits(-65520f));
  }

  @Test
  void justBelowHalfwayAboveLargestFiniteRoundsToLargestFinite() {
    assertEquals(65504f, Fp16.round(Math.nextDown(65520f)));
  }

  @Test
  void smallestSubnormalIsKept() {
    assertEquals(0x1p-24f, Fp16.round(0x1p-24f));
    assertEquals(0x0001, bits(0x1p-24f));
  }

  @Test
  void halfOfSmallestSubnormalTiesToZero() {
    assertEquals(0x0000, bits(0x1p-25f));
    assertEquals(0x8000, bits(-0x1p-25f));
  }

  @Test
  void justAboveHalfOfSmallestSubnormalRoundsUpToIt() {
    assertEquals(0x0001, bits(Math.nextUp(0x1p-25f)));
  }

  @Test
  void subnormalTiesRoundToEvenStep() {
    assertEquals(0x0002, bits(3 * 0x1p-25f)); // 1.5 steps -> 2
    assertEquals(0x0002, bits(5 * 0x1p-25f)); // 2.5 steps -> 2
  }

  @Test
  void largestSubnormalRoundsUpToSmallestNormal() {
    float justBelowMinNormal = Math.nextDown(0x1p-14f);
    assertEquals(0x0400, bits(justBelowMinNormal));
    assertEquals(0x03FF, bits(1023 * 0x1p-24f));
  }

  @Test
  void normalTiesRoundToEvenMantissa() {
    assertEquals(0x3C00, bits(1f + 0x1p-11f)); // between 1 and 1+2^-10: keep the even 1
    assertEquals(0x3C02, bits(1f + 3 * 0x1p-11f)); // between 1+2^-10 and 1+2^-9: the even one
    assertEquals(2048f, Fp16.round(2049f)); // spacing 2 at 2048: 2049 is a tie, 2048 is even
    assertEquals(2052f, Fp16.round(2051f));
  }

  @Test
  void mantissaCarryBumpsExponent() {
    assertEquals(2f, Fp16.round(Math.nextDown(2f)));
    assertEquals(0x4000, bits(2f - 0x1p-12f));
  }

  @Test
  void nanStaysNan() {
    assertTrue(Float.isNaN(Fp16.round(Float.NaN)));
    int h = bits(Float.NaN);
    assertEquals(0x7C00, h & 0x7C00);
    assertTrue((h & 0x03FF) != 0);
    assertTrue(Float.isNaN(Fp16.fromBits((short) h)));
  }

  @Test
  void infinitiesAndSignedZerosPassThrough() {
    assertEquals(0xFC00, bits(Float.NEGATIVE_INFINITY));
    assertEquals(0x7C00, bits(Float.POSITIVE_INFINITY));
    assertEquals(0x8000, bits(-0f));
    assertEquals(0x0000, bits(0f));
  }

  @Test
  void everyBitPatternRoundTripsThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      float x = Fp16.fromBits((short) h);
      if (Float.isNaN(x)) {
        continue;
      }
      String pattern = Integer.toHexString(h);
      assertEquals(h, bits(x), () -> "pattern " + pattern);
      assertEquals(x, Fp16.round(x));
    }
  }

  @Test
  void roundMatchesSlowReferenceOnRandomFloats() {
    SplittableRandom random = new SplittableRandom(0x16_16L);
    for (int i = 0; i < 2_000_000; i++) {
      // Half the draws concentrate on FP16's exponent range (2^-26 .. 2^17), half are any float.
      float x =
          i % 2 == 0
              ? Float.intBitsToFloat(
                  (random.nextInt(101, 145) << 23)
                      | random.nextInt(1 << 23)
                      | (random.nextBoolean() ? 0x8000_0000 : 0))
              : Float.intBitsToFloat(random.nextInt());
      if (Float.isNaN(x)) {
        continue;
      }
      float expected = slowRound(x);
      float got = Fp16.round(x);
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got), "x = " + x);
    }
  }

  /** FP16 rounding in FP64: scale to FP16's quantum at x's binade, rint (exact), scale back. */
  private static float slowRound(float x) {
    if (Float.isInfinite(x)) {
      return x;
    }
    double a = Math.abs((double) x);
    int exp = a == 0 ? -14 : Math.max(-14, Math.getExponent(a));
    double quantum = Math.scalb(1.0, exp - 10);
    double r = Math.rint(a / quantum) * quantum;
    float mag = r > 65504 ? Float.POSITIVE_INFINITY : (float) r;
    return Math.copySign(mag, x);
  }
}
