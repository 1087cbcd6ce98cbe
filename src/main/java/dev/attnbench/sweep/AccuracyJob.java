package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.method.Method;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.ResultValues;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * An accuracy sweep run into a result folder, the way long runs must behave: progress on stderr,
 * every finished point saved at once (to {@code accuracy.csv.partial}, promoted to {@code
 * accuracy.csv} at the end), and an interrupted folder resumable with the same sweep.
 */
public final class AccuracyJob {
  private AccuracyJob() {}

  static final String PARTIAL = AccuracyCsv.FILE + ".partial";

  /**
   * Rows an interrupted (or finished) run already holds, after checking that it ran the same sweep
   * (recorded in its run.json under {@code runJsonKey}).
   */
  public static List<AccuracyRow> finishedRows(
      ResumedRun resumed, AccuracySweep sweep, String runJsonKey) {
    resumed.requireSweep(runJsonKey, sweep.spellings());
    Path dir = resumed.dir();
    Path partial = dir.resolve(PARTIAL);
    Path complete = dir.resolve(AccuracyCsv.FILE);
    Path kept = Files.exists(partial) ? partial : Files.exists(complete) ? complete : null;
    if (kept == null) return List.of();
    try {
      List<AccuracyRow> rows = AccuracyCsv.read(kept);
      // Kept rows go into the final table as they are: the values report would refuse, refused.
      ResultValues.checkAccuracy(kept, rows);
      checkRowsOfSweep(rows, sweep, kept);
      return rows;
    } catch (IOException e) {
      throw new InvalidInputException(
          "--resume " + dir + ": not a readable run folder (" + e.getMessage() + ")");
    }
  }

  /**
   * Refuses rows that this sweep would not have written (another method, shape, rows or seed): the
   * file was edited or comes from elsewhere, and a kept row goes into the final table unmeasured.
   */
  private static void checkRowsOfSweep(List<AccuracyRow> rows, AccuracySweep sweep, Path file) {
    AccuracyRow r = AccuracyRunner.firstForeign(rows, sweep);
    if (r != null) {
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "--resume: %s holds a row this sweep does not make (%s, %s, N=%d D=%d, seed %d);"
                  + " resume with the interrupted run's config and flags, or start a new run",
              file,
              r.method(),
              r.distribution(),
              r.seqLen(),
              r.headDim(),
              r.seed()));
    }
  }

  /**
   * A point's work for progress: the FLOPs of its evaluated rows (each row of a slice costs 1/N of
   * the slice's, causal ones half on average); the methods cost alike. What does not grow with the
   * rows (drawing and quantizing whole tensors, each step's fixed cost) {@link Progress} fits as a
   * cost per point.
   */
  static double work(AccuracySweep.Point p, int rows) {
    int n = p.shape().seqLen();
    return p.shape().flops() * Math.min(rows, n) / n;
  }

  /** Runs {@code sweep} and returns every row (the finished ones first). */
  public static List<AccuracyRow> run(
      AccuracySweep sweep,
      List<AttentionBackend> backends,
      ResultFolder folder,
      List<AccuracyRow> finished,
      PrintStream err) {
    List<AccuracySweep.Point> points = sweep.points();
    // Said once, up front: a (backend, method, D) that does not run leaves no rows, not silence.
    for (AttentionBackend backend : backends) {
      for (Method m : sweep.methods()) {
        for (int d : new LinkedHashSet<>(sweep.headDims())) {
          String why = backend.whyUnsupported(m, d);
          if (why != null) {
            err.printf("attn-bench: %s: %s at D=%d not run: %s%n", backend.name(), m.id(), d, why);
          }
        }
      }
    }
    double[] work = points.stream().mapToDouble(p -> work(p, sweep.rows())).toArray();
    // Ctrl-C: what was measured is already on disk under the .partial name.
    try (InterruptNotice notice =
            new InterruptNotice(finished.size(), folder.resolve(PARTIAL), folder.dir(), err);
        Progress progress = Progress.open("accuracy", work, err)) {
      List<AccuracyRow> rows =
          new AccuracyRunner(backends)
              .run(
                  sweep,
                  finished,
                  new AccuracyRunner.Listener() {
                    @Override
                    public void pointStarted(
                        int index, AccuracySweep.Point p, Method m, String backend) {
                      var s = p.shape();
                      progress.step(
                          index,
                          String.format(
                              Locale.ROOT,
                              "%s N=%d D=%d%s %s",
                              p.distribution(),
                              s.seqLen(),
                              s.headDim(),
                              s.causal() ? " causal" : "",
                              m == null ? "reference" : m.id() + " (" + backend + ")"));
                    }

                    @Override
                    public void pointFinished(
                        int index, AccuracySweep.Point p, List<AccuracyRow> soFar) {
                      progress.finished(index);
                      folder.write(PARTIAL, w -> AccuracyCsv.write(soFar, w));
                      notice.kept(soFar.size());
                    }
                  });
      if (Files.exists(folder.resolve(PARTIAL))) {
        folder.promote(PARTIAL, AccuracyCsv.FILE);
      }
      notice.complete();
      return rows;
    }
  }
}
