package dev.attnbench.report;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.PeerScript;
import dev.attnbench.bench.Scope;
import dev.attnbench.input.Distribution;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import dev.attnbench.sweep.AccuracySweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The values of a result CSV read back, held against what the tool itself writes. CsvColumns checks
 * each cell's form (a whole number, a name, ...); this checks the value in it, and that no two rows
 * share a key, so that a file edited by hand or written by something else is refused with its line
 * named instead of rendered: a median of -1 ms would otherwise come out as a speedup of -1252%, and
 * a method or backend the tool does not have as a result of it. The domains are those the tool's
 * own flags take, from the classes that define them.
 */
public final class ResultValues {
  private ResultValues() {}

  /** The backend column's values: the CPU emulation's and the CUDA kernels' names. */
  static final String CPU_EMULATION = CpuEmulationBackend.NAME;

  static final String CUDA = CudaAttention.NAME;

  /**
   * How far past 1 a cosine may read: dot / sqrt(|o|²·|r|²) in doubles can land an ulp or so above
   * the exact bound for an output equal to its reference.
   */
  private static final double COSINE_SLACK = 1e-9;

  private static final List<String> METHODS =
      Arrays.stream(Method.values()).map(Method::id).toList();

  /**
   * What identifies an accuracy row: everything that determines its numbers, as the runner keys a
   * finished row (AccuracyRunner.RowKey), so a run never writes two rows of one key; each backend
   * of a run with a GPU has its own row.
   */
  private static final RowKey<AccuracyRow> ACCURACY_KEY =
      RowKey.<AccuracyRow>of("method", AccuracyRow::method)
          .and("distribution", AccuracyRow::distribution)
          .and("batch", AccuracyRow::batch)
          .and("heads", AccuracyRow::heads)
          .and("seq_len", AccuracyRow::seqLen)
          .and("head_dim", AccuracyRow::headDim)
          .and("causal", AccuracyRow::causal)
          .and("rows", AccuracyRow::rows)
          .and("seed", AccuracyRow::seed)
          .and("backend", AccuracyRow::backend);

  /**
   * What identifies a latency row: the method at one shape and scope. One run times on one GPU at
   * one softmax scale (a resume refuses another), so a second row of a key is a second timing of
   * the same point.
   */
  private static final RowKey<LatencyRow> LATENCY_KEY =
      RowKey.<LatencyRow>of("method", LatencyRow::method)
          .and("batch", LatencyRow::batch)
          .and("heads", LatencyRow::heads)
          .and("seq_len", LatencyRow::seqLen)
          .and("head_dim", LatencyRow::headDim)
          .and("causal", LatencyRow::causal)
          .and("scope", LatencyRow::scope);

  public static void checkAccuracy(Path file, List<AccuracyRow> rows) throws IOException {
    for (int i = 0; i < rows.size(); i++) {
      AccuracyRow r = rows.get(i);
      Line at = new Line(file, i);
      at.oneOf("method", r.method(), METHODS);
      at.distribution(r.distribution());
      at.oneOf("backend", r.backend(), List.of(CPU_EMULATION, CUDA));
      at.atLeastOne("batch", r.batch());
      at.atLeastOne("heads", r.heads());
      at.atLeastOne("seq_len", r.seqLen());
      at.headDim(r.headDim(), r.backend().equals(CUDA));
      at.atLeastOne("rows", r.rows());
      var e = r.error();
      at.error("mre", e.mre());
      at.error("mre_last4", e.mreLast4());
      at.error("rel_l2", e.relL2());
      at.error("rmse", e.rmse());
      at.error("max_abs", e.maxAbs());
      at.check(
          "cosine",
          e.cosine(),
          Double.isNaN(e.cosine()) || Math.abs(e.cosine()) <= 1 + COSINE_SLACK,
          "a number from -1 to 1, or empty where the output was not finite");
    }
    ACCURACY_KEY.checkUnique(file, rows);
  }

  public static void checkLatency(Path file, List<LatencyRow> rows) throws IOException {
    // Latency also holds the peers' attention (PyTorch's, the authors'), timed beside the kernels.
    List<String> methods =
        Stream.concat(METHODS.stream(), PeerScript.METHODS.stream().sorted()).toList();
    List<String> scopes = Arrays.stream(Scope.values()).map(Scope::id).toList();
    for (int i = 0; i < rows.size(); i++) {
      LatencyRow r = rows.get(i);
      Line at = new Line(file, i);
      at.oneOf("method", r.method(), methods);
      at.oneOf("scope", r.scope(), scopes);
      at.atLeastOne("batch", r.batch());
      at.atLeastOne("heads", r.heads());
      at.atLeastOne("seq_len", r.seqLen());
      at.headDim(r.headDim(), true);
      at.positive("median_ms", r.medianMs());
      at.positive("p10_ms", r.p10Ms());
      at.positive("p90_ms", r.p90Ms());
      at.atLeastOne("reps", r.reps());
      at.positive("tflops", r.tflops());
      // Empty where the clock probe read nothing (LatencyBench, and the torch-sdpa script).
      at.check(
          "sm_clock_mhz",
          r.smClockMhz(),
          Double.isNaN(r.smClockMhz()) || r.smClockMhz() > 0 && Double.isFinite(r.smClockMhz()),
          "a finite number > 0, or empty where the clock was not read");
    }
    LATENCY_KEY.checkUnique(file, rows);
  }

  /**
   * One row of {@code file}: row {@code index} is on line index + 2, the header being line 1
   * (CsvColumns reads one row per line).
   */
  private record Line(Path file, int index) {

    private CsvCell cell(String column) {
      return new CsvCell(file, index + 2, column);
    }

    void check(String column, Object value, boolean allowed, String domain) throws IOException {
      if (!allowed) throw cell(column).notAllowed(shown(value), domain);
    }

    void oneOf(String column, String value, List<String> ids) throws IOException {
      check(column, "'" + value + "'", ids.contains(value), String.join(", ", ids));
    }

    /** A distribution as {@code --dist} takes it; its parser's message names what is allowed. */
    void distribution(String value) throws IOException {
      try {
        Distribution.parse(value);
      } catch (InvalidInputException e) {
        throw cell("distribution").refused(e.getMessage());
      }
    }

    void atLeastOne(String column, int value) throws IOException {
      check(column, value, value >= 1, "a whole number >= 1");
    }

    /**
     * The kernels are built for {@link KernelTraits#HEAD_DIMS} only (latency, and accuracy rows of
     * the cuda backend); the CPU emulation takes what an accuracy sweep does.
     */
    void headDim(int value, boolean kernels) throws IOException {
      if (kernels) {
        check(
            "head_dim",
            value,
            KernelTraits.HEAD_DIMS.contains(value),
            KernelTraits.HEAD_DIMS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      } else {
        check(
            "head_dim",
            value,
            AccuracySweep.emulatesHeadDim(value),
            "a multiple of 16 from 16 to " + AccuracySweep.MAX_HEAD_DIM);
      }
    }

    void positive(String column, double value) throws IOException {
      check(column, value, value > 0 && Double.isFinite(value), "a finite number > 0");
    }

    /**
     * An error figure: empty (NaN) is what the tool writes for every metric of an output that was
     * not finite (ErrorStats.compare), so it is a result, not damage.
     */
    void error(String column, double value) throws IOException {
      check(
          column,
          value,
          Double.isNaN(value) || value >= 0 && Double.isFinite(value),
          "a finite number >= 0, or empty where the output was not finite");
    }

    private static String shown(Object value) {
      if (value instanceof Double d) {
        if (Double.isNaN(d)) return "an empty value";
        return d == Math.rint(d) && Math.abs(d) < 1e15
            ? Long.toString(d.longValue())
            : Double.toString(d);
      }
      return String.valueOf(value);
    }
  }
}
