package dev.attnbench.backend.cuda;

/**
 * A kernel's launch shape as its module exports it ({@code <entry>_launch[5]} in the .cu), so the
 * shape has one source: the kernel.
 *
 * @param rowsPerBlock query rows one thread block handles (grid x = ceil(N / rowsPerBlock))
 * @param keyBlock Bc, keys per online-softmax step; changes rounding, so must match the emulation
 * @param threads threads per block
 * @param dynamicSmemBytes dynamic shared memory per block
 * @param seqLenBound the sequence lengths the entry is for: 0 every N; a positive bound for a
 *     short-sequence entry ({@code <entry>_short}, run up to that N); -1 when the image for this
 *     GPU does not build the entry (attn_forward.cuh, "Short sequences")
 */
public record LaunchShape(
    int rowsPerBlock, int keyBlock, int threads, int dynamicSmemBytes, int seqLenBound) {

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
        || seqLenBound < NOT_BUILT) {
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
              + "}");
    }
  }

  /** Blocks along the query axis for {@code seqLen} queries. */
  public int queryBlocks(int seqLen) {
    return (seqLen + rowsPerBlock - 1) / rowsPerBlock;
  }

  /** Whether the image for this GPU builds the entry (a short-sequence entry may be empty). */
  public boolean built() {
    return seqLenBound != NOT_BUILT;
  }

  /** Whether the entry is meant for {@code seqLen} queries. */
  public boolean serves(int seqLen) {
    return seqLenBound == ANY_SEQ_LEN || (built() && seqLen <= seqLenBound);
  }
}
