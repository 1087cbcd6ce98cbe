package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce and report end to end on the CPU, as a user without a GPU runs them. */
class ReproduceAndReportTest {

  @TempDir Path tmp;

  static final String CONFIG =
      """
      name: tiny
      accuracy:
        batch: 1
        heads: 2
        seq_len: [40, 130]
        head_dim: [64]
        distributions: [uniform, normal]
        methods: [fp16, fp8, int8, int8-plus]
        rows: 8
        softmax_scale: 1.0
        seed: 5
      latency:
        batch: 4
        heads: 32
        seq_len: [1024]
        head_dim: [64]
        methods: [fp16, int8]
      """;

  static int run(StringWriter err, String... args) {
    var cmd = AttnBench.commandLine();
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void withoutAGpuReproduceWritesTheAccuracyHalfAndMarksLatencyNotMeasured() throws Exception {
    Path config = Files.writeString(tmp.resolve("tiny.yaml"), CONFIG);
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        run(
            err,
            "reproduce",
            "--config",
            config.toString(),
            "--backend",
            "cpu",
            "--out",
            out.toString()),
        err.toString());
    assertTrue(Files.exists(out.resolve("accuracy.csv")));
    assertTrue(Files.notExists(out.resolve("latency.csv")));
    Map<?, ?> runJson = new ObjectMapper().readValue(out.resolve("run.json").toFile(), Map.class);
    assertEquals("complete", runJson.get("status"));
    // What --resume DIR alone would replay: the flags, less where the run writes.
    assertEquals(
        java.util.List.of("--config", config.toString(), "--backend", "cpu"), runJson.get("args"));
    assertTrue(runJson.get("latency").toString().startsWith("not measured"));
    String report = Files.readString(out.resolve("REPORT.md"));
    assertTrue(
        report.contains(
            "| int8 speedup over fp16 | N=[1024, 2048, 4096, 8192, 16384], D=64, B=4, H=32, kernel"
                + " only | +31% … +73% | - | not measured | no latency measured (--backend cpu) |"),
        report);
    assertTrue(report.contains("int8 MRE reduction vs fp8 (e5m2, unscaled) | uniform"), report);
    assertTrue(Files.size(out.resolve("charts/mre_uniform_cpu-emulation.png")) > 1000);
    assertTrue(Files.size(out.resolve("charts/mre_normal_cpu-emulation.svg")) > 1000);
  }

  @Test
  void reportRendersAFolderCopiedFromAGpuHostAndComparesTwo() throws Exception {
    SplittableRandom random = new SplittableRandom(21);
    List<Path> dirs = new ArrayList<>();
    for (String gpu : List.of("GPU A", "GPU B")) {
      Path dir = Files.createDirectories(tmp.resolve(gpu.replace(' ', '_')));
      List<LatencyRow> rows = new ArrayList<>();
      for (int n : List.of(1024, 2048, 4096, 8192, 16384)) {
        double fp16 = 0.1 * (n / 1024.0) * (n / 1024.0) * (1 + random.nextDouble());
        rows.add(
            new LatencyRow(
                "fp16", 4, 32, n, 64, false, "kernel", fp16, fp16, fp16, 10, 300, gpu, 1980,
                false));
        rows.add(
            new LatencyRow(
                "int8",
                4,
                32,
                n,
                64,
                false,
                "kernel",
                fp16 / 1.8,
                fp16 / 1.8,
                fp16 / 1.8,
                10,
                540,
                gpu,
                1980,
                false));
      }
      try (var w = Files.newBufferedWriter(dir.resolve(LatencyCsv.FILE))) {
        LatencyCsv.write(rows, w);
      }
      Files.writeString(dir.resolve("run.json"), "{\"gpu_name\": \"" + gpu + "\"}");
      dirs.add(dir);
    }
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "report", dirs.get(0).toString()), err.toString());
    String single = Files.readString(dirs.get(0).resolve("REPORT.md"));
    assertTrue(single.contains("| +80% | reproduced |"), single);
    assertTrue(Files.exists(dirs.get(0).resolve("charts/speedup_d64.png")));

    assertEquals(
        2, run(new StringWriter(), "report", dirs.get(0).toString(), dirs.get(1).toString()));
    Path cmp = tmp.resolve("cmp");
    assertEquals(
        0,
        run(err, "report", dirs.get(0).toString(), dirs.get(1).toString(), "--out", cmp.toString()),
        err.toString());
    String both = Files.readString(cmp.resolve("REPORT.md"));
    assertTrue(both.contains("ours: GPU A") && both.contains("ours: GPU B"), both);
  }

  @Test
  void reportOfAFolderWithoutResultsExitsTwo() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "report", Files.createDirectories(tmp.resolve("empty")).toString()));
    assertTrue(
        err.toString().contains("holds neither accuracy.csv nor latency.csv"), err.toString());
  }

  @Test
  void benchRejectsBadInputBeforeLookingForAGpu() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "bench", "--head-dim", "96"));
    assertTrue(
        err.toString().contains("head-dim 96 has no kernel (allowed: 64, 128)"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(err, "bench", "--causal", "maybe"));
    assertTrue(err.toString().contains("--causal 'maybe' is not allowed"), err.toString());
  }
}
