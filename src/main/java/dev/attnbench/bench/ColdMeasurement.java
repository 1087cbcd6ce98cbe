package dev.attnbench.bench;

import dev.attnbench.backend.cuda.CudaEvent;
import dev.attnbench.backend.cuda.DeviceBuffer;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.backend.cuda.Kernel;
import dev.attnbench.backend.cuda.KernelLibrary;
import java.time.Duration;
import java.util.Arrays;
import jcuda.driver.CUstream;

/**
 * Cold-cache latency of one piece of GPU work (after nvbench's {@code measure_cold}).
 *
 * <p>Each sample: fill L2 with a buffer of twice its size ({@link L2Flush}: written by a memset, or
 * read by a kernel), hold the stream with a blocking kernel ({@link StreamBlocker}), record a start
 * event, enqueue the work, record a stop event, release the stream, wait, then read the SM clock.
 * The flush is outside the events, so it is not timed. Flushing was chosen over rotating input sets
 * because it works for every shape alike: at B=4, H=32, N=16k, D=128 a single FP16 tensor is 512
 * MiB, and no number of copies is needed to defeat a 50 MiB L2, while at N=1k the three inputs (48
 * MiB at D=64) nearly fit in L2 and rotation would need several copies per method. The paper's
 * {@code do_bench} flushes L2 with a write ({@link L2Flush#WRITE}) and blocks nothing.
 *
 * <p>Before sampling, the work runs until it has taken at least {@link #WARMUP} of GPU time (and at
 * least 3 times), so lazy module loading, first-touch page mapping and the clock ramp stay out of
 * the samples.
 */
public final class ColdMeasurement implements AutoCloseable {
  static final Duration WARMUP = Duration.ofMillis(25);
  private static final int MIN_WARMUP_RUNS = 3;
  private static final int MAX_WARMUP_RUNS = 1000;
  private static final int FLUSH_THREADS = 256;
  private static final int MAX_BLOCK_ATTEMPTS = 3;

  private final DeviceBuffer flush;
  private final L2Flush flushMode;
  private final Kernel flushRead;
  private final int flushBlocks;
  private final DeviceBuffer flushSink = DeviceBuffer.allocate(4, "L2 flush sink");
  private final SampleHold hold;
  private final SmClock clock;
  private final StdRelCriterion criterion;
  private final CUstream stream;
  private final CudaEvent start = new CudaEvent();
  private final CudaEvent stop = new CudaEvent();

  /**
   * @param library the benchmark kernels (the read flush's and the blocking kernel)
   * @param stream the stream the work is enqueued on (null: the legacy default stream)
   */
  public ColdMeasurement(
      GpuInfo gpu, KernelLibrary library, ColdSampling sampling, SmClock clock, CUstream stream) {
    // 16-byte words, for the read flush's vector loads.
    this.flush = DeviceBuffer.allocate(Math.max(2 * gpu.l2Bytes(), 1 << 20) & ~15L, "L2 flush");
    this.flushMode = sampling.flush();
    this.flushRead = flushMode == L2Flush.READ ? library.kernel("l2_flush_read") : null;
    this.flushBlocks = gpu.gridStrideBlocks();
    this.hold = sampling.blocked() ? new StreamBlocker(library) : SampleHold.NONE;
    this.clock = clock;
    this.criterion = sampling.criterion();
    this.stream = stream;
    // Written once, so the read flush reads defined memory; its dirty lines are gone after the
    // warm-up's first flushes.
    flush.fill32(i32Pattern(), stream);
  }

  /** The samples of one point and why sampling stopped. */
  public record Result(
      double[] samplesMs, double[] clockMhz, Statistics stats, StdRelCriterion.Stop stop) {}

  /** Measures {@code work}, which must only enqueue onto the stream given at construction. */
  public Result measure(Runnable work) {
    warmUp(work);
    double[] samples = new double[64];
    double[] clocks = new double[64];
    int n = 0;
    long begin = System.nanoTime();
    StdRelCriterion.Stop why;
    while (true) {
      if (n == samples.length) {
        samples = Arrays.copyOf(samples, 2 * n);
        clocks = Arrays.copyOf(clocks, 2 * n);
      }
      samples[n] = sampleMs(work);
      clocks[n] = clock.sampleMhz(stream);
      n++;
      why = criterion.check(samples, n, Duration.ofNanos(System.nanoTime() - begin));
      if (why != StdRelCriterion.Stop.CONTINUE) {
        break;
      }
    }
    double[] s = Arrays.copyOf(samples, n);
    return new Result(s, Arrays.copyOf(clocks, n), Statistics.of(s), why);
  }

  private void warmUp(Runnable work) {
    double total = 0;
    for (int i = 0;
        i < MAX_WARMUP_RUNS && (i < MIN_WARMUP_RUNS || total < WARMUP.toMillis());
        i++) {
      total += sampleMs(work);
    }
    clock.sampleMhz(stream);
  }

  private double sampleMs(Runnable work) {
    for (int attempt = 1; ; attempt++) {
      flushL2();
      hold.hold(stream);
      start.record(stream);
      try {
        work.run();
        stop.record(stream);
      } finally {
        hold.release();
      }
      double ms = stop.elapsedSince(start);
      if (!hold.timedOut()) {
        return ms;
      }
      // The blocking kernel gave up before the host released it: the sample may hold host time.
      if (attempt == MAX_BLOCK_ATTEMPTS) {
        throw new IllegalStateException(
            "stream_block timed out "
                + attempt
                + " times in a row: the host took over "
                + StreamBlocker.TIMEOUT_NS / 1_000_000
                + " ms to enqueue one sample");
      }
    }
  }

  private void flushL2() {
    if (flushMode == L2Flush.READ) {
      // The pattern's four equal words fold to 0 in the kernel's XOR, never to 1.
      flushRead.launch(
          flushBlocks, 1, 1, FLUSH_THREADS, 0, stream, flush, flush.bytes() / 16, 1, flushSink);
    } else {
      flush.fill32(i32Pattern(), stream);
    }
  }

  /** A non-zero pattern, so the memset cannot be satisfied by a zero-page shortcut. */
  private static int i32Pattern() {
    return 0x5A5A5A5A;
  }

  @Override
  public void close() {
    try (flush;
        flushSink;
        hold;
        start;
        stop) {
      // closes all, even if one fails
    }
  }
}
