package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.backend.Backends;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.method.MmaPath;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.AccuracySummary;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import dev.attnbench.sweep.AccuracyJob;
import dev.attnbench.sweep.AccuracySweep;
import dev.attnbench.sweep.AccuracySweeps;
import dev.attnbench.sweep.ConfigLoader;
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
 * {@code attn-bench accuracy}: the error of every method against the FP64 reference over a grid of
 * sequence lengths, head dims and activation distributions. Writes accuracy.csv and run.json into
 * {@code --out} (default out/accuracy-<time>).
 */
@Command(
    name = "accuracy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Measure each method's error against an FP64 reference (runs on the CPU emulation without a GPU). Default folder: out/accuracy-<time>.")
public final class AccuracyCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Sweep definition (YAML); flags override it.")
  Path config;

  @Mixin GridOptions grid;

  @Option(
      names = "--dist",
      // Commas inside a distribution's parameters, as in uniform(-1,1), do not separate two: a
      // comma after an open parenthesis (not closed before it) is a parameter's. Looking back
      // rather than ahead keeps an unclosed one whole, so 'normal(0,1' is named as given. Java's
      // look-behind needs a bound; 200 characters is more than any distribution's parameters.
      split = "(?<!\\([^()]{0,200}),",
      splitSynopsisLabel = ",",
      paramLabel = "DIST",
      description =
          "normal[(mean,std)], uniform[(lo,hi)], outlier[(channels,scale)], kbias[(channels,bias)].")
  List<String> distributions;

  @Option(
      names = "--rows",
      paramLabel = "R",
      description =
          "Query rows evaluated per head (a seeded sample, always with the last row); all rows if R >= N (default: the config's, else 256).")
  Integer rows;

  @Option(
      names = "--softmax-scale",
      paramLabel = "X",
      description = "Softmax scale (default: the config's, else 1/sqrt(D)).")
  Double softmaxScale;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "Base seed of the inputs; each point's own is derived from it (default 42).")
  Long seed;

  @Option(
      names = "--backend",
      defaultValue = "auto",
      paramLabel = "auto|cpu|cuda",
      description =
          "cpu: emulation only; cuda: the kernels, beside the emulation; auto: cuda when a GPU is visible.")
  Backends.Choice backend;

  @Mixin EmulationOptions emulationOptions;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    config = output.config(config);
    SweepConfig.Accuracy fromFile = config == null ? null : ConfigLoader.load(config).accuracy();
    if (config != null && fromFile == null) {
      // Else the defaults would run in its place, silently.
      throw new InvalidInputException("--config " + config + ": no accuracy section");
    }
    SweepConfig.Accuracy fromFlags =
        new SweepConfig.Accuracy(
            grid.batch,
            grid.heads,
            grid.seqLen,
            grid.headDim,
            grid.causal(),
            distributions,
            grid.methods,
            rows,
            softmaxScale,
            seed);
    AccuracySweep sweep = AccuracySweeps.resolve(fromFile, fromFlags);
    sweep.checkRunnable(Runtime.getRuntime().maxMemory());
    MmaPath requestedPath = emulationOptions.requested();
    Backends.checkMmaPath(backend, requestedPath);
    // The folder's checks, then the backends, then the folder: without a GPU, --backend cuda
    // fails with one line and leaves no empty folder behind, and a bad --out is named before the
    // "no CUDA device" notice of --backend auto.
    output.check();
    List<AttentionBackend> backends = Backends.forAccuracy(backend, requestedPath, System.err);
    try {
      return run(sweep, backends);
    } finally {
      backends.forEach(AttentionBackend::close);
    }
  }

  private int run(AccuracySweep sweep, List<AttentionBackend> backends) {
    ResultFolder folder =
        output.open(
            () ->
                Path.of(
                    "out",
                    "accuracy-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    List<AccuracyRow> finished = List.of();
    ResumedRun resumed = output.resumed();
    if (resumed != null) {
      finished = AccuracyJob.finishedRows(resumed, sweep, "sweep");
      resumed.requireMmaPath(Backends.emulationPath(backends));
    }
    Instant start = Instant.now();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "accuracy");
    run.put("status", "running");
    run.put("backends", backends.stream().map(AttentionBackend::name).toList());
    // The GPU the kernels' rows come from, as reproduce and bench record it (a report names it).
    backends.stream()
        .filter(CudaAttention.class::isInstance)
        .findFirst()
        .ifPresent(cuda -> run.put("gpu_name", ((CudaAttention) cuda).gpu().name()));
    run.put("mma_path", Backends.emulationPath(backends).id());
    run.put("config_file", config == null ? null : config.toString());
    run.put(RecordedArgs.FIELD, output.args());
    run.put("sweep", sweep);
    run.put("start", start.toString());
    if (resumed != null) resumed.keepHistory(run);
    RunRecord.write(folder, run);
    List<AccuracyRow> rows = AccuracyJob.run(sweep, backends, folder, finished, System.err);
    run.put("status", "complete");
    // A resumed run that was already complete keeps its own end (ResumedRun.keepHistory).
    run.putIfAbsent("end", Instant.now().toString());
    RunRecord.write(folder, run);
    AccuracySummary.print(rows, System.out);
    System.out.printf(
        "%nwrote %s and run.json (%d rows)%n", folder.resolve(AccuracyCsv.FILE), rows.size());
    return 0;
  }
}
