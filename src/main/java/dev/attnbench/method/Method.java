package dev.attnbench.method;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The attention methods under test. Each id is what users type and what the CSVs hold; the
 * arithmetic of each is specified in docs/ARITHMETIC.md and implemented twice (CPU emulation, CUDA
 * kernel).
 */
public enum Method {
  FP16("fp16", "FlashAttention-2 in FP16, FP32 accumulation", null),
  FP8("fp8", "the paper's FP8 baseline: e5m2 Q, K, V, P without scaling", null),
  FP8_E4M3("fp8-e4m3", "FP8 done well: per-tensor scaled e4m3 Q, K, V; P·256 in e4m3", null),
  FP8_NATIVE(
      "fp8-native",
      "fp8-e4m3's arithmetic on the FP8 tensor cores (e4m3 mma, sm_89+), its denominator counting P̃",
      null),
  INT8_HALF("int8-half", "per-token INT8 Q, K; FP16 P and V", null),
  INT8(
      "int8",
      "the paper's full INT8: per-token Q, K; per-tensor V; P·127 in s8",
      new Int8Variant(false, false, false, false)),
  INT8_PLUS(
      "int8-plus",
      "ours: P·255 in u8, denominator from quantized P, per-channel V",
      new Int8Variant(true, true, true, false)),
  INT8_PLUS_SMOOTHK(
      "int8-plus-smoothk",
      "int8-plus with K smoothing (K minus its channel mean)",
      new Int8Variant(true, true, true, true)),
  INT8_U8P(
      "int8+u8p", "ablation: int8 with P·255 in u8", new Int8Variant(true, false, false, false)),
  INT8_QSUM(
      "int8+qsum",
      "ablation: int8 with the denominator summed from quantized P",
      new Int8Variant(false, true, false, false)),
  INT8_VCHAN(
      "int8+vchan",
      "ablation: int8 with per-channel V scales",
      new Int8Variant(false, false, true, false)),
  INT8_SMOOTHK(
      "int8+smoothk",
      "ablation: int8 with K smoothing",
      new Int8Variant(false, false, false, true));

  /**
   * The ways an INT8-P method can differ from the paper's Algorithm 1.
   *
   * @param u8P P quantized as round(p·255) into u8 instead of round(p·127) into s8
   * @param quantizedDenominator softmax denominator summed from the quantized P, not the float P
   * @param perChannelV one V scale per (batch, head, channel) instead of one per tensor
   * @param smoothK subtract K's per-channel mean before quantizing K
   */
  public record Int8Variant(
      boolean u8P, boolean quantizedDenominator, boolean perChannelV, boolean smoothK) {

    /** The integer P levels: 255 for u8, 127 for s8. */
    public int pLevels() {
      return u8P ? 255 : 127;
    }
  }

  private final String id;
  private final String description;
  private final Int8Variant int8Variant;

  Method(String id, String description, Int8Variant int8Variant) {
    this.id = id;
    this.description = description;
    this.int8Variant = int8Variant;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Present for the methods with INT8 P (the paper's Algorithm 1 and its variants). */
  public Optional<Int8Variant> int8Variant() {
    return Optional.ofNullable(int8Variant);
  }

  /** The method with this id, or an exception whose message names the value and the allowed ids. */
  public static Method parse(String id) {
    for (Method m : values()) {
      if (m.id.equals(id.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '" + id + "' (allowed: " + allowedIds() + ")");
  }

  public static String allowedIds() {
    return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
