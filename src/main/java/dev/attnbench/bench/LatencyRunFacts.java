package dev.attnbench.bench;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.backend.cuda.LaunchShape;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What run.json records about a latency run: the GPU and how it was measured. */
public final class LatencyRunFacts {
  private LatencyRunFacts() {}

  public static Map<String, Object> gpu(GpuInfo gpu, double referenceClockMhz) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", gpu.name());
    g.put("arch", gpu.arch());
    g.put("sm_count", gpu.smCount());
    g.put("l2_bytes", gpu.l2Bytes());
    g.put("memory_bytes", gpu.totalMemBytes());
    g.put("driver_cuda_version", gpu.driverCudaVersion());
    g.put("jcuda_version", "12.6.0");
    g.put("max_sm_clock_mhz_nominal", gpu.maxSmClockKhz() / 1000);
    g.put("sm_clock_mhz_reference", Math.round(referenceClockMhz));
    return g;
  }

  /**
   * The short-sequence entries this GPU runs, each with the largest N it runs for without or with
   * the causal mask (above it the kernel's main entry runs): which kernel timed a point depends on
   * N and the mask, not only on the method.
   */
  public static Map<String, Integer> shortSequenceEntries(CudaAttention cuda, boolean causal) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int d : KernelTraits.HEAD_DIMS) {
      for (Method method : Method.values()) {
        if (!cuda.supports(method, d)) {
          continue;
        }
        List<String> entries = cuda.entries(method, d);
        for (String e : entries.subList(1, entries.size())) {
          LaunchShape ls = cuda.launchShape(e, method, d);
          m.put(e, ls.seqLenBound(causal));
        }
      }
    }
    return m;
  }

  public static Map<String, Object> measurement(ColdSampling sampling, long seed) {
    StdRelCriterion criterion = sampling.criterion();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", sampling.description());
    m.put("l2_flush", sampling.flush().id());
    m.put("blocking_kernel", sampling.blocked());
    m.put("stdrel", criterion.maxStdRel());
    m.put("min_samples", criterion.minSamples());
    m.put("window", criterion.window());
    m.put("max_time_per_point_s", criterion.budget().toMillis() / 1000.0);
    m.put("inputs", "normal(0,1) drawn on the GPU, seed " + seed);
    return m;
  }
}
