package dev.attnbench.method;

/** The CPU emulation of each {@link Method}. */
public final class Emulations {
  private Emulations() {}

  /**
   * The emulation of {@code method}: the shared loop with the method's {@link Recipe} at the
   * inputs' head dim.
   */
  public static AttentionEmulation of(Method method) {
    return new FlashAttentionEmulation(method);
  }
}
