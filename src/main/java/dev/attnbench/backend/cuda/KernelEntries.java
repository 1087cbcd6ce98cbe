package dev.attnbench.backend.cuda;

import dev.attnbench.method.Method;
import java.util.List;

/**
 * The {@code extern "C"} entry of each method's kernel, in one place. Names follow the kernel
 * sources ({@code kernels/*_attention.cu}): {@code attn_<kernel>_d<D>} with the launch constant
 * {@code attn_<kernel>_d<D>_launch} and the tensor-map maker {@code attn_<kernel>_d<D>_maps}.
 */
public final class KernelEntries {
  private KernelEntries() {}

  /**
   * Transposes INT8 V [B,H,N,D] into the permuted, padded V8t [B,H,D,Npad] the INT8-P kernels read.
   */
  public static final String V_TRANSPOSE = "int8_v_transpose";

  /** The kernel's name part for {@code method}. */
  static String kernelName(Method method) {
    return switch (method) {
      case FP16 -> "fp16";
      case FP8 -> "fp8e5m2";
      case FP8_E4M3 -> "fp8e4m3";
      case FP8_NATIVE -> "fp8native";
      case INT8_HALF -> "int8half";
      case INT8 -> "int8";
      case INT8_PLUS -> "int8plus";
        // +smoothk changes only K's quantization (host or quantize kernel), not the attention
        // kernel.
      case INT8_PLUS_SMOOTHK -> "int8plus";
      case INT8_U8P -> "int8u8p";
      case INT8_QSUM -> "int8qsum";
        // Per-channel V changes only the fs[B,H,D] the host passes; smoothing only K's codes.
      case INT8_VCHAN -> "int8";
      case INT8_SMOOTHK -> "int8";
    };
  }

  /** {@code attn_<kernel>_d<D>}. */
  public static String attention(Method method, int headDim) {
    return "attn_" + kernelName(method) + "_d" + headDim;
  }

  /**
   * {@code attn_<kernel>_d<D>_short}: the same arithmetic on a launch shape for short sequences,
   * which some kernels have (attn_forward.cuh, "Short sequences"); its launch constant says up to
   * which N it runs.
   */
  public static String shortSequence(Method method, int headDim) {
    return attention(method, headDim) + SHORT_SUFFIX;
  }

  /** The name suffix of a short-sequence entry. */
  public static final String SHORT_SUFFIX = "_short";

  /**
   * The name suffix of a mid-sequence entry: the same arithmetic again, for the N between a short
   * entry's bound and its own (the INT8-P kernels' at D = 128 since v71).
   */
  public static final String MID_SUFFIX = "_mid";

  /**
   * The suffixes of the bounded entries a kernel may have besides its main one, in the order the
   * host prefers them where more than one serves a problem: the short entry first, since the mid
   * one was measured faster only above the short one's bound. (Kernels v44 to v65 also had a
   * causal-only entry for two kernels; v65's short entries beat it, v66.)
   */
  private static final List<String> BOUNDED_SUFFIXES = List.of(SHORT_SUFFIX, MID_SUFFIX);

  /** The bounded entries that kernel entry {@code main} may have, in the order the host prefers. */
  static List<String> boundedEntries(String main) {
    return BOUNDED_SUFFIXES.stream().map(suffix -> main + suffix).toList();
  }

  /** The bounded-entry suffix {@code entry} ends with ("_short", "_mid"), or "" for none. */
  public static String boundedSuffix(String entry) {
    return BOUNDED_SUFFIXES.stream().filter(entry::endsWith).findFirst().orElse("");
  }

  /** The main entry that {@code entry} is a bounded variant of, or {@code entry} itself. */
  public static String mainOf(String entry) {
    return entry.substring(0, entry.length() - boundedSuffix(entry).length());
  }

  /** What kind of entry {@code entry} is, for log lines: "" for a main entry, "short" or "mid". */
  public static String kind(String entry) {
    String suffix = boundedSuffix(entry);
    return suffix.isEmpty() ? "" : suffix.substring(1);
  }

  /**
   * {@code <entry>_maps}: makes the TMA tensor maps that attention {@code entry} takes as its last
   * parameter, for given K and V (attn_forward.cuh, {@code ATTN_EXPORT_LAUNCH}).
   */
  static String tensorMaps(String entry) {
    return entry + "_maps";
  }
}
