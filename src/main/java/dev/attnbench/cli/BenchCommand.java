package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.LatencyRunFacts;
import dev.attnbench.bench.LatencyTable;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import dev.attnbench.report.SpeedupSummary;
import dev.attnbench.sweep.ConfigLoader;
import dev.attnbench.sweep.LatencyJob;
import dev.attnbench.sweep.LatencySweep;
import dev.attnbench.sweep.ResumedRun;
import dev.attnbench.sweep.SweepConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code attn-bench bench}: latency of the CUDA kernels over a grid of (method, N, D, causal,
 * scope), measured cold (L2 flushed before every sample) with CUDA events until the spread settles.
 * Inputs are drawn on the GPU, from normal(0, 1) unless {@code --input-dist} says otherwise. Writes
 * latency.csv (after every point) and run.json.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Measure kernel latency on the GPU (needs a CUDA device). Default folder: out/bench-<time>.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Sweep definition (its latency section); flags override it.")
  Path config;

  @Mixin GridOptions grid;

  @Option(
      names = "--scope",
      paramLabel = "kernel|end-to-end|both",
      description =
          "kernel: attention on pre-quantized inputs (the paper's timing); end-to-end: quantize kernels + attention from FP16. Default kernel.")
  String scope;

  @Option(
      names = "--softmax-scale",
      paramLabel = "X",
      description =
          "Softmax scale of the timed attention (default: the config's, else 1.3, the authors' benchmark.py).")
  Double softmaxScale;

  @Mixin MeasurementOptions measurement;

  @Mixin OutputOptions output;

  /** The config's latency section, or null without --config; a config without one is refused. */
  private SweepConfig.Latency latencySection() {
    config = output.config(config);
    if (config == null) {
      return null;
    }
    SweepConfig.Latency latency = ConfigLoader.load(config).latency();
    if (latency == null) {
      // Else the defaults would run in its place, silently.
      throw new InvalidInputException("--config " + config + ": no latency section");
    }
    return latency;
  }

  @Override
  public Integer call() {
    LatencySweep sweep = LatencySweep.resolve(latencySection(), flags());
    ColdSampling sampling = measurement.sampling();
    LatencyInputs inputs = measurement.inputs();
    Instant start = Instant.now();
    // The folder's checks, then the GPU, then the folder: without a GPU the command fails with
    // one line and leaves no folder behind, and a bad --out is named all the same.
    output.check();
    try (CudaAttention cuda = CudaAttention.open()) {
      ResultFolder folder =
          output.open(
              () ->
                  Path.of(
                      "out",
                      "bench-"
                          + LocalDateTime.now()
                              .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
      ResumedRun resumed = output.resumed();
      if (resumed != null) {
        resumed.requireSweep("sweep", List.of(sweep));
        resumed.requireMeasurement(LatencyRunFacts.measurement(sampling, inputs));
      }
      System.out.println("gpu: " + cuda.gpu().summary());
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("command", "bench");
      run.put("status", "running");
      run.put("gpu_name", cuda.gpu().name());
      run.put("mma_path", cuda.path().id());
      run.put("measurement", LatencyRunFacts.measurement(sampling, inputs));
      run.put("sweep", sweep);
      run.put("config_file", config == null ? null : config.toString());
      run.put(RecordedArgs.FIELD, output.args());
      run.put("start", start.toString());
      if (resumed != null) resumed.keepHistory(run);
      RunRecord.write(folder, run);
      LatencyJob.Result result =
          LatencyJob.run(
              sweep, cuda, sampling, measurement.saveSamples, inputs, folder, System.err);
      run.put("status", "complete");
      run.put("gpu", LatencyRunFacts.gpu(cuda.gpu(), result.referenceClockMhz()));
      LatencyRunFacts.putBoundedEntries(run, cuda);
      // A resumed run that was already complete keeps its own end (ResumedRun.keepHistory).
      run.putIfAbsent("end", Instant.now().toString());
      RunRecord.write(folder, run);
      LatencyTable.print(result.rows(), System.out);
      SpeedupSummary.print(result.rows(), System.out);
      System.out.printf(
          "%nwrote %s and run.json (%d rows)%n",
          folder.resolve("latency.csv"), result.rows().size());
    }
    return 0;
  }

  private SweepConfig.Latency flags() {
    return new SweepConfig.Latency(
        grid.batch,
        grid.heads,
        grid.seqLen,
        grid.headDim,
        grid.causal(),
        grid.methods,
        scope == null ? null : List.of(scope),
        softmaxScale);
  }
}
