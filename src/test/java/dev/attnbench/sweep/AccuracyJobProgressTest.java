package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.Method;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.ResultFolder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
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

  /**
   * Stands in for the CUDA backend (no GPU here): the emulation's numbers under its name, for every
   * method but {@code missing} (may be null).
   */
  static final class StandInGpu implements AttentionBackend {
    private final CpuEmulationBackend emulation = new CpuEmulationBackend();
    private final Method missing;

    StandInGpu(Method missing) {
      this.missing = missing;
    }

    StandInGpu() {
      this(null);
    }

    @Override
    public String name() {
      return "cuda";
    }

    @Override
    public boolean supports(Method method, int headDim) {
      return method != missing;
    }

    @Override
    public String whyUnsupported(Method method, int headDim) {
      return method == missing ? "not built in this image" : null;
    }

    @Override
    public float[] forward(Method method, AttentionInputs inputs, RowSample rows) {
      return emulation.forward(method, inputs, rows);
    }
  }

  /** B=1, H=1, N=40, D=32, non-causal, 8 rows: one point of {@code dist} for {@code methods}. */
  private static AccuracySweep oneShape(String dist, long seed, Method... methods) {
    return new AccuracySweep(
        1,
        1,
        List.of(40),
        List.of(32),
        List.of(false),
        List.of(Distribution.parse(dist)),
        List.of(methods),
        8,
        1.0,
        seed);
  }

  @Test
  void eachMethodsStepNamesItsBackend() {
    assumeTrue(System.console() == null, "a terminal gets the progress bar, not lines");
    AccuracySweep sweep = oneShape("uniform", 3, Method.FP16, Method.INT8);
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

  @Test
  void aResumedRunGivesNoEtaFromThePointsItResumed() {
    assumeTrue(System.console() == null, "a terminal gets the progress bar, not lines");
    AccuracySweep sweep =
        new AccuracySweep(
            1,
            1,
            List.of(40, 48, 56),
            List.of(32),
            List.of(false),
            List.of(Distribution.parse("uniform")),
            List.of(Method.FP16),
            8,
            1.0,
            3);
    List<AttentionBackend> cpu = List.of(new CpuEmulationBackend());
    List<AccuracyRow> all =
        AccuracyJob.run(
            sweep,
            cpu,
            ResultFolder.open(tmp.resolve("first"), false),
            List.of(),
            new PrintStream(OutputStream.nullOutputStream()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AccuracyJob.run(
        sweep,
        cpu,
        ResultFolder.open(tmp.resolve("resumed"), false),
        all.stream().filter(r -> r.seqLen() < 56).toList(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String err = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("[3/3] uniform N=56 D=32 reference"), err);
    // N=40 and 48 were finished in no time here: a rate from them would promise the rest at once.
    assertFalse(err.contains("ETA"), err);
  }

  @Test
  void aMethodThatABackendCannotRunIsNamedWithTheReasonAndLeavesNoRows() {
    AccuracySweep sweep = oneShape("normal", 5, Method.FP16, Method.FP8_NATIVE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<AccuracyRow> rows =
        AccuracyJob.run(
            sweep,
            List.of(new StandInGpu(Method.FP8_NATIVE), new CpuEmulationBackend()),
            ResultFolder.open(tmp, false),
            List.of(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String err = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        err.contains("attn-bench: cuda: fp8-native at D=32 not run: not built in this image"), err);
    assertEquals(3, rows.size(), "fp16 on both backends, fp8-native on the emulation only");
    assertTrue(
        rows.stream()
            .noneMatch(r -> r.method().equals("fp8-native") && r.backend().equals("cuda")));
  }
}
