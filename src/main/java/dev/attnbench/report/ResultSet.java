package dev.attnbench.report;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.method.MmaPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A result folder read back: run.json, accuracy.csv, latency.csv (either may be absent) and jmh.csv
 * (optional). All a report needs, so a folder copied from a GPU host renders anywhere.
 */
public record ResultSet(
    Path dir,
    Map<String, Object> run,
    List<AccuracyRow> accuracy,
    List<LatencyRow> latency,
    List<JmhCsv.Row> jmh) {

  /** A result set without JMH rows. */
  public ResultSet(
      Path dir, Map<String, Object> run, List<AccuracyRow> accuracy, List<LatencyRow> latency) {
    this(dir, run, accuracy, latency, List.of());
  }

  public static ResultSet load(Path dir) {
    if (!Files.exists(dir)) {
      throw new InvalidInputException("result folder '" + dir + "' does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "result folder '" + dir + "' is not a folder (report takes the folder a run wrote)");
    }
    Path runJson = dir.resolve(RunRecord.FILE);
    Path acc = dir.resolve(AccuracyCsv.FILE);
    Path lat = dir.resolve(LatencyCsv.FILE);
    if (!Files.exists(acc) && !Files.exists(lat)) {
      throw new InvalidInputException(
          interrupted(dir)
              .orElse(
                  "result folder '"
                      + dir
                      + "' holds neither "
                      + AccuracyCsv.FILE
                      + " nor "
                      + LatencyCsv.FILE));
    }
    try {
      Map<String, Object> run = Files.exists(runJson) ? RunRecord.read(dir) : Map.of();
      List<AccuracyRow> accuracy = Files.exists(acc) ? AccuracyCsv.read(acc) : List.of();
      ResultValues.checkAccuracy(acc, accuracy);
      List<LatencyRow> latency = Files.exists(lat) ? LatencyCsv.read(lat) : List.of();
      ResultValues.checkLatency(lat, latency);
      return new ResultSet(
          dir,
          run,
          accuracy,
          latency,
          Files.exists(dir.resolve(JmhCsv.FILE))
              ? JmhCsv.read(dir.resolve(JmhCsv.FILE))
              : List.of());
    } catch (IOException | RuntimeException e) {
      // A malformed value makes Tablesaw or the row records throw unchecked exceptions: bad input
      // all the same, named in one line.
      if (e instanceof InvalidInputException bad) throw bad;
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InvalidInputException(
          "result folder '" + dir + "' cannot be read: " + why.replaceAll("\\s*\\R\\s*", " "));
    }
  }

  /**
   * Why a folder without its CSVs is a run cut short ({@link ResultFolder#interrupted}), and how to
   * finish it. Empty when it is not one.
   */
  private static Optional<String> interrupted(Path dir) {
    return ResultFolder.interrupted(dir)
        .map(
            cut ->
                "result folder '"
                    + dir
                    + "' is "
                    + cut.describe()
                    + ": finish it with "
                    + (cut.command() == null
                        ? "the same command and --resume " + dir + " (no --out)"
                        : "attn-bench " + cut.command() + " --resume " + dir)
                    + ", then report it");
  }

  /**
   * The names of result sets shown side by side: each one's {@link #label}, and where two share it
   * (two runs on one GPU, as when comparing kernel versions) the folder's name beside it, so the
   * columns and chart series stay apart. Folders of one name get their position as well.
   */
  public static List<String> labels(List<ResultSet> sets) {
    List<String> base = sets.stream().map(ResultSet::label).toList();
    List<String> named = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      String b = base.get(i);
      named.add(
          Collections.frequency(base, b) > 1
              ? b + " (" + sets.get(i).dir().getFileName() + ")"
              : b);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      String n = named.get(i);
      out.add(Collections.frequency(named, n) > 1 ? n + " #" + (i + 1) : n);
    }
    return out;
  }

  /**
   * The softmax scale the run's latency points were timed at, as run.json's latency sweep says:
   * empty when the run timed nothing. A sweep without the key is a run from before stop 47, whose
   * latency path timed at 1/sqrt(D) whatever its config said.
   */
  public Optional<String> latencySoftmaxScale() {
    if (latency.isEmpty()) return Optional.empty();
    Object sweep = run.containsKey("latency_sweep") ? run.get("latency_sweep") : run.get("sweep");
    if (!(sweep instanceof Map<?, ?> m)) return Optional.empty();
    Object scale = m.get("softmaxScale");
    return Optional.of(scale == null ? "1/sqrt(D)" : String.valueOf(scale));
  }

  /**
   * The tensor-core instruction the run's kernels took, as run.json records it: empty where it does
   * not (runs before the key, and runs without kernels).
   */
  public Optional<MmaPath> mmaPath() {
    Object path = run.get("mma_path");
    return path == null ? Optional.empty() : MmaPath.byId(path.toString());
  }

  /** A short name for this result set: the GPU (or CPU) it ran on. */
  public String label() {
    Object gpu = run.get("gpu_name");
    if (gpu != null) return gpu.toString();
    if (!latency.isEmpty()) return latency.get(0).gpu();
    // An accuracy-only GPU run records no GPU name, yet its kernels' rows are the GPU's, not the
    // host CPU's that run.json names.
    if (ranOnGpu()) return "CUDA GPU (name not recorded)";
    Object cpu = run.get("cpu");
    return cpu != null ? "CPU " + cpu : dir.getFileName().toString();
  }

  /** Whether the run used a CUDA device: run.json names one, or a backend or a row is cuda's. */
  public boolean ranOnGpu() {
    return run.get("gpu_name") != null
        || !latency.isEmpty()
        || (run.get("backends") instanceof List<?> backends && backends.contains("cuda"))
        || accuracy.stream().anyMatch(r -> r.backend().equals("cuda"));
  }

  /**
   * Why this run has no latency figures, for a report that has none to show: a GPU run that timed
   * nothing (the accuracy command runs the kernels but times none) is not one without a device.
   */
  public String whyNoLatency() {
    // What reproduce recorded, where it did: a config without a latency section, or --backend cpu,
    // is not a machine without a GPU.
    if (run.containsKey("latency_sweep") && run.get("latency_sweep") == null) {
      return "the config has no latency section";
    }
    if (run.get("latency") instanceof String said && said.startsWith("not measured: ")) {
      return said.substring("not measured: ".length());
    }
    if (!ranOnGpu()) return "no CUDA device in this run";
    return "accuracy".equals(run.get("command"))
        ? "this run measured accuracy only; the accuracy command times no kernels"
        : "this run measured accuracy only";
  }

  /**
   * {@link #whyNoLatency} without its parenthesised detail: the claims tables repeat it on every
   * latency row, and the loader's message ("no CUDA device (the CUDA driver library could not be
   * loaded (Error while loading native library ...))") twenty times over buried the verdicts. The
   * report's Latency section gives it whole, once.
   */
  public String whyNoLatencyBriefly() {
    String why = whyNoLatency();
    int detail = why.indexOf(" (");
    return detail < 0 ? why : why.substring(0, detail);
  }
}
