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
import java.util.List;

/**
 * Runs an {@link AccuracySweep}: per point, draws the inputs once, computes the FP64 reference
 * once, and compares every method on every backend with it.
 */
public final class AccuracyRunner {

  /** Told about each point as it starts and each row as it is measured. */
  public interface Listener {
    void pointStarted(int index, AccuracySweep.Point point, Method method);

    /** All rows of one point are measured. */
    void pointFinished(int index, AccuracySweep.Point point, List<AccuracyRow> rowsSoFar);
  }

  private final List<AttentionBackend> backends;

  public AccuracyRunner(List<AttentionBackend> backends) {
    this.backends = List.copyOf(backends);
  }

  public List<AccuracyRow> run(AccuracySweep sweep, Listener listener) {
    List<AccuracyRow> rows = new ArrayList<>();
    List<AccuracySweep.Point> points = sweep.points();
    for (int i = 0; i < points.size(); i++) {
      AccuracySweep.Point p = points.get(i);
      Shape shape = p.shape();
      AttentionInputs in =
          InputGenerator.generate(shape, p.distribution(), p.softmaxScale(), p.seed());
      // The row sample has its own stream, so changing --rows does not change the data.
      RowSample sample = RowSample.sample(shape, sweep.rows(), p.seed() ^ 0x5DEECE66DL);
      listener.pointStarted(i, p, null);
      double[] ref = Fp64Attention.forward(in, sample);
      for (Method m : sweep.methods()) {
        for (AttentionBackend backend : backends) {
          if (!backend.supports(m, shape.headDim())) {
            continue;
          }
          listener.pointStarted(i, p, m);
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
      }
      listener.pointFinished(i, p, rows);
    }
    return rows;
  }
}
