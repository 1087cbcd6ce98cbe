package dev.attnbench.sweep;

import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.reference.Fp64Attention;
import dev.attnbench.report.AccuracyRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an {@link AccuracySweep}: per point, draws the inputs once, computes the FP64 reference
 * once, and compares every method on every backend with it.
 */
public final class AccuracyRunner {

  /** Told about each step of a point as it starts, and each point as it is finished. */
  public interface Listener {
    /**
     * A step of point {@code index} starts: the FP64 reference ({@code method} and {@code backend}
     * null), or {@code method} on {@code backend}. With a GPU each method runs twice, on the
     * kernels and on the emulation, so the backend is what tells the two steps apart.
     */
    void pointStarted(int index, AccuracySweep.Point point, Method method, String backend);

    /** All rows of one point are measured. */
    void pointFinished(int index, AccuracySweep.Point point, List<AccuracyRow> rowsSoFar);
  }

  private final List<AttentionBackend> backends;

  public AccuracyRunner(List<AttentionBackend> backends) {
    this.backends = List.copyOf(backends);
  }

  public List<AccuracyRow> run(AccuracySweep sweep, Listener listener) {
    return run(sweep, List.of(), listener);
  }

  /**
   * Runs the sweep, keeping {@code finished} (rows of an interrupted run of the same sweep) and
   * measuring only what they lack: a point whose every (method, backend) row is there is skipped.
   */
  public List<AccuracyRow> run(AccuracySweep sweep, List<AccuracyRow> finished, Listener listener) {
    List<AccuracyRow> rows = new ArrayList<>(finished);
    Set<RowKey> done = new HashSet<>();
    finished.forEach(r -> done.add(RowKey.of(r)));
    List<AccuracySweep.Point> points = sweep.points();
    for (int i = 0; i < points.size(); i++) {
      AccuracySweep.Point p = points.get(i);
      Shape shape = p.shape();
      List<Measure> todo = new ArrayList<>();
      for (Method m : sweep.methods()) {
        for (AttentionBackend backend : backends) {
          if (backend.supports(m, shape.headDim())
              && !done.contains(
                  RowKey.of(m.id(), p, Math.min(sweep.rows(), shape.seqLen()), backend.name()))) {
            todo.add(new Measure(m, backend));
          }
        }
      }
      if (todo.isEmpty()) {
        listener.pointFinished(i, p, rows);
        continue;
      }
      AttentionInputs in =
          InputGenerator.generate(shape, p.distribution(), p.softmaxScale(), p.seed());
      RowSample sample = p.rowSample(sweep.rows());
      listener.pointStarted(i, p, null, null);
      double[] ref = Fp64Attention.forward(in, sample);
      for (Measure todoItem : todo) {
        Method m = todoItem.method();
        AttentionBackend backend = todoItem.backend();
        listener.pointStarted(i, p, m, backend.name());
        ErrorStats e = ErrorStats.compare(backend.forward(m, in, sample), ref);
        rows.add(
            new AccuracyRow(
                m.id(),
                p.distribution().id(),
                shape.batch(),
                shape.heads(),
                shape.seqLen(),
                shape.headDim(),
                shape.causal(),
                sample.rowsPerSlice(0),
                p.seed(),
                e,
                backend.name()));
      }
      listener.pointFinished(i, p, rows);
    }
    return rows;
  }

  private record Measure(Method method, AttentionBackend backend) {}

  /**
   * The first of {@code rows} that {@code sweep} does not make on any backend (another method,
   * shape, row count or seed), or null.
   */
  static AccuracyRow firstForeign(List<AccuracyRow> rows, AccuracySweep sweep) {
    Set<RowKey> expected = new HashSet<>();
    for (AccuracySweep.Point p : sweep.points()) {
      for (Method m : sweep.methods()) {
        expected.add(RowKey.of(m.id(), p, Math.min(sweep.rows(), p.shape().seqLen()), ""));
      }
    }
    for (AccuracyRow r : rows) {
      if (!expected.contains(RowKey.of(r.withBackend("")))) {
        return r;
      }
    }
    return null;
  }

  /** What identifies a finished row: everything that determines its numbers. */
  private record RowKey(
      String method,
      String dist,
      int b,
      int h,
      int n,
      int d,
      boolean causal,
      int rows,
      long seed,
      String backend) {
    static RowKey of(AccuracyRow r) {
      return new RowKey(
          r.method(),
          r.distribution(),
          r.batch(),
          r.heads(),
          r.seqLen(),
          r.headDim(),
          r.causal(),
          r.rows(),
          r.seed(),
          r.backend());
    }

    static RowKey of(String method, AccuracySweep.Point p, int rows, String backend) {
      Shape s = p.shape();
      return new RowKey(
          method,
          p.distribution().id(),
          s.batch(),
          s.heads(),
          s.seqLen(),
          s.headDim(),
          s.causal(),
          rows,
          p.seed(),
          backend);
    }
  }
}
