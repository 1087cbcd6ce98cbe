package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.backend.Backends;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.LatencyRunFacts;
import dev.attnbench.bench.PeerScript;
import dev.attnbench.bench.PythonPeer;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.MmaPath;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.AccuracySummary;
import dev.attnbench.report.ClaimsCsv;
import dev.attnbench.report.JmhCsv;
import dev.attnbench.report.ReportWriter;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.ResultSet;
import dev.attnbench.report.RunRecord;
import dev.attnbench.report.SpeedupSummary;
import dev.attnbench.report.TensorDump;
import dev.attnbench.sweep.AccuracyJob;
import dev.attnbench.sweep.AccuracySweep;
import dev.attnbench.sweep.AccuracySweeps;
import dev.attnbench.sweep.ConfigLoader;
import dev.attnbench.sweep.LatencyJob;
import dev.attnbench.sweep.LatencySweep;
import dev.attnbench.sweep.ResumedRun;
import dev.attnbench.sweep.SweepConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attn-bench reproduce}: the paper's experiments end to end. Runs the config's latency sweep
 * (GPU) and accuracy sweep (the kernels and the CPU emulation; the emulation alone without a GPU),
 * optionally PyTorch's SDPA as a peer, and writes one self-describing result folder with
 * latency.csv, accuracy.csv, run.json, REPORT.md, claims.csv and charts.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Rerun the paper's latency and accuracy experiments and write a report (accuracy only without a GPU). Default folder: results/<date>-<gpu or cpu>-<config name>, with -2, -3, … for a later run of the same day.")
public final class ReproduceCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "configs/paper.yaml",
      description =
          "Sweep definition (default: ${DEFAULT-VALUE}; the jar carries quick, paper and ablation).")
  Path config;

  @Mixin MeasurementOptions measurement;

  @Mixin EmulationOptions emulationOptions;

  @Mixin OutputOptions output;

  @Option(
      names = "--backend",
      defaultValue = "auto",
      paramLabel = "auto|cpu|cuda",
      description =
          "Accuracy backends (auto: the kernels beside the emulation when a GPU is visible).")
  Backends.Choice backend;

  @Option(
      names = "--peer",
      split = ",",
      paramLabel = "PEER",
      description =
          "torch-sdpa: time PyTorch SDPA (flash and cuDNN) at the same shapes; authors=DIR: the paper's own Triton INT8 kernel and the Triton FP16 it was written from, from DIR (which holds flash_atten_full_int8.py and configs.py of the authors' repository, and optionally the tutorial's fused_attention_fwd.py).")
  List<String> peers = List.of();

  @Option(
      names = "--save-tensors",
      paramLabel = "DIR",
      description =
          "Also write Q, K, V, each method's output and the FP64 reference of the first accuracy point as .npy files into DIR.")
  Path saveTensors;

  @Spec CommandSpec spec;

  /**
   * What a run will do, resolved from the flags and the config with every refusal already made:
   * nothing is written before it is.
   */
  private record Plan(
      SweepConfig cfg,
      AccuracySweep accuracy,
      LatencySweep latency,
      GpuPresence gpu,
      boolean useGpu,
      List<PeerScript> peerScripts,
      ColdSampling sampling,
      LatencyInputs inputs,
      MmaPath requestedPath) {

    /** Whether kernels will be timed: a GPU, and a latency section. */
    boolean timesLatency() {
      return useGpu && latency != null;
    }

    /** Why no GPU is used: the flag, or the probe's reason. */
    String noGpu() {
      return gpu == null ? "--backend cpu" : "no CUDA device (" + gpu.reason() + ")";
    }
  }

  @Override
  public Integer call() {
    Plan plan = plan();
    // A complete run resumed measures nothing, so it dumps nothing: its dump stays as it was (and
    // the folder holding it is not refused as one of an earlier dump).
    if (output.resumingComplete()) saveTensors = null;
    // The tensors' folder before the run's and before any work: a refusal after the sweep would
    // leave the run without its report.
    boolean tensorsInRun =
        saveTensors != null && output.out != null && samePath(saveTensors, output.out);
    if (saveTensors != null) {
      checkTensorFolder(tensorsInRun);
    }
    ResultFolder folder =
        output.open(
            () ->
                defaultOut(
                    plan.useGpu() ? plan.gpu().gpu().get().name() : "cpu", plan.cfg().name()));
    // Made only once the run's folder is: a refused run had left an empty tensor folder.
    ResultFolder tensors = saveTensors == null ? null : openTensorFolder(tensorsInRun, folder);
    // Read before run.json is rewritten below: a resumed run must have run this same sweep.
    ResumedRun resumed = output.resumed();
    List<AccuracyRow> finishedAccuracy =
        resumed != null && plan.accuracy() != null
            ? AccuracyJob.finishedRows(resumed, plan.accuracy(), "accuracy_sweep")
            : List.of();
    if (resumed != null && plan.timesLatency()) {
      resumed.requireSweep("latency_sweep", List.of(plan.latency()));
      resumed.requireMeasurement(LatencyRunFacts.measurement(plan.sampling(), plan.inputs()));
    }
    // The peers run after our kernels' points: one that cannot run here says so now, not then
    // (after the folder's and the resumed run's checks, so that a refusal stays one line).
    Map<String, String> unavailablePeers = new LinkedHashMap<>();
    List<PythonPeer> runnablePeers =
        plan.timesLatency() ? runnablePeers(plan.peerScripts(), unavailablePeers) : List.of();
    Map<String, Object> run = runRecord(plan, unavailablePeers);
    if (resumed != null) resumed.keepHistory(run);
    RunRecord.write(folder, run);
    measure(plan, folder, run, resumed, finishedAccuracy, runnablePeers, tensors);
    run.put("status", "complete");
    // A resumed run that was already complete keeps its own end (ResumedRun.keepHistory).
    run.putIfAbsent("end", Instant.now().toString());
    RunRecord.write(folder, run);
    List<String> charts = report(folder);
    // The CSVs this run wrote, by name: a run without a GPU writes accuracy.csv alone.
    String csvs =
        Stream.of(AccuracyCsv.FILE, LatencyCsv.FILE, JmhCsv.FILE)
            .filter(f -> Files.exists(folder.dir().resolve(f)))
            .collect(Collectors.joining(", "));
    System.out.printf(
        "%nwrote %s (REPORT.md, %s, %s, %s, run.json)%n",
        folder.dir(), ReportCommand.chartCount(charts.size()), ClaimsCsv.FILE, csvs);
    return 0;
  }

  /** The flags and the config resolved, and every refusal made before a folder is. */
  private Plan plan() {
    List<PeerScript> peerScripts = peerScripts(peers);
    ColdSampling sampling = measurement.sampling();
    LatencyInputs inputs = measurement.inputs();
    MmaPath requestedPath = emulationOptions.requested();
    Backends.checkMmaPath(backend, requestedPath);
    if (!spec.commandLine().getParseResult().hasMatchedOption("--config")) {
      // Not paper.yaml, the default, where --resume continues a run of another config.
      config = Objects.requireNonNullElse(output.config(null), config);
    }
    SweepConfig cfg = ConfigLoader.load(config);
    AccuracySweep accuracy =
        cfg.accuracy() == null ? null : AccuracySweeps.resolve(cfg.accuracy(), null);
    LatencySweep latency = cfg.latency() == null ? null : LatencySweep.resolve(cfg.latency(), null);
    GpuPresence gpu = backend == Backends.Choice.cpu ? null : GpuPresence.probe();
    boolean useGpu = gpu != null && gpu.present();
    Plan plan =
        new Plan(cfg, accuracy, latency, gpu, useGpu, peerScripts, sampling, inputs, requestedPath);
    if (backend == Backends.Choice.cuda && !useGpu) {
      throw new InvalidInputException(
          "--backend cuda: no CUDA device (" + gpu.reason() + "); allowed here: auto, cpu");
    }
    if (accuracy == null && !useGpu) {
      // Checked before a folder is made: a run with nothing in it would be refused by report.
      throw new InvalidInputException(
          "--config "
              + config
              + ": only a latency section, and "
              + plan.noGpu()
              + ": nothing to run here");
    }
    if (accuracy != null) {
      accuracy.checkRunnable(Runtime.getRuntime().maxMemory());
    }
    if (latency == null || !useGpu) {
      warnUnused(latency == null ? "the config has no latency section" : "latency is not timed");
    }
    return plan;
  }

  /**
   * The peers that can run here; each that cannot goes into {@code unavailable} with why, and says
   * so on stderr.
   */
  private static List<PythonPeer> runnablePeers(
      List<PeerScript> scripts, Map<String, String> unavailable) {
    List<PythonPeer> runnable = new ArrayList<>();
    for (PeerScript p : scripts) {
      PythonPeer peer = new PythonPeer(p);
      peer.unavailable()
          .ifPresentOrElse(why -> unavailable.put(p.id(), why), () -> runnable.add(peer));
    }
    unavailable.forEach(
        (id, why) ->
            System.err.println("attn-bench: the " + id + " peer will time nothing here: " + why));
    return runnable;
  }

  /** run.json as the run starts: what it will run, and where latency comes from. */
  private Map<String, Object> runRecord(Plan plan, Map<String, String> unavailablePeers) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "reproduce");
    run.put("status", "running");
    run.put("config_file", config.toString());
    run.put(RecordedArgs.FIELD, output.args());
    run.put("config", plan.cfg());
    run.put("accuracy_sweep", plan.accuracy());
    run.put("latency_sweep", plan.latency());
    run.put("start", Instant.now().toString());
    if (!unavailablePeers.isEmpty()) {
      run.put("peers_unavailable", unavailablePeers);
    }
    run.put("latency", plan.useGpu() ? "measured" : "not measured: " + plan.noGpu());
    return run;
  }

  /**
   * The measurements: the kernels' latency and the peers' (on a GPU), then the accuracy sweep on
   * every backend; {@code run} gains what they record, and is saved before each long step.
   */
  private void measure(
      Plan plan,
      ResultFolder folder,
      Map<String, Object> run,
      ResumedRun resumed,
      List<AccuracyRow> finishedAccuracy,
      List<PythonPeer> runnablePeers,
      ResultFolder tensors) {
    List<AttentionBackend> backends = new ArrayList<>();
    try {
      CudaAttention cuda = plan.useGpu() ? CudaAttention.open() : null;
      if (cuda != null) {
        backends.add(cuda);
        run.put("gpu_name", cuda.gpu().name());
      } else {
        System.err.println(
            "attn-bench: "
                + (plan.gpu() == null ? "--backend cpu" : plan.gpu().describe())
                + ": latency not measured; accuracy on the CPU emulation");
      }
      CpuEmulationBackend emulation = Backends.emulation(cuda, plan.requestedPath());
      if (resumed != null && plan.accuracy() != null) {
        resumed.requireMmaPath(emulation.path());
      }
      backends.add(emulation);
      run.put("mma_path", emulation.path().id());
      if (cuda != null && plan.latency() != null) {
        // Recorded before the points, so that an interrupted run says what it timed.
        run.put("measurement", LatencyRunFacts.measurement(plan.sampling(), plan.inputs()));
        RunRecord.write(folder, run);
        LatencyJob.Result result =
            LatencyJob.run(
                plan.latency(),
                cuda,
                plan.sampling(),
                measurement.saveSamples,
                plan.inputs(),
                folder,
                System.err);
        run.put("gpu", LatencyRunFacts.gpu(cuda.gpu(), result.referenceClockMhz()));
        LatencyRunFacts.putBoundedEntries(run, cuda);
        if (!runnablePeers.isEmpty()) {
          Map<String, String> failed = new LinkedHashMap<>();
          run.put(
              "peer_arguments",
              addPeers(
                  runnablePeers,
                  peerRequest(plan.latency(), plan.sampling(), plan.inputs()),
                  folder,
                  result.rows(),
                  failed,
                  System.err));
          if (!failed.isEmpty()) run.put("peers_failed", failed);
        }
      }
      if (plan.accuracy() != null) {
        RunRecord.write(folder, run);
        List<AccuracyRow> rows =
            AccuracyJob.run(plan.accuracy(), backends, folder, finishedAccuracy, System.err);
        AccuracySummary.print(rows, System.out);
        if (tensors != null) {
          saveTensors(tensors, plan.accuracy(), emulation.path());
        }
      }
    } finally {
      backends.forEach(AttentionBackend::close);
    }
  }

  /**
   * The speed summary and the report of the finished run; the chart files drawn. Ctrl-C while the
   * report is drawn leaves the measurements complete, and says how to draw it again.
   */
  private static List<String> report(ResultFolder folder) {
    Thread reportHook =
        new Thread(
            () ->
                System.err.printf(
                    "%ninterrupted while writing the report; the results are complete:"
                        + " attn-bench report %s%n",
                    folder.dir()));
    Runtime.getRuntime().addShutdownHook(reportHook);
    try {
      ResultSet results = ResultSet.load(folder.dir());
      // The speed half last, beside the accuracy summary above: peers' rows included.
      SpeedupSummary.print(results.latency(), System.out);
      return ReportWriter.write(List.of(results), folder, System.err);
    } finally {
      // A report that failed says so itself; the hook is for Ctrl-C alone.
      Runtime.getRuntime().removeShutdownHook(reportHook);
    }
  }

  /**
   * The peer's run: the sweep's shapes, on the same inputs and at the same softmax scale as our
   * kernels were timed (until stop 47 the scale differed: the peer got the config's, our kernels
   * 1/sqrt(D)).
   */
  static PythonPeer.Request peerRequest(
      LatencySweep latency, ColdSampling sampling, LatencyInputs inputs) {
    Double scale = latency.softmaxScale();
    return PythonPeer.Request.of(
        sampling,
        inputs.distribution(),
        latency.batch(),
        latency.heads(),
        latency.seqLens(),
        latency.headDims(),
        latency.causal(),
        scale == null ? OptionalDouble.empty() : OptionalDouble.of(scale));
  }

  /**
   * Times each peer into latency.csv, after our kernels, its script's stderr into {@code
   * peer-ID.log}; returns the script flags of each peer that gave rows, for run.json, and puts why
   * into {@code failed} for each that gave none. A peer that measured nothing (its kernels failed
   * their check against FP64, or every point failed) says why, its log goes to {@code
   * peer-ID.failed.log} (removed when a later, resumed run of it gives rows), and a resumed run's
   * rows of it stay as they were.
   */
  static Map<String, List<String>> addPeers(
      List<PythonPeer> peers,
      PythonPeer.Request request,
      ResultFolder folder,
      List<LatencyRow> ours,
      Map<String, String> failed,
      PrintStream err) {
    Map<String, List<String>> arguments = new LinkedHashMap<>();
    List<LatencyRow> rows = new ArrayList<>(ours);
    for (PythonPeer peer : peers) {
      PeerScript script = peer.script();
      err.println("attn-bench: timing the " + script.id() + " peer");
      PythonPeer.Result result = peer.run(request);
      // The script's own account (each point's samples, skipped shapes, the authors' kernels'
      // error against FP64 and autotuned configs), kept beside the rows it produced. A run that
      // measured nothing leaves a resumed run's rows, and the log that explains them, as they were.
      // Either way no log of an earlier attempt stays to contradict this one (run.json is new).
      boolean measured = !result.rows().isEmpty();
      String failedLog = "peer-" + script.id() + ".failed.log";
      String log = measured ? "peer-" + script.id() + ".log" : failedLog;
      if (result.log().isEmpty()) {
        folder.delete(log);
      } else {
        folder.writeString(
            log, result.log().stream().map(l -> l + "\n").collect(Collectors.joining()));
      }
      result
          .reason()
          .ifPresent(
              r ->
                  err.println(
                      "attn-bench: "
                          + script.id()
                          + " peer: "
                          + r
                          + (result.log().isEmpty() ? "" : " (" + log + " has its account)")));
      if (!measured) {
        failed.put(script.id(), result.reason().orElse("no rows"));
      } else {
        folder.delete(failedLog);
        arguments.put(script.id(), peer.arguments(request));
        // A resumed run measures the peer again: its old rows are replaced, not doubled.
        rows.removeIf(r -> script.methods().contains(r.method()));
        LatencyCsv csv = new LatencyCsv(folder);
        rows.forEach(csv::add);
        result.rows().forEach(csv::append);
        rows.addAll(result.rows());
      }
    }
    return arguments;
  }

  /**
   * The {@code --peer} values, each peer once.
   *
   * @throws InvalidInputException naming a value that is not a peer, or a peer given twice
   */
  static List<PeerScript> peerScripts(List<String> values) {
    Map<String, PeerScript> byId = new LinkedHashMap<>();
    for (String v : values) {
      PeerScript p = PeerScript.parse(v);
      PeerScript before = byId.putIfAbsent(p.id(), p);
      if (before != null && !before.equals(p)) {
        throw new InvalidInputException(
            "--peer " + v + ": the " + p.id() + " peer is given twice (allowed: each peer once)");
      }
    }
    return List.copyOf(byId.values());
  }

  private static boolean samePath(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The flags that shape latency alone: where none is timed they change nothing. */
  private static final List<String> LATENCY_FLAGS =
      List.of(
          "--peer",
          "--seed",
          "--input-dist",
          "--stdrel",
          "--max-time-per-point",
          "--l2-flush",
          "--no-block",
          "--save-samples");

  /**
   * Says which latency flags were given to a run that times no latency: `--seed 5` read as the
   * accuracy sweep's seed (the config's), and passed without a word.
   */
  private void warnUnused(String why) {
    List<String> given =
        LATENCY_FLAGS.stream()
            .filter(f -> spec.commandLine().getParseResult().hasMatchedOption(f))
            .toList();
    if (!given.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("attn-bench: " + String.join(", ", given) + " change nothing here: " + why);
      spec.commandLine().getErr().flush();
    }
  }

  /**
   * Refuses, creating nothing, a --save-tensors folder that could not take this dump: one that
   * holds a run or an earlier dump (README.txt, *.npy), unless --force. An earlier dump's files
   * would stay beside the new ones, of other shapes and methods, under a README that lists only the
   * new. A dump into the run's own folder ({@code inRun}) leaves the run to --out's checks.
   */
  private void checkTensorFolder(boolean inRun) {
    if (!inRun) {
      OutputOptions.requireFolderPath("--save-tensors", saveTensors);
      try {
        ResultFolder.checkWritable(saveTensors);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--save-tensors: " + e.getMessage());
      }
    }
    if (output.force) {
      return;
    }
    String held =
        !inRun && ResultFolder.holdsRun(saveTensors)
            ? "a run"
            : !earlierDump(saveTensors).isEmpty() ? "tensors of an earlier dump" : null;
    if (held != null) {
      throw new InvalidInputException(
          "--save-tensors: output folder '"
              + saveTensors
              + "' already holds "
              + held
              + "; use --force to replace them or choose another folder");
    }
  }

  /**
   * The --save-tensors folder ({@code run}'s own where {@code inRun}), emptied of an earlier dump.
   */
  private ResultFolder openTensorFolder(boolean inRun, ResultFolder run) {
    try {
      for (Path old : earlierDump(saveTensors)) {
        Files.delete(old);
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "--save-tensors: cannot remove the earlier dump in '" + saveTensors + "': " + e);
    }
    return inRun ? run : ResultFolder.open(saveTensors, output.force);
  }

  /** The files a dump writes (TensorDump: *.npy and README.txt) that {@code dir} holds. */
  private static List<Path> earlierDump(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".npy") || name.equals("README.txt");
              })
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException("--save-tensors: folder '" + dir + "' cannot be read: " + e);
    }
  }

  private void saveTensors(ResultFolder dump, AccuracySweep accuracy, MmaPath path) {
    AccuracySweep.Point p = accuracy.points().get(0);
    RowSample rows = p.rowSample(accuracy.rows());
    List<String> files =
        new TensorDump(p.shape(), p.distribution(), p.seed(), p.softmaxScale(), rows, path)
            .writeTo(dump, "", accuracy.methods());
    System.out.printf(
        "wrote %d tensors of %s N=%d into %s%n",
        files.size(), p.distribution(), p.shape().seqLen(), saveTensors);
  }

  static Path defaultOut(String machine, String configName) {
    String slug =
        machine.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return Path.of(
        "results",
        LocalDate.now() + "-" + slug + "-" + (configName == null ? "config" : configName));
  }
}
