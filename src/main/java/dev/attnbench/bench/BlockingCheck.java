package dev.attnbench.bench;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.backend.cuda.DeviceBuffer;
import dev.attnbench.backend.cuda.Kernel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A GPU check of the timing method itself, run by {@code selftest}: a sample whose work is two
 * short kernels with a {@value #HOST_GAP_MS} ms host sleep between their launches must read the GPU
 * time alone when the stream is blocked ({@link StreamBlocker}), and the gap when it is not (which
 * shows the check can fail: without the blocking kernel the host's time is timed).
 */
public final class BlockingCheck {
  static final long HOST_GAP_MS = 2;

  /** Clocks each of the two kernels spins: ~10 us at 2 GHz, far below the gap. */
  private static final long SPIN_CYCLES = 20_000;

  private BlockingCheck() {}

  /** Runs the check, prints one PASS or FAIL line, and says whether it passed. */
  public static boolean run(CudaAttention cuda, PrintStream out) {
    double blocked = medianMs(cuda, true);
    double unblocked = medianMs(cuda, false);
    boolean ok = blocked < HOST_GAP_MS / 2.0 && unblocked >= HOST_GAP_MS;
    out.printf(
        Locale.ROOT,
        "%s timing: a %d ms host gap inside a sample: blocked %.3f ms (must be < %.1f),"
            + " unblocked %.3f ms (must be >= %d)%s%n",
        ok ? "PASS" : "FAIL",
        HOST_GAP_MS,
        blocked,
        HOST_GAP_MS / 2.0,
        unblocked,
        HOST_GAP_MS,
        ok ? "" : "; under a sanitizer or profiler, run selftest with --no-timing-check");
    return ok;
  }

  private static double medianMs(CudaAttention cuda, boolean blocked) {
    cuda.context().makeCurrent();
    Kernel spin = cuda.library().kernel("sm_clock_probe");
    ColdSampling sampling =
        new ColdSampling(StdRelCriterion.of(0.005, Duration.ofMillis(200)), L2Flush.WRITE, blocked);
    try (DeviceBuffer sink = DeviceBuffer.allocate(16, "blocking check");
        SmClock clock = new SmClock(cuda.library(), cuda.gpu().maxSmClockKhz() / 1000.0);
        ColdMeasurement cold =
            new ColdMeasurement(cuda.gpu(), cuda.library(), sampling, clock, null)) {
      Runnable work =
          () -> {
            spin.launch(1, 1, 1, 1, 0, null, sink, SPIN_CYCLES);
            try {
              Thread.sleep(HOST_GAP_MS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
            spin.launch(1, 1, 1, 1, 0, null, sink, SPIN_CYCLES);
          };
      return cold.measure(work).stats().median();
    }
  }
}
