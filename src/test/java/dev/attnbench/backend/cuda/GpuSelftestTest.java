package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.backend.cuda.selftest.CheckedScale;
import dev.attnbench.backend.cuda.selftest.GpuSelftest;
import dev.attnbench.method.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GPU suite under JUnit ({@code mvn -B verify}; {@code -Pgpu} runs it alone). Without a CUDA
 * device it is reported as skipped, never as passed.
 */
@Tag("gpu")
class GpuSelftestTest {

  @Test
  void everyKernelMatchesItsEmulationAndTheFp64Reference() {
    GpuPresence presence = GpuPresence.probe();
    if (!presence.present()) {
      // Said on the console too: surefire's summary shows only a count of skipped tests.
      System.err.println("GPU suite SKIPPED (not passed): no CUDA device: " + presence.reason());
    }
    Assumptions.assumeTrue(presence.present(), "skipped: no CUDA device: " + presence.reason());
    long seed = System.nanoTime() & 0xFFFF_FFFFL;
    boolean quick = !"full".equals(System.getenv("ATTN_BENCH_SELFTEST"));
    try (CudaAttention cuda = CudaAttention.open()) {
      GpuSelftest.Summary s =
          new GpuSelftest(cuda, System.out)
              .run(
                  new GpuSelftest.Options(
                      quick,
                      seed,
                      Arrays.asList(Method.values()),
                      List.of(64, 128),
                      CheckedScale.DEFAULTS));
      assertTrue(
          s.ok(),
          s.passed()
              + " passed, "
              + s.failed()
              + " failed (seed "
              + seed
              + "):\n"
              + String.join("\n", s.failures()));
    }
  }
}
