package dev.attnbench.bench;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.DriverVersion;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.backend.cuda.LaunchShape;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jcuda.driver.JCudaDriver;

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
    DriverVersion.read().ifPresent(v -> g.put("driver_version", v));
    g.put("driver_cuda_version", gpu.driverCudaVersion());
    g.put("jcuda_version", jcudaVersion());
    g.put("max_sm_clock_mhz_nominal", gpu.maxSmClockKhz() / 1000);
    g.put("sm_clock_mhz_reference", Math.round(referenceClockMhz));
    return g;
  }

  /**
   * JCuda's version, from the Maven metadata its jar carries (and the shaded jar keeps): a copy of
   * the pom's number here would go stale when the pom moves on.
   */
  static String jcudaVersion() {
    try (InputStream in =
        JCudaDriver.class.getResourceAsStream("/META-INF/maven/org.jcuda/jcuda/pom.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Puts into {@code run} the bounded (short- and mid-sequence) entries this GPU runs, in the order
   * the host prefers them, each with the largest N it runs for without the causal mask ({@code
   * bounded_entries}) and with it ({@code bounded_entries_causal}); it runs up to that N where no
   * entry before it serves the point, and above every bound the kernel's main entry runs, so which
   * kernel timed a point depends on N and the mask, not only on the method. (Before kernels v71,
   * whose mid-sequence entries came in, the keys were {@code short_sequence_entries[_causal]}.)
   */
  public static void putBoundedEntries(Map<String, Object> run, CudaAttention cuda) {
    Map<String, Integer> plain = new LinkedHashMap<>();
    Map<String, Integer> causal = new LinkedHashMap<>();
    for (int d : KernelTraits.HEAD_DIMS) {
      for (Method method : Method.values()) {
        if (!cuda.supports(method, d)) {
          continue;
        }
        List<String> entries = cuda.entries(method, d);
        for (String e : entries.subList(1, entries.size())) {
          LaunchShape ls = cuda.launchShape(e, method, d);
          plain.put(e, ls.seqLenBound(false));
          causal.put(e, ls.seqLenBound(true));
        }
      }
    }
    run.put("bounded_entries", plain);
    run.put("bounded_entries_causal", causal);
  }

  public static Map<String, Object> measurement(ColdSampling sampling, LatencyInputs inputs) {
    StdRelCriterion criterion = sampling.criterion();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", sampling.description());
    m.put("l2_flush", sampling.flush().id());
    m.put("blocking_kernel", sampling.blocked());
    m.put("stdrel", criterion.maxStdRel());
    m.put("min_samples", criterion.minSamples());
    m.put("window", criterion.window());
    m.put("max_time_per_point_s", criterion.budget().toMillis() / 1000.0);
    m.put("inputs", inputs.describe());
    return m;
  }
}
