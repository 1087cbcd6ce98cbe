package dev.attnbench.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long run on stderr: what runs now, how many points remain, and an ETA. Points
 * are weighted by their work (a 16k point costs 16× a 1k one), so the ETA holds across a sweep
 * whose points grow. On a terminal it is a progress bar (the progressbar library); in a log or a
 * pipe, one line per step, which reads well after the fact.
 */
public abstract class Progress implements AutoCloseable {

  final int points;
  final double totalWork;
  double doneWork;

  Progress(int points, double totalWork) {
    this.points = points;
    this.totalWork = totalWork;
  }

  /** A bar when stderr is a terminal (and ATTN_BENCH_PLAIN is unset), else lines. */
  public static Progress open(String task, int points, double totalWork, PrintStream err) {
    boolean terminal = System.console() != null && System.getenv("ATTN_BENCH_PLAIN") == null;
    return terminal ? new Bar(task, points, totalWork, err) : new Lines(points, totalWork, err);
  }

  /** Point {@code index} (from 0) is at step {@code what}. */
  public abstract void step(int index, String what);

  /** A point of {@code work} is finished (or was already, in a resumed run). */
  public void finished(double work) {
    doneWork += work;
  }

  @Override
  public void close() {}

  static String fmt(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }

  /** One line per step, with elapsed time and a work-weighted ETA. */
  static final class Lines extends Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Lines(int points, double totalWork, PrintStream out) {
      super(points, totalWork);
      this.out = out;
    }

    @Override
    public void step(int index, String what) {
      long elapsed = System.nanoTime() - start;
      String eta =
          doneWork == 0 || doneWork >= totalWork
              ? ""
              : "  ETA "
                  + fmt(Duration.ofNanos(Math.round(elapsed * (totalWork - doneWork) / doneWork)));
      // 50 columns: room for a step such as "normal N=16384 D=128 int8-half (cpu-emulation)".
      out.printf(
          Locale.ROOT,
          "[%d/%d] %-50s elapsed %s%s%n",
          index + 1,
          points,
          what,
          fmt(Duration.ofNanos(elapsed)),
          eta);
    }
  }

  /** A redrawn bar: the library estimates the ETA from the rate of finished work. */
  static final class Bar extends Progress {
    /**
     * Bar units: work is scaled to this many, so the bar moves smoothly whatever the work scale.
     */
    private static final long UNITS = 10_000;

    private final ProgressBar bar;

    Bar(String task, int points, double totalWork, PrintStream err) {
      super(points, totalWork);
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(UNITS)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit("%", UNITS / 100)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .build();
    }

    @Override
    public void step(int index, String what) {
      bar.setExtraMessage(String.format(Locale.ROOT, " [%d/%d] %s", index + 1, points, what));
    }

    @Override
    public void finished(double work) {
      super.finished(work);
      bar.stepTo(Math.round(UNITS * Math.min(1, doneWork / totalWork)));
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
