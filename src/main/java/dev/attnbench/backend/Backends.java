package dev.attnbench.backend;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.method.MmaPath;
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
   * checked against and runs every method. The emulation follows {@code path} (null: wgmma's)
   * without a GPU, and the kernels' own path beside them ({@link #checkMmaPath}).
   */
  public static List<AttentionBackend> forAccuracy(Choice choice, MmaPath path, PrintStream notes) {
    return switch (choice) {
      case cpu -> List.of(emulation(null, path));
      case cuda -> {
        GpuPresence gpu = GpuPresence.probe();
        if (!gpu.present()) {
          throw new InvalidInputException(
              "--backend cuda: no CUDA device (" + gpu.reason() + "); allowed here: auto, cpu");
        }
        yield besideTheKernels(CudaAttention.open());
      }
      case auto -> {
        GpuPresence gpu = GpuPresence.probe();
        if (gpu.present()) {
          notes.println(
              "attn-bench: " + gpu.describe() + ": the kernels run beside the CPU emulation");
          yield besideTheKernels(CudaAttention.open());
        }
        notes.println("attn-bench: " + gpu.describe() + ": running the CPU emulation only");
        yield List.of(emulation(null, path));
      }
    };
  }

  /**
   * The emulation the results follow: beside {@code kernels}, of their own path's contract; without
   * them (null), of {@code path}'s, wgmma's when null.
   */
  public static CpuEmulationBackend emulation(CudaAttention kernels, MmaPath path) {
    if (kernels != null) {
      return new CpuEmulationBackend(kernels.path());
    }
    return new CpuEmulationBackend(path == null ? MmaPath.WITHOUT_KERNELS : path);
  }

  /**
   * The instruction path whose contract the emulation among {@code backends} follows (run.json's
   * {@code mma_path}): the kernels' beside them, else wgmma's.
   */
  public static MmaPath emulationPath(List<AttentionBackend> backends) {
    return backends.stream()
        .filter(b -> b instanceof CpuEmulationBackend)
        .map(b -> ((CpuEmulationBackend) b).path())
        .findFirst()
        .orElse(MmaPath.WITHOUT_KERNELS);
  }

  /** The kernels and the emulation of their own instruction path's contract. */
  private static List<AttentionBackend> besideTheKernels(CudaAttention cuda) {
    try {
      return List.of(cuda, emulation(cuda, null));
    } catch (RuntimeException e) {
      cuda.close();
      throw e;
    }
  }

  /**
   * Throws unless {@code requested} ({@code --mma-path}, may be null) can be honoured: it chooses
   * the contract of the emulation alone, since beside a GPU's kernels the emulation follows their
   * path. Probes for a GPU only when {@code choice} is auto; call before anything is written.
   */
  public static void checkMmaPath(Choice choice, MmaPath requested) {
    if (requested == null || choice == Choice.cpu) {
      return;
    }
    if (choice == Choice.cuda || GpuPresence.probe().present()) {
      throw new InvalidInputException(
          "--mma-path "
              + requested.id()
              + ": the kernels run here (--backend "
              + choice
              + "), and the emulation beside them follows their path; --mma-path is for"
              + " --backend cpu");
    }
  }
}
