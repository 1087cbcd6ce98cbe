package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyResumeTest {

  @TempDir Path tmp;

  static final String[] SWEEP = {
    "accuracy",
    "--seq-len",
    "40,130",
    "--head-dim",
    "32",
    "--dist",
    "uniform,normal",
    "--method",
    "fp16,int8",
    "--rows",
    "8",
    "--backend",
    "cpu",
    "--seed",
    "3"
  };

  static String[] with(String... more) {
    String[] all = new String[SWEEP.length + more.length];
    System.arraycopy(SWEEP, 0, all, 0, SWEEP.length);
    System.arraycopy(more, 0, all, SWEEP.length, more.length);
    return all;
  }

  @Test
  void resumeKeepsFinishedPointsAndMeasuresTheRestToTheSameResult() throws Exception {
    Path full = tmp.resolve("full");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", full.toString())));
    List<AccuracyRow> expected = AccuracyCsv.read(full.resolve(AccuracyCsv.FILE));
    assertEquals(8, expected.size());

    // An interrupted run: the first two points' rows under the .partial name, no accuracy.csv.
    // One kept row's mre is doubled: rows copied unchanged could not tell a resume that keeps them
    // from one that measures their points again (the same numbers either way).
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.copy(full.resolve("run.json"), cut.resolve("run.json"));
    StringBuilder partial = new StringBuilder();
    List<String> lines = Files.readAllLines(full.resolve(AccuracyCsv.FILE));
    int mre = AccuracyCsv.COLUMNS.indexOf("mre");
    for (int i = 0; i <= 4; i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (i == 2) cells[mre] = Double.toString(2 * Double.parseDouble(cells[mre]));
      partial.append(String.join(",", cells)).append('\n');
    }
    Path partialFile = cut.resolve("accuracy.csv.partial");
    Files.writeString(partialFile, partial);
    List<AccuracyRow> kept = AccuracyCsv.read(partialFile);
    assertEquals(4, kept.size());
    assertFalse(expected.contains(kept.get(1)), "the marked row is none the run measured");

    assertEquals(0, AttnBench.commandLine().execute(with("--resume", cut.toString())));
    assertFalse(Files.exists(partialFile));
    List<AccuracyRow> resumed = AccuracyCsv.read(cut.resolve(AccuracyCsv.FILE));
    List<AccuracyRow> want = new ArrayList<>(kept);
    want.addAll(expected.subList(4, expected.size()));
    assertEquals(want, resumed, "the kept rows as they were, the rest measured as the full run");
  }

  @Test
  void resumeWithADifferentSweepIsRefused() throws Exception {
    Path full = tmp.resolve("done");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", full.toString())));
    String[] other = with("--resume", full.toString());
    other[2] = "40,131";
    var err = new java.io.StringWriter();
    var cmd = AttnBench.commandLine();
    cmd.setErr(new java.io.PrintWriter(err));
    assertEquals(2, cmd.execute(other));
    assertTrue(
        err.toString().contains("ran a different sweep (seqLens [40,130], not [40,131])"),
        err.toString());
  }

  /** 1/sqrt(D) given explicitly is the default: a resume may spell it either way. */
  @Test
  void theDefaultScaleGivenExplicitlyResumesEitherWay() throws Exception {
    Path implicit = tmp.resolve("implicit");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", implicit.toString())));
    // 1/sqrt(32), written as a user would type it: the same double.
    String rsqrt = Double.toString(1 / Math.sqrt(32));
    assertEquals(
        0,
        AttnBench.commandLine()
            .execute(with("--resume", implicit.toString(), "--softmax-scale", rsqrt)));
    Path explicit = tmp.resolve("explicit");
    assertEquals(
        0,
        AttnBench.commandLine()
            .execute(with("--out", explicit.toString(), "--softmax-scale", rsqrt)));
    CliExitCodesTest.Result other =
        CliExitCodesTest.run(with("--resume", explicit.toString(), "--softmax-scale", "0.2"));
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("(softmaxScale " + rsqrt + ", not 0.2)"), other.err());
    assertEquals(0, AttnBench.commandLine().execute(with("--resume", explicit.toString())));
  }
}
