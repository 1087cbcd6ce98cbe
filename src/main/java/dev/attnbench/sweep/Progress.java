package dev.attnbench.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The progress of a long run on stderr: what runs now, how many points remain, and an ETA ({@link
 * Eta}). On a terminal it is a progress bar (the progressbar library); in a log or a pipe, one line
 * per step, which reads well after the fact.
 */
public abstract class Progress implements AutoCloseable {

  final int points;
  final Eta eta;

  Progress(double[] work, LongSupplier nanoClock) {
    this.points = work.length;
    this.eta = new Eta(work, nanoClock);
  }

  /**
   * A bar when stderr is a terminal (and ATTN_BENCH_PLAIN is unset), else lines.
   *
   * @param work each point's estimated cost, in any unit: only the ratios matter
   */
  public static Progress open(String task, double[] work, PrintStream err) {
    boolean terminal = System.console() != null && System.getenv("ATTN_BENCH_PLAIN") == null;
    return terminal
        ? new Bar(task, work, err, System::nanoTime)
        : new Lines(work, err, System::nanoTime);
  }

  /** Point {@code index} (from 0) is at step {@code what}. */
  public final void step(int index, String what) {
    eta.started(index);
    show(index, what);
  }

  abstract void show(int index, String what);

  /**
   * Point {@code index} is finished: measured here if a step of it ran, else already finished (a
   * resumed run's), which moves the bar but says nothing of how fast this process measures.
   */
  public void finished(int index) {
    eta.finished(index);
  }

  @Override
  public void close() {}

  static String fmt(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }

  /**
   * The time left, from the points measured in this process only: a resumed run's points took no
   * time here, so counting them as done would make the rate look far higher than it is. A point's
   * time runs from the previous point's end (its inputs are drawn before its first step) to its
   * own.
   *
   * <p>Points differ in cost by orders of magnitude, so each has a work estimate, and the time of
   * one is fitted as {@code perPoint + perWork · work} ({@link Cost}): a work-proportional rate
   * alone overestimates the large points from the small ones, which cost mostly their fixed
   * overhead (on the CPU emulation a 256-key point took a third to half the time of a 2048-key one,
   * for 1/8 of the work). The time already spent in the running point is taken off its estimate, so
   * the ETA falls while a point runs instead of climbing.
   */
  static final class Eta {
    private final double[] work;
    private final boolean[] done;
    private final LongSupplier clock;
    private final List<Cost.Sample> measured = new ArrayList<>();
    private double totalWork;
    private double doneWork;
    private long since;
    private int running = -1;

    Eta(double[] work, LongSupplier clock) {
      this.work = work.clone();
      this.done = new boolean[work.length];
      this.clock = clock;
      this.since = clock.getAsLong();
      for (double w : work) {
        totalWork += w;
      }
    }

    synchronized void started(int index) {
      running = index;
    }

    synchronized void finished(int index) {
      long now = clock.getAsLong();
      if (running == index) {
        measured.add(new Cost.Sample(work[index], now - since));
      }
      if (!done[index]) {
        done[index] = true;
        doneWork += work[index];
      }
      running = -1;
      since = now;
    }

    /** How much of the work is finished, resumed points included: the bar's position. */
    synchronized double doneFraction() {
      return totalWork > 0 ? Math.min(1, doneWork / totalWork) : 0;
    }

    /** Whether {@code fitted} holds two works, or every point still to run has the one it holds. */
    private boolean spansWork(List<Cost.Sample> fitted) {
      double w = fitted.get(0).work();
      if (fitted.stream().anyMatch(x -> x.work() != w)) {
        return true;
      }
      for (int i = 0; i < work.length; i++) {
        if (!done[i] && work[i] != w) {
          return false;
        }
      }
      return true;
    }

    /**
     * Empty until two points measured in this process have finished, and once all points are. The
     * first one measured runs while the JIT compiles the emulation (or CUDA loads its modules): on
     * the CPU, configs/paper.yaml's first point took 4 s, the same shape of its next distribution
     * 1.4 s, and a rate from it promised 4 minutes for a one-minute run. It is a warm-up, left out
     * of the fit.
     */
    synchronized Optional<Duration> remaining() {
      if (measured.size() < 2 || doneWork >= totalWork) {
        return Optional.empty();
      }
      List<Cost.Sample> fitted = measured.subList(1, measured.size());
      if (!spansWork(fitted)) {
        // Points of one work say nothing of how time grows with work: a proportional guess from
        // a 1k point promised a GPU bench of 6 s 2m21s (its 16k points cost mostly their fixed
        // sampling, not 256x the 1k ones). No ETA until two works are measured, unless no other
        // work is left.
        return Optional.empty();
      }
      Cost cost = Cost.fit(fitted);
      double left = 0;
      for (int i = 0; i < work.length; i++) {
        if (!done[i] && i != running) {
          left += cost.nanos(work[i]);
        }
      }
      if (running >= 0) {
        // Past its estimate, the running point adds nothing: the ETA waits for it at 0, not below.
        left += Math.max(0, cost.nanos(work[running]) - (clock.getAsLong() - since));
      }
      return Optional.of(Duration.ofNanos(Math.round(left)));
    }
  }

  /** A point's time as {@code perPoint + perWork · work}, in nanoseconds. */
  record Cost(double perPoint, double perWork) {

    record Sample(double work, double nanos) {}

    /**
     * Least squares over {@code samples} (at least one). Where that fit is not physical, the
     * simpler model that is: with a negative overhead (or every point of one work) time
     * proportional to work; with a negative slope (bigger points measured faster, timing noise), or
     * points of one work, the mean per point.
     */
    static Cost fit(List<Sample> samples) {
      double n = samples.size();
      double sumWork = 0;
      double sumNanos = 0;
      for (Sample s : samples) {
        sumWork += s.work();
        sumNanos += s.nanos();
      }
      double meanWork = sumWork / n;
      double meanNanos = sumNanos / n;
      double sxx = 0;
      double sxy = 0;
      for (Sample s : samples) {
        sxx += (s.work() - meanWork) * (s.work() - meanWork);
        sxy += (s.work() - meanWork) * (s.nanos() - meanNanos);
      }
      if (sxx > 0) {
        double perWork = sxy / sxx;
        double perPoint = meanNanos - perWork * meanWork;
        if (perWork < 0) {
          return new Cost(meanNanos, 0);
        }
        if (perPoint >= 0) {
          return new Cost(perPoint, perWork);
        }
      }
      return sxx > 0 && sumWork > 0 ? new Cost(0, sumNanos / sumWork) : new Cost(meanNanos, 0);
    }

    double nanos(double work) {
      return perPoint + perWork * work;
    }
  }

  /** One line per step, with elapsed time and the ETA. */
  static final class Lines extends Progress {
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;

    Lines(double[] work, PrintStream out, LongSupplier nanoClock) {
      super(work, nanoClock);
      this.out = out;
      this.clock = nanoClock;
      this.start = nanoClock.getAsLong();
    }

    @Override
    void show(int index, String what) {
      String left = eta.remaining().map(d -> "  ETA " + fmt(d)).orElse("");
      // 50 columns: room for a step such as "normal N=16384 D=128 int8-half (cpu-emulation)".
      out.printf(
          Locale.ROOT,
          "[%d/%d] %-50s elapsed %s%s%n",
          index + 1,
          points,
          what,
          fmt(Duration.ofNanos(clock.getAsLong() - start)),
          left);
    }
  }

  /** A redrawn bar, with the same ETA as the lines (the library's own counts resumed points). */
  static final class Bar extends Progress {
    /**
     * Bar units: work is scaled to this many, so the bar moves smoothly whatever the work scale.
     */
    private static final long UNITS = 10_000;

    private final ProgressBar bar;

    Bar(String task, double[] work, PrintStream err, LongSupplier nanoClock) {
      super(work, nanoClock);
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(UNITS)
              .setRenderer(
                  (state, width) ->
                      line(
                          state.getTaskName(),
                          state.getNormalizedProgress(),
                          state.getElapsedAfterStart(),
                          eta.remaining(),
                          state.getExtraMessage(),
                          width))
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .build();
    }

    /** The widest and narrowest bar, in columns. */
    static final int WIDEST = 30;

    static final int NARROWEST = 10;

    /**
     * The bar's line in {@code width} columns: task, percentage, the bar, elapsed time and ETA,
     * then the step, cut short where the line would not fit. The library's own line put the step
     * last uncut, so at 80 columns its bar shrank to "[ ]" and the step was cut mid-word; it also
     * showed the bar's units ("21/100%") and "ETA ?" once every point was done.
     */
    static String line(
        String task,
        double fraction,
        Duration elapsed,
        Optional<Duration> left,
        String step,
        int width) {
      double done = Math.max(0, Math.min(1, fraction));
      String head = String.format(Locale.ROOT, "%s %3d%% [", task, (int) Math.floor(100 * done));
      String tail = "] " + fmt(elapsed) + left.map(d -> " ETA " + fmt(d)).orElse("");
      String what = step == null ? "" : step;
      // One column short of the width: a terminal wraps a line that fills its last column.
      int room = width - 1 - head.length() - tail.length();
      // As wide as the step leaves room for, within [NARROWEST, WIDEST], and never past the room.
      int bar =
          Math.min(Math.max(0, room), Math.max(NARROWEST, Math.min(WIDEST, room - what.length())));
      int forStep = room - bar;
      if (what.length() > forStep) {
        what = forStep > 3 ? what.substring(0, forStep - 3) + "..." : "";
      }
      int filled = (int) Math.floor(bar * done);
      String drawn = "=".repeat(filled) + (filled < bar ? ">" + " ".repeat(bar - filled - 1) : "");
      return head + drawn + tail + what;
    }

    @Override
    void show(int index, String what) {
      bar.setExtraMessage(String.format(Locale.ROOT, " [%d/%d] %s", index + 1, points, what));
    }

    @Override
    public void finished(int index) {
      super.finished(index);
      bar.stepTo(Math.round(UNITS * eta.doneFraction()));
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
