package dev.attnbench.bench;

import dev.attnbench.backend.cuda.DeviceBuffer;
import dev.attnbench.backend.cuda.Kernel;
import dev.attnbench.backend.cuda.KernelLibrary;
import jcuda.driver.CUstream;

/**
 * The SM clock as the GPU runs, for flagging throttled samples (after nvbench's {@code
 * gpu_frequency}). A one-thread kernel ({@code sm_clock_probe} in kernels/fill.cu) spins for a
 * fixed number of {@code clock64} cycles and reads {@code %globaltimer} (ns) around the spin; both
 * counters are read on one SM, so cycles over nanoseconds is that SM's clock. It runs after each
 * sample (the attention kernels fill every SM), so it reads the clock just after the load: on an
 * H100, 2,100 MHz after INT8 samples during which nvidia-smi reported 1,980, and 1,800 after FP16
 * samples against ~1,635 (results/2026-12-02-h100-paper-v40, clock/). A sample is slow when it runs
 * more than 5% under the card's nominal maximum (the driver's, as nvbench compares with the
 * device's default clock), so a point's flag does not depend on which points ran before it. Only
 * when the driver reports no maximum is the reference the highest per-point median of the run so
 * far. (Until 2026-12-02 it was that maximum always, capped at the nominal one: the points run
 * before the first one at the nominal clock were judged against a lower bar.)
 */
public final class SmClock implements AutoCloseable {
  /** About 1 ms at 2 GHz, so the globaltimer's steps (several us here) stay well under 1%. */
  static final long SPIN_CYCLES = 2_000_000;

  /** A sample is slow when its clock is more than this fraction below the reference. */
  static final double DROP = 0.05;

  /** A row is throttled when at least this fraction of its samples is slow. */
  static final double SLOW_FRACTION = 0.10;

  private final Kernel probe;
  private final DeviceBuffer result = DeviceBuffer.allocate(16, "sm_clock_probe result");
  private final long[] readback = new long[2];
  private final double nominalMaxMhz;
  private double runMaxMhz;

  /**
   * @param nominalMaxMhz the driver's maximum SM clock, the reference (0 or less: not reported)
   */
  public SmClock(KernelLibrary library, double nominalMaxMhz) {
    this.probe = library.kernel("sm_clock_probe");
    this.nominalMaxMhz = nominalMaxMhz;
  }

  /** Runs the probe on {@code stream}, waits for it, and returns the SM clock in MHz. */
  public double sampleMhz(CUstream stream) {
    probe.launch(1, 1, 1, 1, 0, stream, result, SPIN_CYCLES);
    result.download(0, readback, 0, 2);
    return readback[1] > 0 ? readback[0] * 1e3 / readback[1] : Double.NaN;
  }

  /** The run's reference clock: the nominal maximum, else the highest per-point median so far. */
  public double referenceMhz() {
    return reference(runMaxMhz, nominalMaxMhz);
  }

  /** The rule, separate for testing: a positive {@code nominalMhz}, else {@code runMaxMhz}. */
  static double reference(double runMaxMhz, double nominalMhz) {
    return nominalMhz > 0 ? nominalMhz : runMaxMhz;
  }

  /**
   * Takes one point's per-sample clocks into the reference and says whether the point ran throttled
   * against it.
   */
  public boolean pointThrottled(double[] mhz) {
    runMaxMhz = highestMedian(runMaxMhz, mhz);
    return throttled(mhz, referenceMhz());
  }

  /** The highest per-point median so far: {@code runMaxMhz}, or {@code mhz}'s median if higher. */
  static double highestMedian(double runMaxMhz, double[] mhz) {
    return mhz.length > 0 ? Math.max(runMaxMhz, Statistics.of(mhz).median()) : runMaxMhz;
  }

  /** The rule, separate for testing: slow samples (> 5% under {@code maxMhz}) are >= 10% of all. */
  static boolean throttled(double[] mhz, double maxMhz) {
    if (mhz.length == 0 || !(maxMhz > 0)) {
      return false;
    }
    int slow = 0;
    for (double f : mhz) {
      if (f < (1 - DROP) * maxMhz) {
        slow++;
      }
    }
    return slow >= SLOW_FRACTION * mhz.length;
  }

  @Override
  public void close() {
    result.close();
  }
}
