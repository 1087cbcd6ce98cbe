package dev.attnbench.jmh;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.DeviceProblem;
import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.sweep.LatencySweep;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The host's view of one attention kernel: launch plus synchronize, as a caller on the JVM waits
 * for it. The pitfall it avoids: a CUDA launch returns as soon as the work is queued, so timing the
 * launch alone measures the queue, not the kernel; the synchronize makes the host wait for the GPU.
 * The difference to {@code bench}'s CUDA-event median is the launch and synchronisation overhead
 * (and a warm L2: this loop does not flush it). Needs a GPU: {@code jmh} leaves it out, saying so,
 * where none is visible.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelLaunchBenchmark {

  /** The class name's prefix that {@code jmh} uses to leave GPU benchmarks out without a GPU. */
  public static final String NAME = KernelLaunchBenchmark.class.getName();

  // Every attention kernel the paper's comparison uses (the ablations share these kernels).
  @Param({"fp16", "fp8", "fp8-e4m3", "fp8-native", "int8-half", "int8", "int8-plus"})
  public String method;

  @Param({"4096"})
  public int seqLen;

  @Param({"64"})
  public int headDim;

  private CudaAttention cuda;
  private DeviceProblem problem;

  @Setup(Level.Trial)
  public void setUp() {
    GpuPresence gpu = GpuPresence.probe();
    if (!gpu.present()) {
      throw new IllegalStateException("no CUDA device: " + gpu.reason());
    }
    cuda = CudaAttention.open();
    Shape shape = new Shape(4, 32, seqLen, headDim, false);
    problem =
        cuda.deviceProblem(
            Method.parse(method),
            shape,
            LatencyInputs.normal(1),
            // bench's default, the authors' 1.3
            LatencySweep.DEFAULTS.softmaxScale());
  }

  @Benchmark
  public void launchAndSynchronize() {
    problem.attention();
    cuda.context().synchronize();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (problem != null) problem.close();
    if (cuda != null) cuda.close();
  }
}
