package dev.attnbench.backend.cuda;

/**
 * A kernel's launch shape as its module exports it ({@code <entry>_launch[4]} in the .cu), so the
 * shape has one source: the kernel.
 *
 * @param rowsPerBlock query rows one thread block handles (grid x = ceil(N / rowsPerBlock))
 * @param keyBlock Bc, keys per online-softmax step; changes rounding, so must match the emulation
 * @param threads threads per block
 * @param dynamicSmemBytes dynamic shared memory per block
 */
public record LaunchShape(int rowsPerBlock, int keyBlock, int threads, int dynamicSmemBytes) {

  public LaunchShape {
    if (rowsPerBlock < 1 || keyBlock < 1 || threads < 1 || threads > 1024 || dynamicSmemBytes < 0) {
      throw new CudaException(
          "implausible launch constant {"
              + rowsPerBlock
              + ", "
              + keyBlock
              + ", "
              + threads
              + ", "
              + dynamicSmemBytes
              + "}");
    }
  }

  /** Blocks along the query axis for {@code seqLen} queries. */
  public int queryBlocks(int seqLen) {
    return (seqLen + rowsPerBlock - 1) / rowsPerBlock;
  }
}
