package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.KernelEntries;
import dev.attnbench.bench.ColdMeasurement;
import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.SamplesCsv;
import dev.attnbench.bench.Scope;
import dev.attnbench.bench.SmClock;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A latency sweep run into a result folder: points without a kernel are skipped with one message
 * per method and reason, each measured point is saved at once (latency.csv is rewritten atomically
 * after every point), a resumed folder skips the points it already holds, and progress with an ETA
 * goes to stderr.
 */
public final class LatencyJob {
  private LatencyJob() {}

  /** Rows of {@code folder}'s latency.csv, if it has one (a resumed run). */
  static List<LatencyRow> finishedRows(ResultFolder folder) {
    try {
      return Files.exists(folder.resolve(LatencyCsv.FILE))
          ? LatencyCsv.read(folder.resolve(LatencyCsv.FILE))
          : List.of();
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read " + folder.resolve(LatencyCsv.FILE) + ": " + e.getMessage());
    }
  }

  /**
   * What a latency run gave: every row of the folder (those of a resumed run first), and the SM
   * clock the throttling check measured against.
   */
  public record Result(List<LatencyRow> rows, double referenceClockMhz) {}

  /** Measures the points of {@code sweep} that {@code folder}'s latency.csv does not hold yet. */
  public static Result run(
      LatencySweep sweep,
      CudaAttention cuda,
      ColdSampling sampling,
      boolean saveSamples,
      LatencyInputs inputs,
      ResultFolder folder,
      PrintStream err) {
    List<LatencyRow> finished = finishedRows(folder);
    Set<String> done = new HashSet<>();
    finished.forEach(
        r ->
            done.add(
                key(
                    r.method(),
                    r.batch(),
                    r.heads(),
                    r.seqLen(),
                    r.headDim(),
                    r.causal(),
                    r.scope())));
    List<LatencyBench.Point> todo = new ArrayList<>();
    SkippedPoints skipped = new SkippedPoints();
    for (LatencyBench.Point p : sweep.points()) {
      var s = p.shape();
      String why = cuda.whyUnsupported(p.method(), s.headDim(), p.scope() == Scope.END_TO_END);
      if (why != null) {
        skipped.add(p, why);
      } else if (!done.contains(
          key(
              p.method().id(),
              s.batch(),
              s.heads(),
              s.seqLen(),
              s.headDim(),
              s.causal(),
              p.scope().id()))) {
        todo.add(p);
      }
    }
    skipped.print(sweep, err);
    LatencyCsv csv = new LatencyCsv(folder);
    finished.forEach(csv::add);
    // A point's wall time is a floor (drawing the inputs, the warm-up, the fewest samples) plus
    // samples that take longer as the kernel's FLOPs grow (up to the time budget): the FLOPs are
    // its work, and Progress fits the floor as a cost per point.
    double[] work = todo.stream().mapToDouble(p -> p.shape().flops()).toArray();
    // Ctrl-C: every finished point is in latency.csv already.
    try (InterruptNotice notice =
            new InterruptNotice(
                finished.size(), folder.resolve(LatencyCsv.FILE), folder.dir(), err);
        Progress progress = Progress.open("latency", work, err);
        SmClock clock = new SmClock(cuda.library(), cuda.gpu().maxSmClockKhz() / 1000.0);
        ColdMeasurement cold =
            new ColdMeasurement(cuda.gpu(), cuda.library(), sampling, clock, null)) {
      LatencyBench bench = new LatencyBench(cuda, clock, cold, inputs);
      for (int i = 0; i < todo.size(); i++) {
        LatencyBench.Point p = todo.get(i);
        // Which kernel entry runs depends on N (a short- or mid-sequence entry below its bound),
        // so the progress line names it (reading an entry's launch constant needs the context
        // current).
        cuda.context().makeCurrent();
        String entryKind = KernelEntries.kind(cuda.entryFor(p.method(), p.shape()));
        progress.step(
            i,
            label(p)
                + " "
                + p.scope().id()
                + (p.shape().causal() ? " causal" : "")
                + (entryKind.isEmpty() ? "" : " (" + entryKind + "-sequence entry)"));
        LatencyBench.Measured m = bench.measure(p);
        if (saveSamples) {
          SamplesCsv.write(folder, m.row(), m.result().samplesMs(), m.result().clockMhz());
        }
        csv.append(m.row());
        notice.kept(csv.rows().size());
        progress.finished(i);
        if (m.row().wideSpread()) {
          err.printf(
              Locale.ROOT,
              "attn-bench: %s: samples spread widely (p10 %.4f, median %.4f, p90 %.4f"
                  + " ms); its median may differ from run to run%n",
              label(p),
              m.row().p10Ms(),
              m.row().medianMs(),
              m.row().p90Ms());
        }
        if (!StdRelCriterion.converged(m.result().stop())) {
          err.printf(
              Locale.ROOT,
              "attn-bench: %s: spread not settled (%s) after %d samples%n",
              label(p),
              m.result().stop().name().toLowerCase(Locale.ROOT),
              m.row().reps());
        }
      }
      notice.complete();
      return new Result(csv.rows(), clock.referenceMhz());
    }
  }

  /** "int8 N=4096 D=64": how the progress line and the warnings name a point. */
  private static String label(LatencyBench.Point p) {
    return p.method().id() + " N=" + p.shape().seqLen() + " D=" + p.shape().headDim();
  }

  private static String key(
      String method, int b, int h, int n, int d, boolean causal, String scope) {
    return method + "|" + b + "|" + h + "|" + n + "|" + d + "|" + causal + "|" + scope;
  }
}
