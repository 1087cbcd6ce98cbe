package dev.attnbench.bench;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.DeviceProblem;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;

/**
 * Measures one latency point: sets up the problem on the device (inputs drawn there, operands
 * quantized there), measures the scope's work cold, and summarizes it as a {@link LatencyRow}.
 */
public final class LatencyBench {

  /**
   * One point of the sweep. The softmax scale is part of what is timed: it sets how peaked P is,
   * and so how many of its bits toggle (the authors timed at 1.3).
   */
  public record Point(Method method, Shape shape, Scope scope, double softmaxScale) {}

  private final CudaAttention cuda;
  private final GpuInfo gpu;
  private final SmClock clock;
  private final ColdMeasurement cold;
  private final LatencyInputs inputs;

  public LatencyBench(
      CudaAttention cuda, SmClock clock, ColdMeasurement cold, LatencyInputs inputs) {
    this.cuda = cuda;
    this.gpu = cuda.gpu();
    this.clock = clock;
    this.cold = cold;
    this.inputs = inputs;
  }

  /** The row of {@code point} and the raw result behind it. */
  public record Measured(LatencyRow row, ColdMeasurement.Result result) {}

  public Measured measure(Point point) {
    Shape s = point.shape();
    ColdMeasurement.Result r;
    try (DeviceProblem problem =
        cuda.deviceProblem(point.method(), s, inputs, point.softmaxScale())) {
      Runnable work = point.scope() == Scope.KERNEL ? problem::attention : problem::endToEnd;
      r = cold.measure(work);
    }
    Statistics st = r.stats();
    double[] clocks = r.clockMhz();
    double medianClock = Statistics.of(clocks).median();
    LatencyRow row =
        new LatencyRow(
            point.method().id(),
            s.batch(),
            s.heads(),
            s.seqLen(),
            s.headDim(),
            s.causal(),
            point.scope().id(),
            st.median(),
            st.p10(),
            st.p90(),
            st.count(),
            LatencyRow.tflops(s.flops(), st.median()),
            gpu.name(),
            medianClock,
            clock.pointThrottled(clocks));
    return new Measured(row, r);
  }
}
