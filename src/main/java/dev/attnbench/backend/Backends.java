package dev.attnbench.backend;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import java.io.PrintStream;
import java.util.List;

/** Picks the backends of a run from {@code --backend}. */
public final class Backends {
  private Backends() {}

  /** What {@code --backend} takes. */
  public enum Choice {
    auto,
    cpu,
    cuda
  }

  /**
   * The backends an accuracy run compares: the CPU emulation always (it is the oracle), and the
   * CUDA kernels when asked for or, with {@code auto}, when a GPU is visible.
   */
  public static List<AttentionBackend> forAccuracy(Choice choice, PrintStream notes) {
    return switch (choice) {
      case cpu -> List.of(new CpuEmulationBackend());
      case cuda ->
          throw new InvalidInputException(
              "--backend cuda: this build has no CUDA backend yet (allowed: auto, cpu)");
      case auto -> {
        notes.println("attn-bench: no CUDA backend in this build: running the CPU emulation");
        yield List.of(new CpuEmulationBackend());
      }
    };
  }
}
