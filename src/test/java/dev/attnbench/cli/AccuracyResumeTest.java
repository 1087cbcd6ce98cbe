package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  /**
   * Writes {@code dir}'s run as interrupted: {@code kept} rows of accuracy.csv under the .partial
   * name, no accuracy.csv, and run.json marked as the shutdown hook marks it, with {@code fields}
   * changed.
   */
  private static void interrupt(Path dir, int kept, Map<String, Object> fields) throws Exception {
    Path csv = dir.resolve(AccuracyCsv.FILE);
    List<String> lines = Files.readAllLines(csv);
    Files.write(dir.resolve(AccuracyCsv.FILE + ".partial"), lines.subList(0, kept + 1));
    Files.delete(csv);
    Map<String, Object> run = RunRecord.read(dir);
    run.put("status", "interrupted");
    run.putAll(fields);
    new ObjectMapper().writeValue(dir.resolve(RunRecord.FILE).toFile(), run);
  }

  /**
   * A run cut short and started again as it was (with --out) is pointed at --resume, not only at
   * --force, which would drop the rows it kept. Resumed, its run.json keeps the first process's
   * start and says when it was interrupted and resumed, and its report says so.
   */
  @Test
  void anInterruptedRunIsResumedNotReplacedAndKeepsItsStart() throws Exception {
    Path dir = tmp.resolve("cut");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", dir.toString())));
    String start = "2026-01-02T03:04:05Z";
    String stopped = "2026-01-02T03:09:00Z";
    interrupt(dir, 3, Map.of("start", start, "interrupted", stopped));

    CliExitCodesTest.Result again = CliExitCodesTest.run(with("--out", dir.toString()));
    assertEquals(2, again.code(), again.err());
    assertTrue(
        again
            .err()
            .contains(
                "holds an interrupted run of 'accuracy' (accuracy.csv.partial holds the rows it"
                    + " finished): continue it with --resume "
                    + dir
                    + " in place of --out, or start over with --force"),
        again.err());
    assertTrue(Files.exists(dir.resolve(AccuracyCsv.FILE + ".partial")), "the kept rows stay");

    Instant before = Instant.now();
    assertEquals(0, CliExitCodesTest.run(with("--resume", dir.toString())).code());
    Map<String, Object> run = RunRecord.read(dir);
    assertEquals("complete", run.get("status"));
    assertEquals(start, run.get("start"), "the first process's start");
    List<?> resumed = (List<?>) run.get("resumed");
    assertEquals(1, resumed.size());
    Map<?, ?> first = (Map<?, ?>) resumed.get(0);
    assertEquals(stopped, first.get("interrupted"));
    assertFalse(Instant.parse(first.get("resumed").toString()).isBefore(before.minusSeconds(1)));
    assertEquals(8, AccuracyCsv.read(dir.resolve(AccuracyCsv.FILE)).size());

    assertEquals(0, CliExitCodesTest.run("report", dir.toString()).code());
    String md = Files.readString(dir.resolve("REPORT.md"));
    assertTrue(md.contains("start " + start + ";"), md);
    assertTrue(md.contains("interrupted and resumed once;"), md);
    // A CPU run is labelled by its CPU: the line does not name it twice.
    String header = md.lines().filter(l -> l.startsWith("- **CPU ")).findFirst().orElseThrow();
    assertFalse(header.contains("; cpu "), header);

    // Resumed once more, the run being complete: said so, and its history and end stay as they
    // were (it measured nothing; a second entry would report an interruption that never was).
    Object end = run.get("end");
    CliExitCodesTest.Result done = CliExitCodesTest.run(with("--resume", dir.toString()));
    assertEquals(0, done.code(), done.err());
    assertTrue(done.err().contains("that run is complete; nothing is left to measure"), done.err());
    Map<String, Object> rerun = RunRecord.read(dir);
    assertEquals(resumed, rerun.get("resumed"));
    assertEquals(start, rerun.get("start"));
    assertEquals(end, rerun.get("end"));
    assertEquals("complete", rerun.get("status"));
  }

  /**
   * {@code --resume DIR} alone continues with the flags the run was given, which run.json keeps
   * (less --out): the same rows as the run never interrupted. Before, the defaults' sweep ran in
   * their place and was refused as a different sweep.
   */
  @Test
  void resumeAloneTakesTheRunsOwnFlags() throws Exception {
    Path full = tmp.resolve("whole");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", full.toString())));
    List<AccuracyRow> expected = AccuracyCsv.read(full.resolve(AccuracyCsv.FILE));
    List<String> flags = Arrays.asList(SWEEP).subList(1, SWEEP.length);
    assertEquals(flags, RunRecord.read(full).get("args"), "the flags, less --out");

    Path dir = tmp.resolve("alone");
    assertEquals(0, AttnBench.commandLine().execute(with("--out=" + dir, "--force")));
    interrupt(dir, 3, Map.of());
    CliExitCodesTest.Result r = CliExitCodesTest.run("accuracy", "--resume", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "--resume "
                    + dir
                    + ": with the flags its run.json recorded: "
                    + String.join(" ", flags)),
        r.err());
    assertEquals(expected, AccuracyCsv.read(dir.resolve(AccuracyCsv.FILE)));
    assertEquals(flags, RunRecord.read(dir).get("args"), "kept for a second resume");

    // With any other flag given, nothing is replayed: the flags must then match the run's own.
    interrupt(dir, 3, Map.of());
    CliExitCodesTest.Result partial =
        CliExitCodesTest.run("accuracy", "--resume", dir.toString(), "--seed", "3");
    assertEquals(2, partial.code(), partial.err());
    assertTrue(partial.err().contains("ran a different sweep"), partial.err());
    assertTrue(partial.err().contains("or --resume " + dir + " alone"), partial.err());
  }

  /**
   * What run.json's args keep, from an audit of --resume alone: --force in either spelling is
   * dropped (replayed, it was refused beside --resume), a path given relative is made absolute (a
   * resume from another folder looked for it there), and a complete run keeps its own args whatever
   * matching flags its resume was given. A bad recorded flag says it came from run.json, and an
   * empty --resume is refused in one line (it failed with a NullPointerException).
   */
  @Test
  void theRecordedFlagsReplayFromAnywhere() throws Exception {
    Path config = tmp.resolve("small.yaml");
    Files.writeString(
        config,
        "accuracy:\n  seq_len: [40]\n  head_dim: [32]\n  distributions: [normal]\n"
            + "  methods: [fp16]\n  rows: 4\n");
    String relative = Path.of("").toAbsolutePath().relativize(config).toString();
    Path dir = tmp.resolve("rec");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("run.json"), "{}");
    String[] line = {
      "accuracy", "--config", relative, "--backend=cpu", "--force=true", "--out", dir.toString()
    };
    CliExitCodesTest.Result first = CliExitCodesTest.run(line);
    assertEquals(0, first.code(), first.err());
    List<String> want = List.of("--config", config.toAbsolutePath().toString(), "--backend=cpu");
    assertEquals(want, RunRecord.read(dir).get("args"));

    interrupt(dir, 0, Map.of());
    assertEquals(0, CliExitCodesTest.run("accuracy", "--resume", dir.toString()).code());
    assertEquals(want, RunRecord.read(dir).get("args"));
    // Complete now: matching flags given with the resume leave the run's own args as they were.
    CliExitCodesTest.Result given =
        CliExitCodesTest.run(
            "accuracy", "--resume", dir.toString(), "--config", relative, "--backend", "cpu");
    assertEquals(0, given.code(), given.err());
    assertEquals(want, RunRecord.read(dir).get("args"));

    Map<String, Object> run = RunRecord.read(dir);
    run.put("args", List.of("--no-such-flag"));
    new ObjectMapper().writeValue(dir.resolve(RunRecord.FILE).toFile(), run);
    CliExitCodesTest.Result bad = CliExitCodesTest.run("accuracy", "--resume", dir.toString());
    assertEquals(2, bad.code(), bad.err());
    assertTrue(
        bad.err().contains("--resume " + dir + ": the flags its run.json recorded are not valid"),
        bad.err());

    CliExitCodesTest.Result empty = CliExitCodesTest.run("accuracy", "--resume=");
    assertEquals(2, empty.code(), empty.err());
    assertEquals("attn-bench: --resume '' is not allowed (a folder path)", empty.err().strip());
  }

  /** A finished run resumed by mistake is not recorded as one interrupted and resumed. */
  @Test
  void aCompleteRunResumedRecordsNoResumption() throws Exception {
    Path dir = tmp.resolve("whole");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", dir.toString())));
    Map<String, Object> before = RunRecord.read(dir);
    assertEquals(0, CliExitCodesTest.run(with("--resume", dir.toString())).code());
    Map<String, Object> after = RunRecord.read(dir);
    assertFalse(after.containsKey("resumed"), after.toString());
    assertEquals(before.get("start"), after.get("start"));
    assertEquals(before.get("end"), after.get("end"));
    assertEquals(8, AccuracyCsv.read(dir.resolve(AccuracyCsv.FILE)).size());
  }

  /** Another command's folder was refused by printing one sweep's JSON against the other's. */
  @Test
  void anotherCommandsRunIsNamedWithTheCommandThatResumesIt() throws Exception {
    Path dir = tmp.resolve("other");
    assertEquals(0, AttnBench.commandLine().execute(with("--out", dir.toString())));
    interrupt(dir, 2, Map.of("command", "reproduce"));
    CliExitCodesTest.Result r = CliExitCodesTest.run(with("--resume", dir.toString()));
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "attn-bench: --resume "
            + dir
            + ": that folder holds a run of 'reproduce', not of 'accuracy'; continue it with"
            + " attn-bench reproduce --resume "
            + dir,
        r.err().strip());
  }

  /** "The same command" without --config would have run the defaults' sweep, and been refused. */
  @Test
  void aResumeWithoutConfigTakesTheInterruptedRunsConfig() throws Exception {
    Path config = tmp.resolve("small.yaml");
    Files.writeString(
        config,
        """
        name: small
        accuracy:
          batch: 1
          heads: 1
          seq_len: [40, 130]
          head_dim: [32]
          causal: [false]
          distributions: [uniform]
          methods: [fp16, int8]
          rows: 8
          seed: 5
        """);
    Path dir = tmp.resolve("configured");
    String[] run = {"accuracy", "--backend", "cpu", "--config", config.toString()};
    assertEquals(0, CliExitCodesTest.run(concat(run, "--out", dir.toString())).code());
    List<AccuracyRow> full = AccuracyCsv.read(dir.resolve(AccuracyCsv.FILE));
    assertEquals(4, full.size());
    interrupt(dir, 2, Map.of());
    CliExitCodesTest.Result r =
        CliExitCodesTest.run("accuracy", "--backend", "cpu", "--resume", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("with the interrupted run's config, " + config), r.err());
    assertEquals(full, AccuracyCsv.read(dir.resolve(AccuracyCsv.FILE)));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
