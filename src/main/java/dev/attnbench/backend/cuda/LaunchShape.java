package dev.attnbench.backend.cuda;

import dev.attnbench.method.MmaPath;

/**
 * A kernel's launch shape as its module exports it ({@code <entry>_launch[9]} in the .cu), so the
 * shape has one source: the kernel.
 *
 * @param rowsPerBlock query rows one thread block handles at a time (one tile)
 * @param keyBlock Bc, keys per online-softmax step; changes rounding, so must match the emulation
 * @param threads threads per block
 * @param dynamicSmemBytes dynamic shared memory per block
 * @param seqLenBound the sequence lengths the entry is for without the causal mask: 0 every N; a
 *     positive bound for a bounded entry ({@code <entry>_short}, {@code <entry>_mid}), run up to
 *     that N where no entry the host prefers serves it; -1 when the image for this GPU does not
 *     build the entry (attn_forward.cuh, "Short sequences")
 * @param persistent whether each block walks tiles (attn_forward.cuh, "TileWalk"): launched on
 *     about one block per SM instead of one block per tile
 * @param causalSeqLenBound {@code seqLenBound} under the causal mask, where some short-sequence
 *     entries stay faster up to a larger N (results/2026-12-02-h200-short-causal)
 * @param denominatorCountsPTilde whether the softmax denominator counts P̃ (w = P̃ in
 *     docs/ARITHMETIC.md) rather than p: it changes rounding, and int8-half and fp8-native choose
 *     it per head dim, so it must match the emulation's {@code Recipe}
 * @param path the tensor-core instruction of the image the driver loaded for this GPU, which the
 *     contract's Bc depends on ({@code KernelTraits.keyBlock})
 */
public record LaunchShape(
    int rowsPerBlock,
    int keyBlock,
    int threads,
    int dynamicSmemBytes,
    int seqLenBound,
    boolean persistent,
    int causalSeqLenBound,
    boolean denominatorCountsPTilde,
    MmaPath path) {

  /** {@link #seqLenBound} of an entry that serves every N. */
  public static final int ANY_SEQ_LEN = 0;

  /** {@link #seqLenBound} of an entry the image for this GPU does not build. */
  public static final int NOT_BUILT = -1;

  public LaunchShape {
    if (rowsPerBlock < 1
        || keyBlock < 1
        || threads < 1
        || threads > 1024
        || dynamicSmemBytes < 0
        || seqLenBound < NOT_BUILT
        || (seqLenBound == NOT_BUILT) != (causalSeqLenBound == NOT_BUILT)
        || (seqLenBound == ANY_SEQ_LEN) != (causalSeqLenBound == ANY_SEQ_LEN)
        || causalSeqLenBound < NOT_BUILT) {
      throw new CudaException(
          "implausible launch constant {"
              + rowsPerBlock
              + ", "
              + keyBlock
              + ", "
              + threads
              + ", "
              + dynamicSmemBytes
              + ", "
              + seqLenBound
              + ", "
              + persistent
              + ", "
              + causalSeqLenBound
              + ", "
              + denominatorCountsPTilde
              + ", "
              + path
              + "}");
    }
  }

  /** Row blocks (tiles) along the query axis for {@code seqLen} queries. */
  public int queryBlocks(int seqLen) {
    return (seqLen + rowsPerBlock - 1) / rowsPerBlock;
  }

  /**
   * The grid {x, y} for {@code seqLen} queries of {@code slices} = B·H heads on {@code smCount}
   * SMs: one block per tile, or for a persistent entry one block per SM (fewer when there are fewer
   * tiles), as many as share no factor with the row blocks of a head. The kernel walks tile t =
   * block + k·grid, row block t mod rowBlocks: with a grid that is a multiple of rowBlocks every
   * block would always take the same row block, and those that take a head's short last one would
   * idle while the others run full ones. kernels/tools/kcheck.cu ({@code persistent_grid}) follows
   * the same rule, so that its timings are of the product's launch.
   */
  public int[] grid(int seqLen, int slices, int smCount) {
    int rowBlocks = queryBlocks(seqLen);
    if (!persistent) {
      return new int[] {rowBlocks, slices};
    }
    long tiles = (long) rowBlocks * slices;
    if (tiles <= smCount) {
      return new int[] {(int) tiles, 1};
    }
    int g = smCount;
    while (g > 1 && gcd(g, rowBlocks) != 1) {
      g--;
    }
    return new int[] {g, 1};
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Whether the image for this GPU builds the entry (a bounded entry may be empty). */
  public boolean built() {
    return seqLenBound != NOT_BUILT;
  }

  /** The N bound with or without the causal mask ({@link #seqLenBound}). */
  public int seqLenBound(boolean causal) {
    return causal ? causalSeqLenBound : seqLenBound;
  }

  /** Whether the entry is meant for {@code seqLen} queries, with or without the causal mask. */
  public boolean serves(int seqLen, boolean causal) {
    int bound = seqLenBound(causal);
    return bound == ANY_SEQ_LEN || (bound > 0 && seqLen <= bound);
  }

  /** Whether the entry serves every N with and without the mask: a kernel's main entry. */
  public boolean servesEveryLength() {
    return seqLenBound == ANY_SEQ_LEN;
  }
}
