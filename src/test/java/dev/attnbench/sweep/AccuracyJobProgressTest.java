package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.Method;
import dev.attnbench.report.ResultFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a GPU each method runs on two backends; its progress lines say which. */
class AccuracyJobProgressTest {

  @TempDir Path tmp;

  /** Stands in for the CUDA backend (no GPU here): the emulation's numbers under its name. */
  static final class StandInGpu implements AttentionBackend {
    private final CpuEmulationBackend emulation = new CpuEmulationBackend();

    @Override
    public String name() {
      return "cuda";
    }

    @Override
    public boolean supports(Method method, int headDim) {
      return true;
    }

    @Override
    public float[] forward(Method method, AttentionInputs inputs, RowSample rows) {
      return emulation.forward(method, inputs, rows);
    }
  }

  @Test
  void eachMethodsStepNamesItsBackend() {
    assumeTrue(System.console() == null, "a terminal gets the progress bar, not lines");
    AccuracySweep sweep =
        new AccuracySweep(
            1,
            1,
            List.of(40),
            List.of(32),
            List.of(false),
            List.of(Distribution.parse("uniform")),
            List.of(Method.FP16, Method.INT8),
            8,
            1.0,
            3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AccuracyJob.run(
        sweep,
        List.of(new StandInGpu(), new CpuEmulationBackend()),
        ResultFolder.open(tmp, false),
        List.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // "[1/1] <step>   elapsed 0s", a line per step.
    Matcher step =
        Pattern.compile("^\\[1/1\\] (.+?)\\s+elapsed", Pattern.MULTILINE)
            .matcher(bytes.toString(StandardCharsets.UTF_8));
    List<String> steps = step.results().map(r -> r.group(1)).toList();
    assertEquals(
        List.of(
            "uniform N=40 D=32 reference",
            "uniform N=40 D=32 fp16 (cuda)",
            "uniform N=40 D=32 fp16 (cpu-emulation)",
            "uniform N=40 D=32 int8 (cuda)",
            "uniform N=40 D=32 int8 (cpu-emulation)"),
        steps);
  }
}
