package dev.attnbench.backend.cuda;

import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code info} can print about the CUDA side: the device (or why there is none), the kernel
 * modules in the jar, and each attention entry's launch shape as its module exports it. Reading the
 * launch constants exercises module loading and {@code cuModuleGetGlobal} on the spot.
 */
public final class GpuReport {
  private GpuReport() {}

  public static void print(PrintStream out) {
    GpuPresence presence = GpuPresence.probe();
    out.printf("%-14s %s%n", "gpu", presence.describe());
    out.printf(
        "%-14s %s%n",
        "kernels",
        KernelLibrary.packagedFiles().isEmpty()
            ? "none (built without nvcc)"
            : KernelLibrary.packagedFiles());
    if (!presence.present()) {
      return;
    }
    try (CudaAttention cuda = CudaAttention.open()) {
      Set<String> seen = new LinkedHashSet<>();
      for (int d : KernelTraits.HEAD_DIMS) {
        for (Method m : Method.values()) {
          String entry = KernelEntries.attention(m, d);
          if (!seen.add(entry)) {
            continue;
          }
          if (!cuda.library().has(entry)) {
            out.printf("%-14s %-22s missing%n", "", entry);
            continue;
          }
          for (String e : cuda.entries(m, d)) {
            LaunchShape ls = cuda.launchShape(e, m, d);
            out.printf(
                "%-14s %-24s rows/block %d, Bc %d on %s, l sums %s, %d threads, %d B smem%s%s (%s)%n",
                "",
                e,
                ls.rowsPerBlock(),
                ls.keyBlock(),
                ls.path().id(),
                ls.denominatorCountsPTilde() ? "P̃" : "p",
                ls.threads(),
                ls.dynamicSmemBytes(),
                runsFor(ls),
                ls.persistent() ? ", persistent (one block per SM)" : "",
                cuda.library().moduleWith(e).file());
          }
        }
      }
    }
  }

  /** ", runs for N <= X" for a short-sequence entry, with the causal bound where it differs. */
  private static String runsFor(LaunchShape ls) {
    if (!ls.built()) {
      return ", not built in this image";
    }
    if (ls.servesEveryLength()) {
      return "";
    }
    String s = ", runs for N <= " + ls.seqLenBound();
    return ls.causalSeqLenBound() == ls.seqLenBound()
        ? s
        : s + " (causal: N <= " + ls.causalSeqLenBound() + ")";
  }
}
