package dev.attnbench.method;

/** The CPU emulation of each {@link Method}. */
public final class Emulations {
  private Emulations() {}

  /**
   * The emulation of {@code method}'s kernel on {@code path}: the shared loop with the method's
   * {@link Recipe} at the inputs' head dim, in blocks of that path's Bc.
   */
  public static AttentionEmulation of(Method method, MmaPath path) {
    return new FlashAttentionEmulation(method, path);
  }

  /**
   * The emulation of {@code method}'s kernel on wgmma (the H100's), whose contract the results
   * without a GPU follow.
   */
  public static AttentionEmulation of(Method method) {
    return of(method, MmaPath.WITHOUT_KERNELS);
  }
}
