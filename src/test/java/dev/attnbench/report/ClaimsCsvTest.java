package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** claims.csv holds REPORT.md's claims, a row per claim, table and run. */
class ClaimsCsvTest {
  @TempDir Path tmp;
  final SplittableRandom rnd = new SplittableRandom();

  /** A run with fp16 and int8 timed at the paper's N and errors of fp8 and int8 drawn at random. */
  ResultSet run(String gpu, String folder) {
    List<LatencyRow> latency = new ArrayList<>();
    List<AccuracyRow> accuracy = new ArrayList<>();
    for (int n : PaperClaims.SEQ_LENS) {
      for (String m : List.of("fp16", "int8")) {
        latency.add(
            ClaimsEvaluatorTest.timing(
                m, n, rnd.nextDouble(0.05, 30), rnd.nextDouble(1500, 1980), gpu));
      }
      for (String dist : List.of("normal", "uniform")) {
        accuracy.add(ClaimsEvaluatorTest.error("fp8", dist, n, rnd.nextDouble(1e-3, 1)));
        accuracy.add(ClaimsEvaluatorTest.error("int8", dist, n, rnd.nextDouble(1e-4, 1)));
      }
    }
    return new ResultSet(tmp.resolve(folder), Map.of("gpu_name", gpu), accuracy, latency);
  }

  @Test
  void aReportWritesItsClaimsAsRowsThatReadBack() throws Exception {
    List<ResultSet> sets = List.of(run("NVIDIA H200", "a"), run("NVIDIA H100 80GB HBM3", "b"));
    Path out = tmp.resolve("cmp");
    ReportWriter.write(
        sets, ResultFolder.open(out, true), new PrintStream(OutputStream.nullOutputStream()));

    Path file = out.resolve(ClaimsCsv.FILE);
    assertEquals(String.join(",", ClaimsCsv.COLUMNS), Files.readAllLines(file).get(0));
    List<ClaimsCsv.Row> rows = ClaimsCsv.read(file);
    assertEquals(ClaimsCsv.rows(sets), rows);
    // Each run's rows are its own claims, as the evaluator judges them, in both tables.
    for (int i = 0; i < 2; i++) {
      String label = ResultSet.labels(sets).get(i);
      List<Claim> headline = ClaimsEvaluator.headline(sets.get(i));
      List<ClaimsCsv.Row> mine =
          rows.stream().filter(r -> r.run().equals(label) && r.table().equals("claims")).toList();
      assertEquals(headline.size(), mine.size(), label);
      for (int k = 0; k < headline.size(); k++) {
        assertEquals(headline.get(k).ours(), mine.get(k).ours());
        assertEquals(headline.get(k).verdict().toString(), mine.get(k).verdict());
      }
      assertTrue(
          rows.stream().anyMatch(r -> r.run().equals(label) && r.table().equals("conditions")),
          label);
    }
    // A speed claim at each of the paper's N, unfolded, for each run.
    assertEquals(
        2 * PaperClaims.SEQ_LENS.size(),
        rows.stream()
            .filter(r -> r.table().equals("claims") && r.claim().equals("int8 speedup over fp16"))
            .count());
  }
}
