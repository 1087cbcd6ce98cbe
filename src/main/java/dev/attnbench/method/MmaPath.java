package dev.attnbench.method;

import java.util.Optional;

/**
 * The tensor-core instruction a kernel image runs on. The arithmetic contract depends on it in one
 * place, Bc ({@link KernelTraits#keyBlock}): each image exports which one it took, so the kernels
 * are checked against the emulation of their own path.
 */
public enum MmaPath {
  /** {@code mma.sync}: the sm_80 and sm_89 images and the compute_80 PTX (A100, Ada, newer). */
  MMA_SYNC("mma.sync"),
  /** {@code wgmma}: the sm_90a image (H100, H200); the CPU-only results follow its contract. */
  WGMMA("wgmma");

  /**
   * The path whose contract the emulation follows where no kernels run beside it (no GPU, or {@code
   * --backend cpu} without {@code --mma-path}): wgmma's, the H100's.
   */
  public static final MmaPath WITHOUT_KERNELS = WGMMA;

  private final String id;

  MmaPath(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The path spelled {@code id} (as {@code --mma-path} and run.json's {@code mma_path} do). */
  public static Optional<MmaPath> byId(String id) {
    for (MmaPath p : values()) {
      if (p.id.equals(id)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
