package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Result sets shown side by side keep apart, also when they ran on one GPU. */
class ResultSetLabelsTest {

  static ResultSet run(String folder, String gpu, SplittableRandom random) {
    double fp16 = 1 + random.nextDouble();
    List<LatencyRow> rows =
        List.of(
            ClaimsEvaluatorTest.timing("fp16", 4096, fp16),
            ClaimsEvaluatorTest.timing("int8", 4096, fp16 * (0.8 + random.nextDouble() * 0.4)));
    return new ResultSet(Path.of(folder), Map.of("gpu_name", gpu), List.of(), rows);
  }

  @Test
  void runsOnOneGpuAreNamedByTheirFoldersAndRunsOnTwoGpusByTheirGpus() {
    SplittableRandom random = new SplittableRandom(31);
    ResultSet v14 = run("results/h100-v14", "H100", random);
    ResultSet v15 = run("results/h100-v15", "H100", random);
    ResultSet h200 = run("results/h200", "H200", random);

    assertEquals(List.of("H100", "H200"), ResultSet.labels(List.of(v14, h200)));
    assertEquals(
        List.of("H100 (h100-v14)", "H100 (h100-v15)", "H200"),
        ResultSet.labels(List.of(v14, v15, h200)));
    ResultSet again = run("elsewhere/h100-v14", "H100", random);
    assertEquals(
        List.of("H100 (h100-v14) #1", "H100 (h100-v14) #2"), ResultSet.labels(List.of(v14, again)));

    String md = MarkdownReport.render(List.of(v14, v15), List.of(), Optional.empty());
    assertTrue(
        md.contains("| ours: H100 (h100-v14) | verdict | ours: H100 (h100-v15) | verdict |"), md);
    assertTrue(md.contains("\n## H100 (h100-v15)\n"), md);
  }

  /**
   * An accuracy-only GPU run (run.json: command accuracy, backends cuda and cpu-emulation, no
   * gpu_name) was headed by the host CPU and said it had no CUDA device: it is a GPU run that timed
   * nothing. A CPU-only run keeps its CPU label and "no CUDA device".
   */
  @Test
  void anAccuracyOnlyGpuRunIsLabelledAGpuRunAndSaysWhyItHasNoLatency() {
    List<AccuracyRow> rows =
        AccuracyRowGrid.of(List.of("uniform"), List.of("fp8", "int8")).stream()
            .map(r -> r.withBackend("cuda"))
            .toList();
    ResultSet gpu =
        new ResultSet(
            Path.of("accuracy"),
            Map.of(
                "cpu", "Xeon", "command", "accuracy", "backends", List.of("cuda", "cpu-emulation")),
            rows,
            List.of());
    assertEquals("CUDA GPU (name not recorded)", gpu.label());
    String md = MarkdownReport.render(List.of(gpu), List.of(), Optional.empty());
    assertTrue(
        md.contains(
            "Not measured: this run measured accuracy only; the accuracy command times no kernels."),
        md);
    assertTrue(
        md.contains(
            "| not measured | no latency measured (this run measured accuracy only; the accuracy"
                + " command times no kernels) |"),
        md);
    assertFalse(md.contains("no CUDA device"), md);
    assertFalse(md.contains("CPU Xeon"), md);

    ResultSet cpu =
        new ResultSet(
            Path.of("cpu"),
            Map.of("cpu", "Xeon", "command", "reproduce", "backends", List.of("cpu-emulation")),
            AccuracyRowGrid.of(List.of("uniform"), List.of("fp8", "int8")),
            List.of());
    assertEquals("CPU Xeon", cpu.label());
    String cpuMd = MarkdownReport.render(List.of(cpu), List.of(), Optional.empty());
    assertTrue(cpuMd.contains("Not measured: no CUDA device in this run."), cpuMd);
    assertTrue(cpuMd.contains("no latency measured (no CUDA device in this run)"), cpuMd);
  }

  /**
   * What reproduce recorded is the reason: configs/ablation.yaml (no latency section) and --backend
   * cpu both read "no CUDA device in this run", which run.json contradicted.
   */
  @Test
  void aReproduceRunSaysWhyItTimedNothingAsItsRunJsonDoes() {
    List<AccuracyRow> rows = AccuracyRowGrid.of(List.of("uniform"), List.of("fp8", "int8"));
    Map<String, Object> noSection = new java.util.HashMap<>();
    noSection.put("command", "reproduce");
    noSection.put("latency_sweep", null);
    noSection.put("latency", "not measured: --backend cpu");
    String md =
        MarkdownReport.render(
            List.of(new ResultSet(Path.of("abl"), noSection, rows, List.of())),
            List.of(),
            Optional.empty());
    assertTrue(md.contains("Not measured: the config has no latency section."), md);
    assertFalse(md.contains("no CUDA device"), md);

    String cpuFlag =
        MarkdownReport.render(
            List.of(untimedReproduce("--backend cpu")), List.of(), Optional.empty());
    assertTrue(cpuFlag.contains("Not measured: --backend cpu."), cpuFlag);
  }

  /** A reproduce run with a latency section that timed nothing, run.json saying {@code why}. */
  private static ResultSet untimedReproduce(String why) {
    return new ResultSet(
        Path.of("q"),
        Map.of(
            "command",
            "reproduce",
            "latency_sweep",
            Map.of("softmaxScale", 1.3),
            "latency",
            "not measured: " + why),
        AccuracyRowGrid.of(List.of("uniform"), List.of("fp8", "int8")),
        List.of());
  }

  /**
   * The loader's message, nested parentheses and all, is said once in the Latency section; each
   * claim row that has no timing names only its cause.
   */
  @Test
  void theLoadersMessageIsSaidOnceAndTheClaimRowsNameOnlyItsCause() {
    String loader =
        "no CUDA device (the CUDA driver library could not be loaded (Error while loading native"
            + " library \"JCudaDriver-12.6.0-linux-x86_64\"))";
    ResultSet rs = untimedReproduce(loader);
    assertEquals("no CUDA device", rs.whyNoLatencyBriefly());
    String md = MarkdownReport.render(List.of(rs), List.of(), Optional.empty());
    assertEquals(1, md.split("JCudaDriver", -1).length - 1, md);
    assertTrue(md.contains("Not measured: " + loader + "."), md);
    assertTrue(md.contains("| not measured | no latency measured (no CUDA device) |"), md);
  }
}
