package dev.attnbench.backend;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.GpuPresence;
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
   * The backends an accuracy run compares: the CUDA kernels when asked for or, with {@code auto},
   * when a GPU is visible; and the CPU emulation always, since it is the oracle the kernels are
   * checked against and runs every method.
   */
  public static List<AttentionBackend> forAccuracy(Choice choice, PrintStream notes) {
    return switch (choice) {
      case cpu -> List.of(new CpuEmulationBackend());
      case cuda -> {
        GpuPresence gpu = GpuPresence.probe();
        if (!gpu.present()) {
          throw new InvalidInputException(
              "--backend cuda: no CUDA device (" + gpu.reason() + "); allowed here: auto, cpu");
        }
        yield List.of(CudaAttention.open(), new CpuEmulationBackend());
      }
      case auto -> {
        GpuPresence gpu = GpuPresence.probe();
        if (gpu.present()) {
          notes.println(
              "attn-bench: " + gpu.describe() + ": the kernels run beside the CPU emulation");
          yield List.of(CudaAttention.open(), new CpuEmulationBackend());
        }
        notes.println("attn-bench: " + gpu.describe() + ": running the CPU emulation only");
        yield List.of(new CpuEmulationBackend());
      }
    };
  }
}
