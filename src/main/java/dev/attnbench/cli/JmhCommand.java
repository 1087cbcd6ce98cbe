package dev.attnbench.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.jmh.EmulationBenchmark;
import dev.attnbench.jmh.KernelLaunchBenchmark;
import dev.attnbench.method.Method;
import dev.attnbench.report.JmhCsv;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.sweep.AccuracySweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attn-bench jmh}: runs the JMH benchmarks compiled into this jar (package {@code
 * dev.attnbench.jmh}, listed in {@code META-INF/BenchmarkList} by JMH's annotation processor)
 * through JMH's Runner API, and writes their scores to {@code jmh.csv}.
 *
 * <p>Any class of that package with {@code @Benchmark} methods is picked up by the default {@code
 * --include}; its own annotations (mode, unit, forks, iterations) apply unless a flag here
 * overrides them, and {@code --param} narrows any of its {@code @Param}s. So a new benchmark needs
 * no change here.
 */
@Command(
    name = "jmh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the JMH benchmarks (CPU emulation cost, ...) and write jmh.csv.")
public final class JmhCommand implements Callable<Integer> {

  /** Every benchmark of this tool. */
  static final String ALL = "dev\\.attnbench\\.jmh\\.";

  @Spec CommandSpec spec;

  @Option(
      names = "--include",
      paramLabel = "REGEX",
      description = "Benchmarks whose full name (class.method) matches (default: all of ours).")
  String include = ALL;

  @Option(
      names = "--forks",
      paramLabel = "N",
      description =
          "JVM forks per benchmark; 0 runs in this JVM (default: 1, the benchmarks' own).")
  Integer forks;

  @Option(
      names = "--warmup-iterations",
      paramLabel = "N",
      description = "Warm-up iterations per fork (default: 3).")
  Integer warmupIterations;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Measured iterations per fork (default: 5).")
  Integer iterations;

  @Option(
      names = "--time",
      paramLabel = "TIME",
      description =
          "Length of each iteration, warm-up and measured, e.g. 1s or 200ms (default: 1s).")
  String time;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=V1,V2",
      description = "Run only these values of a benchmark @Param, e.g. -p method=int8 -p n=4096.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result folder.")
  Path out;

  @Option(names = "--force", description = "Overwrite an existing jmh.csv in --out.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    OutputOptions.requireFolderPath("--out", out);
    // Checked now, not when the results are in: a bad --out had cost a whole run of benchmarks.
    ResultFolder.checkWritable(out);
    // jmh.csv may join a latency run of the same machine in one folder; only an existing jmh.csv
    // needs --force. The folder is made once there are results to put in it.
    if (!force && Files.exists(out.resolve(JmhCsv.FILE))) {
      throw new InvalidInputException(
          "output folder '"
              + out
              + "' already holds "
              + JmhCsv.FILE
              + "; use --force to overwrite");
    }
    // After every check of --out: a refused folder is the one line printed.
    ChainedOptionsBuilder options = options();
    Path json = Files.createTempFile("attn-bench-jmh", ".json");
    // Ctrl-C skips the finally below; the JVM's own exit hook still removes the file.
    json.toFile().deleteOnExit();
    try {
      options.resultFormat(ResultFormatType.JSON).result(json.toString());
      try {
        new Runner(options.build()).run();
      } catch (NoBenchmarksException e) {
        throw new InvalidInputException("no benchmark matches --include '" + include + "'");
      } catch (RunnerException e) {
        throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
      }
      List<JmhCsv.Row> rows = parse(Files.readString(json));
      ResultFolder folder = ResultFolder.open(out, true);
      folder.write(JmhCsv.FILE, w -> JmhCsv.write(rows, w));
      printTable(rows, spec.commandLine().getOut());
      spec.commandLine().getOut().println("wrote " + folder.resolve(JmhCsv.FILE));
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      Files.deleteIfExists(json);
    }
  }

  /** The JMH options from the flags; flags left out keep each benchmark's own annotations. */
  ChainedOptionsBuilder options() {
    try {
      Pattern.compile(include);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          "--include '"
              + include
              + "' is not a regular expression ("
              + e.getDescription()
              + "); e.g. 'Emulation' or 'KernelLaunch.*'");
    }
    // Fail the run when a benchmark throws, rather than reporting a row-less success.
    ChainedOptionsBuilder o = new OptionsBuilder().include(include).shouldFailOnError(true);
    if (forks != null) {
      o.forks(atLeast("--forks", forks, 0));
    }
    if (warmupIterations != null) {
      o.warmupIterations(atLeast("--warmup-iterations", warmupIterations, 0));
    }
    if (iterations != null) {
      o.measurementIterations(atLeast("--iterations", iterations, 1));
    }
    if (time != null) {
      TimeValue t;
      try {
        t = TimeValue.fromString(time);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "--time '" + time + "' is not allowed (a number and a unit, e.g. 1s or 200ms)");
      }
      if (t.getTime() <= 0) {
        // JMH reads 0 as "single shot", another mode than the avgt jmh.csv records.
        throw new InvalidInputException(
            "--time '" + time + "' is not allowed (longer than 0, e.g. 1s or 200ms)");
      }
      o.warmupTime(t).measurementTime(t);
    }
    params.forEach((name, values) -> o.param(name, checkedParam(name, values)));
    // After every flag's check: a refused flag is the one line printed.
    GpuPresence gpu = GpuPresence.probe();
    if (!gpu.present() && includes(KernelLaunchBenchmark.class)) {
      // Said, not hidden: the GPU benchmark cannot run here, the CPU ones still can (and not
      // said where --include leaves it out anyway).
      spec.commandLine()
          .getErr()
          .println(
              "attn-bench jmh: leaving out " + KernelLaunchBenchmark.NAME + ": " + gpu.describe());
      o.exclude(Pattern.quote(KernelLaunchBenchmark.NAME));
    }
    return o;
  }

  /** Whether --include selects a benchmark method of {@code benchmarks}, as JMH matches it. */
  private boolean includes(Class<?> benchmarks) {
    Pattern selected = Pattern.compile(include);
    return Arrays.stream(benchmarks.getMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class))
        .anyMatch(m -> selected.matcher(benchmarks.getName() + "." + m.getName()).find());
  }

  /** Our benchmarks, whose {@code @Param}s {@code -p} may narrow. */
  private static final List<Class<?>> BENCHMARKS =
      List.of(EmulationBenchmark.class, KernelLaunchBenchmark.class);

  /**
   * The values of {@code -p NAME=V1,V2}, each checked against the field it sets: JMH itself ignores
   * an unknown name (running every value) and dies with a stack trace on a value it cannot set.
   */
  static String[] checkedParam(String name, String values) {
    Field field = null;
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Class<?> c : BENCHMARKS) {
      for (Field f : c.getFields()) {
        if (f.isAnnotationPresent(Param.class)) {
          names.add(f.getName());
          if (f.getName().equals(name)) field = f;
        }
      }
    }
    if (field == null) {
      throw new InvalidInputException(
          "-p " + name + ": no benchmark has that parameter (allowed: " + names + ")");
    }
    String[] split = values.split(",", -1);
    for (String v : split) {
      if (field.getType() == int.class) {
        long n;
        try {
          n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
          n = 0;
        }
        boolean headDim = name.equals("headDim");
        // The benchmarks draw their inputs into Java arrays: N up to 2^20 keeps B·H·N·D in one.
        boolean allowed =
            headDim
                ? AccuracySweep.emulatesHeadDim((int) Math.min(n, 1 << 20))
                : n >= 1 && n <= 1 << 20;
        if (!allowed) {
          throw new InvalidInputException(
              "-p "
                  + name
                  + "="
                  + v
                  + " is not allowed ("
                  + (headDim
                      ? "a multiple of 16 from 16 to " + AccuracySweep.MAX_HEAD_DIM
                      : "a whole number from 1 to " + (1 << 20))
                  + ")");
        }
      } else if (name.equals("method")) {
        try {
          Method.parse(v.trim());
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("-p method: " + e.getMessage());
        }
      }
    }
    return split;
  }

  private static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new InvalidInputException(
          name + " " + value + " is not allowed (must be >= " + min + ")");
    }
    return value;
  }

  /** The rows of a JMH JSON result file (an array with one object per benchmark and params). */
  static List<JmhCsv.Row> parse(String json) throws IOException {
    // JMH writes a score error it cannot compute as NaN; accept it bare as well as quoted.
    JsonMapper mapper =
        JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    List<JmhCsv.Row> rows = new ArrayList<>();
    for (JsonNode b : mapper.readTree(json)) {
      JsonNode metric = b.path("primaryMetric");
      List<String> pairs = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        pairs.add(p.getKey() + "=" + p.getValue().asText());
      }
      rows.add(
          new JmhCsv.Row(
              b.path("benchmark").asText(),
              String.join(";", pairs),
              b.path("mode").asText(),
              number(metric.path("score")),
              number(metric.path("scoreError")),
              metric.path("scoreUnit").asText(),
              b.path("forks").asInt(),
              b.path("measurementIterations").asInt()));
    }
    return rows;
  }

  private static double number(JsonNode n) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(n.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A fixed-width summary: benchmark (class.method), params, score ± error and unit. */
  static void printTable(List<JmhCsv.Row> rows, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"benchmark", "params", "mode", "score", "± error", "unit"});
    for (JmhCsv.Row r : rows) {
      cells.add(
          new String[] {
            shortName(r.benchmark()),
            r.params().replace(';', ' '),
            r.mode(),
            String.format(Locale.ROOT, "%.4g", r.score()),
            Double.isNaN(r.scoreError())
                ? "n/a"
                : String.format(Locale.ROOT, "%.2g", r.scoreError()),
            r.unit()
          });
    }
    int[] width = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        // Text columns left-aligned, numbers right-aligned.
        String f = (i == 3 || i == 4) ? "%" + width[i] + "s" : "%-" + width[i] + "s";
        line.append(String.format(Locale.ROOT, f, row[i])).append(i + 1 < row.length ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** {@code dev.attnbench.jmh.EmulationBenchmark.forward} as {@code EmulationBenchmark.forward}. */
  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length < 2
        ? benchmark
        : java.util.Arrays.stream(parts, parts.length - 2, parts.length)
            .collect(Collectors.joining("."));
  }
}
