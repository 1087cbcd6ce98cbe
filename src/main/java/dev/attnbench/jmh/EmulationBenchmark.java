package dev.attnbench.jmh;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.AttentionEmulation;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the CPU emulation of one method takes for a few sampled query rows: what an accuracy
 * sweep pays per point. One {@code forward} includes the method's quantization of the whole Q, K
 * and V (per-token, per-tensor, per-channel statistics are over all N keys) and the FlashAttention
 * loop over {@link #rows} rows per head, each reducing over all N keys.
 *
 * <p>The pitfall this avoids: a benchmark whose result is unused lets the JIT delete the work
 * (dead-code elimination) and time nothing, and one that builds its inputs inside the measured
 * method times the random generator too. So the inputs are built once in {@link #setUp}, outside
 * the measurement, and {@link #forward} returns the output, which JMH consumes in a Blackhole.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmulationBenchmark {

  /** The method id, as on the command line. */
  @Param({"fp16", "int8", "int8-plus"})
  public String method;

  /** Sequence length N: the keys each evaluated row reduces over. */
  @Param({"1024", "4096"})
  public int n;

  /** Query rows evaluated per head: few, as in a sampled accuracy run. */
  @Param({"16"})
  public int rows;

  /** Head dimension D. */
  @Param({"64"})
  public int headDim;

  private AttentionEmulation emulation;
  private AttentionInputs inputs;
  private RowSample sample;

  @Setup
  public void setUp() {
    Shape shape = new Shape(1, 2, n, headDim, false);
    inputs =
        InputGenerator.generate(
            shape, Distribution.parse("normal"), shape.defaultSoftmaxScale(), 20240917L);
    sample = RowSample.sample(shape, rows, 1L);
    emulation = Emulations.of(Method.parse(method));
  }

  @Benchmark
  public float[] forward() {
    return emulation.forward(inputs, sample);
  }
}
