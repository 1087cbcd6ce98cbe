package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dist} takes a list whose items may carry parameters with commas of their own. */
class DistFlagTest {

  @TempDir Path tmp;

  @Test
  void parametersWithCommasStayWithTheirDistribution() throws Exception {
    Path out = tmp.resolve("run");
    int code =
        AttnBench.commandLine()
            .execute(
                "accuracy",
                "--seq-len",
                "40",
                "--head-dim",
                "32",
                "--dist",
                "uniform(-1,1),normal(0,2),outlier",
                "--method",
                "fp16",
                "--rows",
                "4",
                "--backend",
                "cpu",
                "--out",
                out.toString());
    assertEquals(0, code);
    List<String> dists =
        AccuracyCsv.read(out.resolve(AccuracyCsv.FILE)).stream()
            .map(AccuracyRow::distribution)
            .distinct()
            .toList();
    assertEquals(List.of("uniform(-1,1)", "normal(0,2)", "outlier"), dists);
  }

  /** An unclosed parenthesis is named whole, not cut at its comma ('normal(0' was named). */
  @Test
  void anUnclosedParameterListIsNamedAsGiven() {
    CliExitCodesTest.Result r =
        CliExitCodesTest.run(
            "accuracy",
            "--seq-len",
            "40",
            "--dist",
            "normal,normal(0,1",
            "--backend",
            "cpu",
            "--out",
            tmp.resolve("run").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("'normal(0,1'"), r.err());
    assertFalse(Files.exists(tmp.resolve("run")));
  }
}
