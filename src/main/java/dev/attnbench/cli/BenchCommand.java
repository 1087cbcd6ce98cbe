package dev.attnbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.bench.ColdMeasurement;
import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.Scope;
import dev.attnbench.bench.SmClock;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.report.Environment;
import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attn-bench bench}: latency of the CUDA kernels over a grid of (method, N, D, causal, scope),
 * measured cold (L2 flushed before every sample) with CUDA events until the spread settles. Inputs
 * are drawn on the GPU from normal(0, 1). Writes latency.csv (after every point) and run.json.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure kernel latency on the GPU (needs a CUDA device).")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "METHOD",
      defaultValue = "fp16,fp8,int8-half,int8,int8-plus",
      description = "Methods (default: ${DEFAULT-VALUE}); any of: fp16, fp8, fp8-e4m3, int8-half, int8, int8-plus, int8-plus-smoothk, int8+u8p, int8+qsum, int8+vchan, int8+smoothk.")
  List<String> methods;

  @Option(
      names = "--seq-len",
      split = ",",
      paramLabel = "N",
      defaultValue = "1024,2048,4096,8192,16384",
      description = "Sequence lengths (default: ${DEFAULT-VALUE}).")
  List<Integer> seqLens;

  @Option(
      names = "--head-dim",
      split = ",",
      paramLabel = "D",
      defaultValue = "64",
      description = "Head dims, 64 and/or 128 (default: ${DEFAULT-VALUE}).")
  List<Integer> headDims;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--heads", paramLabel = "H", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}.")
  int heads;

  @Option(
      names = "--causal",
      paramLabel = "false|true|both",
      defaultValue = "false",
      description = "Default: ${DEFAULT-VALUE}.")
  String causal;

  @Option(
      names = "--scope",
      paramLabel = "kernel|end-to-end|both",
      defaultValue = "kernel",
      description = "kernel: attention on pre-quantized inputs (the paper's timing); end-to-end: quantize kernels + attention from FP16. Default: ${DEFAULT-VALUE}.")
  String scope;

  @Option(
      names = "--max-time-per-point",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Sampling budget per point in seconds (default: ${DEFAULT-VALUE}).")
  double maxTimePerPoint;

  @Option(
      names = "--stdrel",
      paramLabel = "FRACTION",
      defaultValue = "0.005",
      description = "Stop a point once the relative std-dev of its last samples is below this (default: ${DEFAULT-VALUE}).")
  double stdRel;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Input seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default out/bench-<time>).")
  Path out;

  @Option(names = "--force", description = "Overwrite a result folder that already holds a run.")
  boolean force;

  @Override
  public Integer call() {
    List<LatencyBench.Point> points = points();
    StdRelCriterion criterion = criterion();
    PrintStream err = System.err;
    Instant start = Instant.now();
    // The GPU first: without one the command fails with one line and leaves no folder behind.
    try (CudaAttention cuda = CudaAttention.open()) {
      GpuInfo gpu = cuda.gpu();
      List<LatencyBench.Point> runnable = new ArrayList<>();
      for (LatencyBench.Point p : points) {
        String why = cuda.whyUnsupported(p.method(), p.shape().headDim(), p.scope() == Scope.END_TO_END);
        if (why == null) {
          runnable.add(p);
        } else {
          err.printf("attn-bench: skipping %s D=%d %s: %s%n", p.method().id(), p.shape().headDim(), p.scope(), why);
        }
      }
      if (runnable.isEmpty()) {
        throw new InvalidInputException("none of the requested points has a kernel on this build");
      }
      ResultFolder folder = ResultFolder.open(outDir(), force);
      System.out.println("gpu: " + gpu.summary());
      LatencyCsv csv = new LatencyCsv(folder);
      try (SmClock clock = new SmClock(cuda.library());
          ColdMeasurement cold = new ColdMeasurement(gpu, clock, criterion, null)) {
        LatencyBench bench = new LatencyBench(cuda, clock, cold, seed);
        System.out.println(header());
        for (int i = 0; i < runnable.size(); i++) {
          LatencyBench.Measured m = bench.measure(runnable.get(i));
          csv.append(m.row());
          System.out.println(line(m.row(), m.result().stop()));
        }
        writeRunJson(folder, gpu, clock.referenceMhz(), criterion, start);
      }
      System.out.printf("%nwrote %s and run.json (%d rows)%n", folder.resolve(LatencyCsv.FILE), csv.rows().size());
    }
    return 0;
  }

  private Path outDir() {
    return out != null
        ? out
        : Path.of("out", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /** The grid, method-major within each shape so methods at one shape are timed back to back. */
  List<LatencyBench.Point> points() {
    List<Method> ms = new ArrayList<>();
    for (String id : methods) {
      try {
        ms.add(Method.parse(id));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--method: " + e.getMessage());
      }
    }
    List<Boolean> causals =
        switch (causal.trim().toLowerCase(Locale.ROOT)) {
          case "false" -> List.of(false);
          case "true" -> List.of(true);
          case "both" -> List.of(false, true);
          default -> throw new InvalidInputException("--causal '" + causal + "' (allowed: false, true, both)");
        };
    List<Scope> scopes =
        scope.trim().equals("both") ? List.of(Scope.KERNEL, Scope.END_TO_END) : List.of(Scope.parse(scope));
    if (batch < 1 || heads < 1) {
      throw new InvalidInputException("--batch and --heads must be >= 1");
    }
    List<LatencyBench.Point> points = new ArrayList<>();
    for (int d : headDims) {
      if (d != 64 && d != 128) {
        throw new InvalidInputException("--head-dim " + d + " (the kernels exist for 64 and 128)");
      }
      for (int n : seqLens) {
        if (n < 1) {
          throw new InvalidInputException("--seq-len " + n + " (must be >= 1)");
        }
        for (boolean c : causals) {
          for (Scope s : scopes) {
            for (Method m : ms) {
              points.add(new LatencyBench.Point(m, new Shape(batch, heads, n, d, c), s));
            }
          }
        }
      }
    }
    return points;
  }

  StdRelCriterion criterion() {
    if (!(stdRel > 0 && stdRel < 1)) {
      throw new InvalidInputException("--stdrel " + stdRel + " (must be in (0, 1), e.g. 0.005)");
    }
    if (!(maxTimePerPoint > 0)) {
      throw new InvalidInputException("--max-time-per-point " + maxTimePerPoint + " (must be > 0 seconds)");
    }
    return StdRelCriterion.of(stdRel, Duration.ofMillis(Math.round(maxTimePerPoint * 1000)));
  }

  private static String header() {
    return String.format(
        "%-17s %3s %3s %6s %4s %-6s %-10s %10s %10s %10s %5s %8s %6s %s",
        "method", "B", "H", "N", "D", "causal", "scope", "median_ms", "p10_ms", "p90_ms", "reps",
        "TFLOP/s", "MHz", "note");
  }

  private static String line(LatencyRow r, StdRelCriterion.Stop stop) {
    String note = (r.throttled() ? "throttled " : "") + (StdRelCriterion.converged(stop) ? "" : "unsettled:" + stop.name().toLowerCase(Locale.ROOT));
    return String.format(
        Locale.ROOT,
        "%-17s %3d %3d %6d %4d %-6s %-10s %10.4f %10.4f %10.4f %5d %8.1f %6.0f %s",
        r.method(), r.batch(), r.heads(), r.seqLen(), r.headDim(), r.causal(), r.scope(), r.medianMs(),
        r.p10Ms(), r.p90Ms(), r.reps(), r.tflops(), r.smClockMhz(), note.trim());
  }

  private void writeRunJson(
      ResultFolder folder, GpuInfo gpu, double maxClockMhz, StdRelCriterion criterion, Instant start) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "bench");
    run.putAll(Environment.describe());
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", gpu.name());
    g.put("arch", gpu.arch());
    g.put("sm_count", gpu.smCount());
    g.put("l2_bytes", gpu.l2Bytes());
    g.put("memory_bytes", gpu.totalMemBytes());
    g.put("driver_cuda_version", gpu.driverCudaVersion());
    g.put("jcuda_version", "12.6.0");
    g.put("max_sm_clock_mhz_nominal", gpu.maxSmClockKhz() / 1000);
    g.put("sm_clock_mhz_reference", Math.round(maxClockMhz));
    run.put("gpu", g);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", "cold: L2 flushed (memset of 2x L2) before each sample; CUDA events around the work");
    m.put("stdrel", criterion.maxStdRel());
    m.put("min_samples", criterion.minSamples());
    m.put("window", criterion.window());
    m.put("max_time_per_point_s", criterion.budget().toMillis() / 1000.0);
    m.put("inputs", "normal(0,1) drawn on the GPU, seed " + seed);
    run.put("measurement", m);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("method", methods);
    args.put("seq_len", seqLens);
    args.put("head_dim", headDims);
    args.put("batch", batch);
    args.put("heads", heads);
    args.put("causal", causal);
    args.put("scope", scope);
    args.put("max_time_per_point", maxTimePerPoint);
    args.put("stdrel", stdRel);
    args.put("seed", seed);
    run.put("args", args);
    run.put("start", start.toString());
    run.put("end", Instant.now().toString());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    folder.write(
        "run.json",
        w -> {
          try {
            json.writeValue(w, run);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
