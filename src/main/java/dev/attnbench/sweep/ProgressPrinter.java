package dev.attnbench.sweep;

import dev.attnbench.method.Method;
import dev.attnbench.report.AccuracyRow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * One status line per step on stderr: what runs now, how many points remain, and an ETA. The ETA
 * weighs each point by its work (evaluated rows × keys), since a 16k point costs 16× a 1k one.
 */
public final class ProgressPrinter implements AccuracyRunner.Listener {
  private final PrintStream out;
  private final List<AccuracySweep.Point> points;
  private final int rows;
  private final long start = System.nanoTime();
  private final double totalWork;
  private double doneWork;

  public ProgressPrinter(PrintStream out, AccuracySweep sweep) {
    this.out = out;
    this.points = sweep.points();
    this.rows = sweep.rows();
    double w = 0;
    for (AccuracySweep.Point p : points) {
      w += work(p);
    }
    this.totalWork = w;
  }

  private double work(AccuracySweep.Point p) {
    int n = p.shape().seqLen();
    return (double) Math.min(rows, n) * p.shape().slices() * n;
  }

  @Override
  public void pointStarted(int index, AccuracySweep.Point p, Method method) {
    var s = p.shape();
    out.printf(
        "[%d/%d] %s B=%d H=%d N=%d D=%d%s  %-12s elapsed %s%s%n",
        index + 1,
        points.size(),
        p.distribution(),
        s.batch(),
        s.heads(),
        s.seqLen(),
        s.headDim(),
        s.causal() ? " causal" : "",
        method == null ? "reference" : method.id(),
        fmt(Duration.ofNanos(System.nanoTime() - start)),
        eta());
  }

  @Override
  public void pointFinished(int index, AccuracySweep.Point p, List<AccuracyRow> rowsSoFar) {
    doneWork += work(p);
  }

  private String eta() {
    if (doneWork == 0) {
      return "";
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long left = Math.round(elapsed * (totalWork - doneWork) / doneWork);
    return "  ETA " + fmt(Duration.ofSeconds(left));
  }

  private static String fmt(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
  }
}
