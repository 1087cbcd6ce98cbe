package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.Scope;
import dev.attnbench.method.Method;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A point the GPU cannot run is told once for the whole sweep, not once per sequence length. */
class SkippedPointsTest {

  static final String NO_E2E = "the scales would have to come back to the host";

  /** What CudaAttention.whyUnsupported answers on a build without int8's D=128 kernel. */
  static String why(LatencyBench.Point p) {
    if (p.method() == Method.INT8 && p.shape().headDim() == 128) {
      return "no kernel attn_int8_d128 in this build";
    }
    return p.method() == Method.FP8_E4M3 && p.scope() == Scope.END_TO_END ? NO_E2E : null;
  }

  static String printed(LatencySweep sweep) {
    SkippedPoints skipped = new SkippedPoints();
    for (LatencyBench.Point p : sweep.points()) {
      String why = why(p);
      if (why != null) skipped.add(p, why);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    skipped.print(sweep, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static LatencySweep sweep(List<Scope> scopes) {
    return new LatencySweep(
        4,
        32,
        List.of(1024, 2048, 4096, 8192, 16384),
        List.of(64, 128),
        List.of(false, true),
        List.of(Method.FP16, Method.FP8_E4M3, Method.INT8),
        scopes,
        1.3);
  }

  @Test
  void oneLinePerMethodAndReasonSayingWhatIsTimedInstead() {
    String nl = System.lineSeparator();
    assertEquals(
        "attn-bench: fp8-e4m3 has no end-to-end latency: "
            + NO_E2E
            + "; timing it kernel-only"
            + nl
            + "attn-bench: int8 has no latency at D=128: no kernel attn_int8_d128 in this build"
            + nl,
        printed(sweep(List.of(Scope.KERNEL, Scope.END_TO_END))));
  }

  @Test
  void withoutTheKernelScopeNothingIsTimedInstead() {
    String nl = System.lineSeparator();
    assertEquals(
        "attn-bench: fp8-e4m3 has no end-to-end latency: "
            + NO_E2E
            + nl
            + "attn-bench: int8 has no end-to-end latency at D=128: no kernel attn_int8_d128 in this build"
            + nl,
        printed(sweep(List.of(Scope.END_TO_END))));
  }
}
