package dev.attnbench.backend.cuda;

import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
          List<LaunchShape> preferred = new ArrayList<>();
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
                runsFor(ls, preferred),
                ls.persistent() ? ", persistent (one block per SM)" : "",
                cuda.library().moduleWith(e).file());
            if (!ls.servesEveryLength()) {
              preferred.add(ls);
            }
          }
        }
      }
    }
  }

  /**
   * ", runs for N <= X" for a bounded entry, or "A < N <= X" above the bounds of the bounded
   * entries the host prefers to it ({@code preferred}), with the causal range where it differs.
   */
  static String runsFor(LaunchShape ls, List<LaunchShape> preferred) {
    if (!ls.built()) {
      return ", not built in this image";
    }
    if (ls.servesEveryLength()) {
      return "";
    }
    String plain = range(ls, preferred, false);
    String causal = range(ls, preferred, true);
    return ", runs for " + plain + (causal.equals(plain) ? "" : " (causal: " + causal + ")");
  }

  private static String range(LaunchShape ls, List<LaunchShape> preferred, boolean causal) {
    int above = 0;
    for (LaunchShape p : preferred) {
      above = Math.max(above, p.seqLenBound(causal));
    }
    int bound = ls.seqLenBound(causal);
    return above >= bound
        ? "no N (entries before it serve up to " + above + ")"
        : (above > 0 ? above + " < " : "") + "N <= " + bound;
  }
}
