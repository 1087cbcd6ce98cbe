package dev.attnbench.numeric;

/**
 * IEEE binary16 (FP16) rounding, the {@code h(x)} of docs/ARITHMETIC.md: FP32 to FP16 round to
 * nearest even, overflow to ±inf, subnormals kept, NaN kept. It is called once per score in the
 * emulation's hot loop, so it works on the FP32 bits and allocates nothing.
 */
public final class Fp16 {
  private Fp16() {}

  /** Largest finite FP16 value, 65504. */
  public static final float MAX = 65504f;

  /** Smallest positive normal FP16 value, 2^-14. */
  public static final float MIN_NORMAL = 0x1p-14f;

  /** Smallest positive subnormal FP16 value, 2^-24. */
  public static final float MIN_VALUE = 0x1p-24f;

  /**
   * Adding this to a magnitude below 2^-14 leaves an FP32 sum whose ulp is 2^-24, FP16's subnormal
   * step; FP32's own round-to-nearest-even then performs exactly FP16's subnormal rounding.
   */
  private static final float SUBNORMAL_MAGIC = 0.5f;

  private static final int SIGN_MASK = 0x8000_0000;
  private static final int MAX_BITS = Float.floatToRawIntBits(MAX);

  /**
   * {@code x} rounded to the nearest FP16 value (ties to even), returned as the FP32 of equal
   * value.
   */
  public static float round(float x) {
    int bits = Float.floatToRawIntBits(x);
    int sign = bits & SIGN_MASK;
    int mag = bits & ~SIGN_MASK;
    if (mag >= 0x7F80_0000) {
      return x; // ±inf and NaN pass through
    }
    if (mag < 0x3880_0000) { // |x| < 2^-14: FP16 subnormal range (result may round up to 2^-14)
      float a = Float.intBitsToFloat(mag);
      float r = (a + SUBNORMAL_MAGIC) - SUBNORMAL_MAGIC;
      return Float.intBitsToFloat(Float.floatToRawIntBits(r) | sign);
    }
    // Normal range: keep 10 of the 23 mantissa bits. Adding 0xFFF plus the lowest kept bit rounds
    // half
    // to even; a carry out of the mantissa correctly bumps the exponent.
    int rounded = (mag + 0x0FFF + ((mag >>> 13) & 1)) & ~0x1FFF;
    if (rounded > MAX_BITS) {
      return sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
    }
    return Float.intBitsToFloat(rounded | sign);
  }

  /** The FP16 bit pattern of {@code round(x)}; NaN maps to a quiet NaN keeping the sign. */
  public static short toBits(float x) {
    float r = round(x);
    int bits = Float.floatToRawIntBits(r);
    int sign = (bits >>> 16) & 0x8000;
    int mag = bits & ~SIGN_MASK;
    if (mag > 0x7F80_0000) {
      return (short) (sign | 0x7E00 | ((mag >>> 13) & 0x03FF));
    }
    if (mag == 0x7F80_0000) {
      return (short) (sign | 0x7C00);
    }
    if (mag < 0x3880_0000) {
      // Subnormal (or zero): the value is an exact multiple of 2^-24.
      return (short) (sign | (int) (Float.intBitsToFloat(mag) * 0x1p24f));
    }
    int exp = (mag >>> 23) - 127 + 15;
    return (short) (sign | (exp << 10) | ((mag >>> 13) & 0x03FF));
  }

  /** The value of the FP16 bit pattern {@code h}, exactly, as FP32. */
  public static float fromBits(short h) {
    int bits = h & 0xFFFF;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1F;
    int man = bits & 0x03FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F80_0000 | (man << 13));
    }
    if (exp == 0) {
      float v = man * MIN_VALUE; // exact: man < 2^10
      return sign == 0 ? v : -v;
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (man << 13));
  }
}
