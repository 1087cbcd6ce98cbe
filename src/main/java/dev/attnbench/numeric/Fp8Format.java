package dev.attnbench.numeric;

/**
 * The two OCP FP8 formats, with the {@code e4m3(x)} / {@code e5m2(x)} rounding of
 * docs/ARITHMETIC.md: round to nearest even with <em>satfinite</em>, as PTX {@code
 * cvt.rn.satfinite}: a finite value too large for the format and ±inf both become ±{@link
 * #maxFinite()}, NaN stays NaN.
 *
 * <p>Encodings are one byte {@code S.EEEE.MMM} (e4m3) or {@code S.EEEEE.MM} (e5m2); subnormals are
 * kept.
 */
public enum Fp8Format {
  /** OCP e4m3 "FN": bias 7, max 448, no infinity, NaN only at {@code S.1111.111}. */
  E4M3(4, 3, 7, 448f, false),
  /** e5m2: bias 15, max 57344, infinities and NaNs as in IEEE binary16. */
  E5M2(5, 2, 15, 57344f, true);

  private final int mantissaBits;
  private final int bias;
  private final float max;
  private final boolean hasInfinity;

  /** 2^(1-bias), the smallest normal magnitude. */
  private final float minNormal;

  /**
   * {@code subnormalStep·2^23}: adding it to a magnitude below {@code minNormal} gives an FP32 sum
   * whose ulp is the format's subnormal step, so FP32's own rounding performs FP8's subnormal
   * rounding.
   */
  private final float subnormalMagic;

  /** 2^(1-bias-mantissaBits), the subnormal step. */
  private final float subnormalStep;

  private final int droppedBits;
  private final float[] decodeTable = new float[256];

  Fp8Format(int exponentBits, int mantissaBits, int bias, float max, boolean hasInfinity) {
    this.mantissaBits = mantissaBits;
    this.bias = bias;
    this.max = max;
    this.hasInfinity = hasInfinity;
    this.minNormal = Math.scalb(1f, 1 - bias);
    this.subnormalStep = Math.scalb(1f, 1 - bias - mantissaBits);
    this.subnormalMagic = Math.scalb(subnormalStep, 23);
    this.droppedBits = 23 - mantissaBits;
    for (int c = 0; c < 256; c++) {
      decodeTable[c] = decodeSlow(c, exponentBits);
    }
  }

  /** The largest finite magnitude: 448 (e4m3) or 57344 (e5m2). */
  public float maxFinite() {
    return max;
  }

  /** {@code x} rounded to the nearest value of this format (ties to even, satfinite). */
  public float round(float x) {
    int bits = Float.floatToRawIntBits(x);
    int sign = bits & 0x8000_0000;
    int mag = bits & 0x7FFF_FFFF;
    if (mag > 0x7F80_0000) {
      return x; // NaN
    }
    float a = Float.intBitsToFloat(mag);
    float r;
    if (a < minNormal) {
      r = (a + subnormalMagic) - subnormalMagic;
    } else {
      // Keep mantissaBits of the 23: add half an ulp minus one plus the lowest kept bit (half to
      // even); a carry out of the mantissa correctly bumps the exponent. Infinity lands above max.
      int half = (1 << (droppedBits - 1)) - 1;
      int rounded = (mag + half + ((mag >>> droppedBits) & 1)) & -(1 << droppedBits);
      r = Math.min(Float.intBitsToFloat(rounded), max);
    }
    return Float.intBitsToFloat(Float.floatToRawIntBits(r) | sign);
  }

  /** The one-byte code of {@code round(x)}; NaN encodes as the format's positive-mantissa NaN. */
  public byte encode(float x) {
    float r = round(x);
    int bits = Float.floatToRawIntBits(r);
    int sign = (bits >>> 24) & 0x80;
    float a = Math.abs(r);
    if (Float.isNaN(r)) {
      return (byte) (sign | 0x7F);
    }
    if (a < minNormal) {
      return (byte) (sign | (int) (a / subnormalStep)); // exact: a is a multiple of the step
    }
    int exp = Math.getExponent(a) + bias;
    int man = (Float.floatToRawIntBits(a) >>> droppedBits) & ((1 << mantissaBits) - 1);
    return (byte) (sign | (exp << mantissaBits) | man);
  }

  /** The value of code {@code code}, exactly. */
  public float decode(byte code) {
    return decodeTable[code & 0xFF];
  }

  private float decodeSlow(int code, int exponentBits) {
    int sign = code >>> 7;
    int exp = (code >>> mantissaBits) & ((1 << exponentBits) - 1);
    int man = code & ((1 << mantissaBits) - 1);
    int expMax = (1 << exponentBits) - 1;
    float v;
    if (hasInfinity && exp == expMax) {
      v = man == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else if (!hasInfinity && exp == expMax && man == (1 << mantissaBits) - 1) {
      v = Float.NaN;
    } else if (exp == 0) {
      v = man * subnormalStep;
    } else {
      v = Math.scalb(1f + man / (float) (1 << mantissaBits), exp - bias);
    }
    return sign == 1 ? -v : v;
  }
}
