package dev.attnbench.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel properties that change rounding and so must agree between the CUDA kernels and the CPU
 * emulation. The CUDA backend checks these against the {@code attn_*_launch} constants that each
 * kernel module exports, so a retuned kernel cannot silently diverge from its emulation.
 */
public final class KernelTraits {
  private KernelTraits() {}

  /**
   * Keys per online-softmax block (Bc) of {@code method}'s kernel at head dimension {@code d} on
   * {@code path}: 128 for every method whose kernel reads its tiles as they are, at both head dims
   * (kernels/TUNING.md: v22 at D=64, where the per-block work halves per key; v38 at D=128 for the
   * INT8 Q·Kᵀ methods, v39 for fp16 and fp8-native). 64 for fp16 and int8-half at D=128 on mma.sync
   * (v54), whose two m-tiles a warp (FlashAttention-2's shape) hold S and acc of 32 rows only for
   * 64-key blocks. The FP8-storage methods, which widen their FP8 codes to f16 (by the producer
   * warpgroup on wgmma since v56, on mma.sync fp8's in registers: v55), take 128 on wgmma (v59 at
   * D=64, v60 at D=128) and 64 on mma.sync, where their 128-key form spills registers.
   */
  public static int keyBlock(Method method, int headDim, MmaPath path) {
    boolean widened = method == Method.FP8 || method == Method.FP8_E4M3;
    if (widened) {
      return path == MmaPath.WGMMA ? 128 : 64;
    }
    boolean twoMTilesAt128 =
        path == MmaPath.MMA_SYNC
            && headDim == 128
            && (method == Method.FP16 || method == Method.INT8_HALF);
    return twoMTilesAt128 ? 64 : 128;
  }

  /** The head dims the kernels are built for. */
  public static final List<Integer> HEAD_DIMS = List.of(64, 128);

  /**
   * Bc of every method at every kernel head dim on each path, {@code {"wgmma": {"fp8": {"64": 64,
   * "128": 64}, ...}, "mma.sync": {...}}}, for run.json: results under another contract (another
   * Bc) round differently.
   */
  public static Map<String, Map<String, Map<String, Integer>>> keyBlocks() {
    Map<String, Map<String, Map<String, Integer>>> all = new LinkedHashMap<>();
    for (MmaPath path : MmaPath.values()) {
      Map<String, Map<String, Integer>> byMethod = new LinkedHashMap<>();
      for (Method m : Method.values()) {
        Map<String, Integer> byD = new LinkedHashMap<>();
        for (int d : HEAD_DIMS) {
          byD.put(Integer.toString(d), keyBlock(m, d, path));
        }
        byMethod.put(m.id(), byD);
      }
      all.put(path.id(), byMethod);
    }
    return all;
  }
}
