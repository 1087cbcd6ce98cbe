package dev.attnbench.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Fp8FormatTest {

  /** The value of a code from the OCP FP8 specification's definition, in FP64. */
  private static double specValue(Fp8Format f, int code) {
    int mBits = f == Fp8Format.E4M3 ? 3 : 2;
    int eBits = 7 - mBits;
    int bias = f == Fp8Format.E4M3 ? 7 : 15;
    int e = (code >> mBits) & ((1 << eBits) - 1);
    int m = code & ((1 << mBits) - 1);
    double sign = (code & 0x80) != 0 ? -1 : 1;
    if (f == Fp8Format.E4M3 && e == 15 && m == 7) {
      return Double.NaN;
    }
    if (f == Fp8Format.E5M2 && e == 31) {
      return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (e == 0) {
      return sign * m * Math.pow(2, 1 - bias - mBits);
    }
    return sign * (1 + m / Math.pow(2, mBits)) * Math.pow(2, e - bias);
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void everyCodeDecodesToItsSpecifiedValue(Fp8Format f) {
    for (int c = 0; c < 256; c++) {
      double expected = specValue(f, c);
      float got = f.decode((byte) c);
      if (Double.isNaN(expected)) {
        assertTrue(Float.isNaN(got), "code " + c);
      } else {
        assertEquals(expected, got, 0.0, "code " + c);
      }
    }
  }

  @Test
  void knownCodesHaveKnownValues() {
    assertEquals(448f, Fp8Format.E4M3.decode((byte) 0x7E));
    assertEquals(1f, Fp8Format.E4M3.decode((byte) 0x38));
    assertEquals(0x1p-9f, Fp8Format.E4M3.decode((byte) 0x01));
    assertEquals(-0x1p-6f, Fp8Format.E4M3.decode((byte) 0x88));
    assertEquals(57344f, Fp8Format.E5M2.decode((byte) 0x7B));
    assertEquals(Float.NEGATIVE_INFINITY, Fp8Format.E5M2.decode((byte) 0xFC));
    assertEquals(1f, Fp8Format.E5M2.decode((byte) 0x3C));
    assertEquals(0x1p-16f, Fp8Format.E5M2.decode((byte) 0x01));
    assertEquals(448f, Fp8Format.E4M3.maxFinite());
    assertEquals(57344f, Fp8Format.E5M2.maxFinite());
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void encodeInvertsDecodeForEveryNonNanCode(Fp8Format f) {
    for (int c = 0; c < 256; c++) {
      float x = f.decode((byte) c);
      if (Float.isNaN(x) || Float.isInfinite(x)) {
        continue; // inf saturates (satfinite), tested separately
      }
      assertEquals(c, f.encode(x) & 0xFF, "code " + c);
      assertEquals(x, f.round(x));
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void midpointsBetweenAdjacentCodesRoundToEvenCode(Fp8Format f) {
    // Positive finite codes ascend with the code, so c and c+1 are adjacent values.
    for (int c = 0; c < 0x7F; c++) {
      float lo = f.decode((byte) c);
      float hi = f.decode((byte) (c + 1));
      if (!Float.isFinite(hi)) {
        break;
      }
      float mid = (lo + hi) / 2; // exact: FP8 values have few bits
      int even = c % 2 == 0 ? c : c + 1;
      assertEquals(even, f.encode(mid) & 0xFF, "tie between codes " + c + " and " + (c + 1));
      assertEquals(even | 0x80, f.encode(-mid) & 0xFF, "negative tie at code " + c);
      assertEquals(c, f.encode(Math.nextDown(mid)) & 0xFF);
      assertEquals(c + 1, f.encode(Math.nextUp(mid)) & 0xFF);
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void overflowAndInfinitySaturateToMaxFinite(Fp8Format f) {
    float max = f.maxFinite();
    for (float x :
        new float[] {
          Math.nextUp(max), max * 1.07f, max * 1.5f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY
        }) {
      assertEquals(max, f.round(x), "x = " + x);
      assertEquals(-max, f.round(-x), "x = " + -x);
      assertEquals(max, f.decode(f.encode(x)));
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void nanStaysNan(Fp8Format f) {
    assertTrue(Float.isNaN(f.round(Float.NaN)));
    assertTrue(Float.isNaN(f.decode(f.encode(Float.NaN))));
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void belowHalfTheSmallestSubnormalRoundsToSignedZero(Fp8Format f) {
    float step = f.decode((byte) 0x01);
    assertEquals(0x00, f.encode(step / 2) & 0xFF); // tie: 0 is the even code
    assertEquals(0x80, f.encode(-step / 2) & 0xFF);
    assertEquals(0x01, f.encode(Math.nextUp(step / 2)) & 0xFF);
  }
}
