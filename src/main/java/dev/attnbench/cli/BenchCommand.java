package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.LatencyRunFacts;
import dev.attnbench.bench.LatencyTable;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import dev.attnbench.sweep.ConfigLoader;
import dev.attnbench.sweep.LatencyJob;
import dev.attnbench.sweep.LatencySweep;
import dev.attnbench.sweep.SweepConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attn-bench bench}: latency of the CUDA kernels over a grid of (method, N, D, causal,
 * scope), measured cold (L2 flushed before every sample) with CUDA events until the spread settles.
 * Inputs are drawn on the GPU from normal(0, 1). Writes latency.csv (after every point) and
 * run.json.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure kernel latency on the GPU (needs a CUDA device).")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Sweep definition (its latency section); flags override it.")
  Path config;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "METHOD",
      description =
          "Methods (default fp16,fp8,int8-half,int8,int8-plus); any of: fp16, fp8, fp8-e4m3, int8-half, int8, int8-plus, int8-plus-smoothk, int8+u8p, int8+qsum, int8+vchan, int8+smoothk.")
  List<String> methods;

  @Option(
      names = "--seq-len",
      split = ",",
      paramLabel = "N",
      description = "Sequence lengths (default 1024,2048,4096,8192,16384).")
  List<Integer> seqLens;

  @Option(
      names = "--head-dim",
      split = ",",
      paramLabel = "D",
      description = "Head dims, 64 and/or 128 (default 64).")
  List<Integer> headDims;

  @Option(names = "--batch", paramLabel = "B", description = "Default 4.")
  Integer batch;

  @Option(names = "--heads", paramLabel = "H", description = "Default 32.")
  Integer heads;

  @Option(names = "--causal", paramLabel = "false|true|both", description = "Default false.")
  String causal;

  @Option(
      names = "--scope",
      paramLabel = "kernel|end-to-end|both",
      description =
          "kernel: attention on pre-quantized inputs (the paper's timing); end-to-end: quantize kernels + attention from FP16. Default kernel.")
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
      description =
          "Stop a point once the relative std-dev of its last samples is below this (default: ${DEFAULT-VALUE}).")
  double stdRel;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "1",
      description = "Input seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Result folder (default out/bench-<time>).")
  Path out;

  @Option(names = "--force", description = "Overwrite a result folder that already holds a run.")
  boolean force;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = "Continue an interrupted bench in DIR: measured points are kept.")
  Path resume;

  @Override
  public Integer call() {
    LatencySweep sweep =
        LatencySweep.resolve(config == null ? null : ConfigLoader.load(config).latency(), flags());
    StdRelCriterion criterion = criterion();
    Instant start = Instant.now();
    // The GPU first: without one the command fails with one line and leaves no folder behind.
    try (CudaAttention cuda = CudaAttention.open()) {
      ResultFolder folder =
          resume != null
              ? ResultFolder.open(resume, true)
              : ResultFolder.open(
                  out != null
                      ? out
                      : Path.of(
                          "out",
                          "bench-"
                              + LocalDateTime.now()
                                  .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))),
                  force);
      System.out.println("gpu: " + cuda.gpu().summary());
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("command", "bench");
      run.put("status", "running");
      run.put("gpu_name", cuda.gpu().name());
      run.put("measurement", LatencyRunFacts.measurement(criterion, seed));
      run.put("sweep", sweep);
      run.put("config_file", config == null ? null : config.toString());
      run.put("start", start.toString());
      RunRecord.write(folder, run);
      double[] clock = new double[1];
      List<LatencyRow> rows =
          LatencyJob.run(
              sweep,
              cuda,
              criterion,
              seed,
              folder,
              LatencyJob.finishedRows(folder),
              System.err,
              clock);
      run.put("status", "complete");
      run.put("gpu", LatencyRunFacts.gpu(cuda.gpu(), clock[0]));
      run.put("end", Instant.now().toString());
      RunRecord.write(folder, run);
      LatencyTable.print(rows, System.out);
      System.out.printf(
          "%nwrote %s and run.json (%d rows)%n", folder.resolve("latency.csv"), rows.size());
    }
    return 0;
  }

  private SweepConfig.Latency flags() {
    return new SweepConfig.Latency(
        batch,
        heads,
        seqLens,
        headDims,
        causal == null ? null : causals(causal),
        methods,
        scope == null ? null : List.of(scope),
        null);
  }

  private static List<Boolean> causals(String causal) {
    return switch (causal.trim().toLowerCase(Locale.ROOT)) {
      case "false" -> List.of(false);
      case "true" -> List.of(true);
      case "both" -> List.of(false, true);
      default ->
          throw new InvalidInputException(
              "--causal '" + causal + "' is not allowed (allowed: false, true, both)");
    };
  }

  StdRelCriterion criterion() {
    if (!(stdRel > 0 && stdRel < 1)) {
      throw new InvalidInputException(
          "--stdrel " + stdRel + " is not allowed (must be in (0, 1), e.g. 0.005)");
    }
    if (!(maxTimePerPoint > 0)) {
      throw new InvalidInputException(
          "--max-time-per-point " + maxTimePerPoint + " is not allowed (must be > 0 seconds)");
    }
    return StdRelCriterion.of(stdRel, Duration.ofMillis(Math.round(maxTimePerPoint * 1000)));
  }
}
