package dev.attnbench.method;

/** The CPU emulation of each {@link Method}. */
public final class Emulations {
  private Emulations() {}

  /** The emulation of {@code method}: the shared loop with the method's {@link Recipe}. */
  public static AttentionEmulation of(Method method) {
    return new FlashAttentionEmulation(method, Recipe.of(method));
  }
}
