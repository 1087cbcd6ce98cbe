package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line that names what a run ran on, in a report pasted elsewhere. */
class MarkdownReportHeaderTest {

  private static String header(Map<String, Object> run) {
    ResultSet rs =
        new ResultSet(
            Path.of("run"),
            run,
            List.of(),
            List.of(ClaimsEvaluatorTest.timing("fp16", 4096, 1.0, 1980, "NVIDIA H200")));
    String md = MarkdownReport.render(List.of(rs), List.of(), Optional.empty());
    return md.lines().filter(l -> l.startsWith("- **")).findFirst().orElseThrow();
  }

  /** The driver and clock sat under run.json's "gpu", where the header did not look. */
  @Test
  void theDriverAndTheReferenceClockAreNamed() {
    Map<String, Object> gpu =
        Map.of(
            "driver_version", "580.159.04",
            "driver_cuda_version", "13.0",
            "sm_clock_mhz_reference", 1965);
    String line = header(Map.of("gpu_name", "NVIDIA H200", "gpu", gpu));
    assertTrue(
        line.contains(
            "gpu_name NVIDIA H200; driver 580.159.04 (CUDA 13.0); reference SM clock 1965 MHz;"),
        line);
    // The start to the second: run.json keeps it to the nanosecond.
    String started =
        header(Map.of("start", "2026-12-05T02:07:05.132256283Z", "gpu_name", "NVIDIA H200"));
    assertTrue(started.contains("start 2026-12-05T02:07:05Z; gpu_name NVIDIA H200;"), started);
    // A run from before driver_version was recorded names the CUDA version alone.
    String older =
        header(Map.of("gpu_name", "NVIDIA H200", "gpu", Map.of("driver_cuda_version", "13.0")));
    assertTrue(older.contains("gpu_name NVIDIA H200; driver CUDA 13.0; folder"), older);
  }
}
