package dev.attnbench.bench;

import dev.attnbench.backend.cuda.GpuInfo;
import java.util.LinkedHashMap;
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

  public static Map<String, Object> measurement(StdRelCriterion criterion, long seed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "mode",
        "cold: L2 flushed (memset of 2x L2) before each sample; CUDA events around the work");
    m.put("stdrel", criterion.maxStdRel());
    m.put("min_samples", criterion.minSamples());
    m.put("window", criterion.window());
    m.put("max_time_per_point_s", criterion.budget().toMillis() / 1000.0);
    m.put("inputs", "normal(0,1) drawn on the GPU, seed " + seed);
    return m;
  }
}
