package dev.attnbench.method;

/**
 * The kernel properties that change rounding and so must agree between the CUDA kernels and the CPU
 * emulation. The CUDA backend checks these against the {@code attn_*_launch} constants that each
 * kernel module exports, so a retuned kernel cannot silently diverge from its emulation.
 */
public final class KernelTraits {
  private KernelTraits() {}

  /** Keys per online-softmax block (Bc) of {@code method}'s kernel at head dimension {@code d}. */
  public static int keyBlock(Method method, int headDim) {
    return 64;
  }
}
