package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.selftest.CheckedScale;
import dev.attnbench.backend.cuda.selftest.GpuSelftest;
import dev.attnbench.bench.BlockingCheck;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import dev.attnbench.sweep.DistinctValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attn-bench selftest}: checks every CUDA kernel against its CPU emulation and the FP64
 * reference on fresh seeded inputs (see {@link GpuSelftest}). Exit 0 when all cases pass, 1 when
 * one fails, 2 without a GPU.
 */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Check the CUDA kernels against the CPU emulation and the FP64 reference (needs a GPU).")
public final class SelftestCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "Fewer shapes (N = 1, 17, 1025), for a fast check.")
  boolean quick;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description =
          "Base seed (default: fresh from the clock; printed, so a failure can be replayed).")
  Long seed;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "METHOD",
      description = "Methods to check (default: all).")
  List<String> methods;

  @Option(
      names = "--head-dim",
      split = ",",
      paramLabel = "D",
      defaultValue = "64,128",
      description = "Head dims (default: ${DEFAULT-VALUE}).")
  List<Integer> headDims;

  @Option(
      names = "--softmax-scale",
      split = ",",
      paramLabel = "SCALE",
      description =
          "Softmax scales to check every shape at: rsqrt (each shape's 1/sqrt(D)) or a number > 0"
              + " (default: rsqrt,1.3, the smallest and the largest the configs use; a larger"
              + " scale makes P peaked, where a rounding flip moves the output most).")
  List<String> softmaxScales;

  @Option(
      names = "--no-timing-check",
      description =
          "Skip the check of the timing method, which needs kernels at full speed: use it under compute-sanitizer or a profiler, which slow them 10-100x.")
  boolean noTimingCheck;

  @Override
  public Integer call() {
    List<Method> ms = new ArrayList<>();
    if (methods == null) {
      ms.addAll(Arrays.asList(Method.values()));
    } else {
      for (String id : methods) {
        try {
          ms.add(Method.parse(id));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("--method: " + e.getMessage());
        }
      }
    }
    // Checked before the GPU is looked for: a head dim without kernels would skip every method,
    // a run that could not fail.
    for (int d : headDims) {
      if (!KernelTraits.HEAD_DIMS.contains(d)) {
        throw new InvalidInputException(
            "--head-dim "
                + d
                + " is not allowed (the kernels take "
                + KernelTraits.HEAD_DIMS
                + ")");
      }
    }
    List<CheckedScale> scales = CheckedScale.DEFAULTS;
    if (softmaxScales != null) {
      scales = new ArrayList<>();
      for (String token : softmaxScales) {
        try {
          scales.add(CheckedScale.parse(token));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("--softmax-scale: " + e.getMessage());
        }
      }
    }
    // A value given twice checked every shape twice: rsqrt,rsqrt ran the full suite over again.
    DistinctValues.check("method", ms, Method::id);
    DistinctValues.check("head-dim", headDims);
    DistinctValues.check("softmax-scale", scales, CheckedScale::label);
    long s = seed != null ? seed : System.nanoTime() & 0xFFFF_FFFFL;
    try (CudaAttention cuda = CudaAttention.open()) {
      GpuSelftest.Summary summary =
          new GpuSelftest(cuda, System.out)
              .run(new GpuSelftest.Options(quick, s, ms, headDims, scales));
      // The benchmark's timing method is checked too: a kernel suite that passes does not make
      // the latencies right.
      boolean timing = true;
      if (noTimingCheck) {
        System.out.println("SKIP timing: --no-timing-check");
      } else {
        timing = BlockingCheck.run(cuda, System.out);
      }
      return summary.ok() && timing ? 0 : AttnBench.EXIT_RUNTIME_FAILURE;
    }
  }
}
