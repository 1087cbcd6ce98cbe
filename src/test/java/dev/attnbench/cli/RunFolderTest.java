package dev.attnbench.cli;

import static dev.attnbench.cli.CliExitCodesTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.cli.CliExitCodesTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run writes, and what it refuses before it starts. */
class RunFolderTest {

  @TempDir Path tmp;

  private static final String[] TINY = {
    "accuracy", "--seq-len", "64", "--method", "fp16", "--dist", "normal", "--backend", "cpu"
  };

  private Result accuracy(String... more) {
    String[] args = new String[TINY.length + more.length];
    System.arraycopy(TINY, 0, args, 0, TINY.length);
    System.arraycopy(more, 0, args, TINY.length, more.length);
    return run(args);
  }

  /**
   * An audit found the earlier run's latency.csv and REPORT.md left beside a forced accuracy run,
   * and a report of the folder then mixed the two runs.
   */
  @Test
  void forceRemovesTheEarlierRunsFilesAndNothingElse() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir.resolve("charts"));
    for (String f :
        List.of("run.json", "latency.csv", "REPORT.md", "claims.csv", "jmh.csv", "charts/a.png")) {
      Files.writeString(dir.resolve(f), "old");
    }
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Result r = accuracy("--out", dir.toString(), "--force");
    assertEquals(0, r.code(), r.err());
    for (String gone : List.of("latency.csv", "REPORT.md", "claims.csv", "jmh.csv", "charts")) {
      assertFalse(Files.exists(dir.resolve(gone)), gone);
    }
    assertTrue(Files.readString(dir.resolve("accuracy.csv")).startsWith("method,"));
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
  }

  /** README's main job, run twice in a day, gets a folder each time (it was refused). */
  @Test
  void theDefaultFolderTakesASuffixWhenItHoldsARun() throws Exception {
    Path day = tmp.resolve("2026-12-04-cpu-quick");
    OutputOptions o = new OutputOptions();
    assertEquals(day, o.open(() -> day).dir());
    Files.writeString(day.resolve("run.json"), "{}");
    assertEquals(tmp.resolve("2026-12-04-cpu-quick-2"), o.open(() -> day).dir());
    Files.createDirectories(tmp.resolve("2026-12-04-cpu-quick-2"));
    Files.writeString(tmp.resolve("2026-12-04-cpu-quick-2/accuracy.csv"), "x");
    assertEquals(tmp.resolve("2026-12-04-cpu-quick-3"), o.open(() -> day).dir());
  }

  /**
   * Two runs started in the same second, before either has written a file: each must get a folder
   * of its own (both took the same one while a folder counted as free until it held a run.json).
   */
  @Test
  void runsStartedTogetherEachClaimTheirOwnDefaultFolder() throws Exception {
    Path day = tmp.resolve("2026-12-04-cpu-quick");
    int runs = 8;
    // One thread per run (a parallel stream runs as many at once as there are cores), all waiting
    // at one latch and released together.
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      CountDownLatch ready = new CountDownLatch(runs);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Path>> claims = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        claims.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return new OutputOptions().open(() -> day).dir();
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "all " + runs + " runs at the start");
      go.countDown();
      List<Path> claimed = new ArrayList<>();
      for (Future<Path> claim : claims) {
        claimed.add(claim.get(30, TimeUnit.SECONDS));
      }
      assertEquals(runs, new HashSet<>(claimed).size(), claimed.toString());
      for (Path dir : claimed) {
        assertTrue(Files.isDirectory(dir), dir + " of " + claimed);
      }
      assertTrue(
          claimed.contains(day) && claimed.contains(tmp.resolve("2026-12-04-cpu-quick-8")),
          claimed.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saveTensorsIntoAFolderHoldingARunIsRefusedBeforeAnyWork() throws Exception {
    Path old = tmp.resolve("old");
    Files.createDirectories(old);
    Files.writeString(old.resolve("run.json"), "{}");
    Path out = tmp.resolve("run");
    Result r =
        run(
            "reproduce",
            "--config",
            "configs/quick.yaml",
            "--backend",
            "cpu",
            "--out",
            out.toString(),
            "--save-tensors",
            old.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("attn-bench: --save-tensors: output folder"), r.err());
    assertFalse(Files.exists(out), "no run folder left behind");
  }

  /** A tiny reproduce config of {@code methods}. */
  private Path tinyConfig(String name, String methods) throws Exception {
    return Files.writeString(
        tmp.resolve(name + ".yaml"),
        "name: "
            + name
            + "\naccuracy:\n  batch: 1\n  heads: 1\n  seq_len: [32]\n  rows: 4\n"
            + "  methods: ["
            + methods
            + "]\n");
  }

  /** reproduce of {@code config} on the CPU into {@code out}, with {@code more} flags. */
  private Result reproduce(Path config, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "reproduce",
                "--config",
                config.toString(),
                "--backend",
                "cpu",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /**
   * A second dump into one folder left the first's files beside its own (another method's .npy of
   * another shape), under a README.txt listing only the new.
   */
  @Test
  void anEarlierTensorDumpIsRefusedAndReplacedWithForce() throws Exception {
    Path tensors = tmp.resolve("tensors");
    assertEquals(
        0,
        reproduce(
                tinyConfig("a", "fp16, int8"),
                tmp.resolve("a"),
                "--save-tensors",
                tensors.toString())
            .code());
    assertTrue(Files.exists(tensors.resolve("int8.npy")));
    Path b = tinyConfig("b", "fp16");
    Result refused = reproduce(b, tmp.resolve("b"), "--save-tensors", tensors.toString());
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("already holds tensors of an earlier dump"), refused.err());
    assertFalse(Files.exists(tmp.resolve("b")), "no run folder either");
    assertEquals(
        0, reproduce(b, tmp.resolve("b"), "--save-tensors", tensors.toString(), "--force").code());
    assertFalse(Files.exists(tensors.resolve("int8.npy")), "the earlier dump's file is gone");
    assertTrue(Files.exists(tensors.resolve("fp16.npy")));
  }

  /**
   * A complete run with a dump, resumed (by --resume alone, which replays --save-tensors), was
   * refused as a folder holding an earlier dump, and --force is refused with --resume: its report
   * could not be written again. It measures and dumps nothing, and its dump stays.
   */
  @Test
  void aCompleteRunWithADumpResumesAndKeepsItsDump() throws Exception {
    Path out = tmp.resolve("run");
    Path tensors = tmp.resolve("tensors");
    assertEquals(
        0,
        reproduce(tinyConfig("a", "fp16, int8"), out, "--save-tensors", tensors.toString()).code());
    long dumped = Files.getLastModifiedTime(tensors.resolve("int8.npy")).toMillis();
    Result again = run("reproduce", "--resume", out.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("that run is complete"), again.err());
    assertEquals(dumped, Files.getLastModifiedTime(tensors.resolve("int8.npy")).toMillis());
  }

  /** The same, for a dump into the run's own folder: --force removed the run, not the dump. */
  @Test
  void anEarlierDumpInTheRunsOwnFolderGoesWithForce() throws Exception {
    Path out = tmp.resolve("run");
    assertEquals(
        0, reproduce(tinyConfig("a", "fp16, int8"), out, "--save-tensors", out.toString()).code());
    assertTrue(Files.exists(out.resolve("int8.npy")));
    assertEquals(
        0,
        reproduce(tinyConfig("b", "fp16"), out, "--save-tensors", out.toString(), "--force")
            .code());
    assertFalse(Files.exists(out.resolve("int8.npy")), "the earlier dump's file is gone");
    assertTrue(Files.exists(out.resolve("fp16.npy")));
  }

  /**
   * `--seed 5` to a run that times nothing read as the accuracy seed, and passed without a word.
   */
  @Test
  void latencyFlagsOfARunThatTimesNothingAreNamed() throws Exception {
    Path cfg = tinyConfig("a", "fp16");
    Result r = reproduce(cfg, tmp.resolve("run"), "--seed", "5", "--l2-flush", "read");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "attn-bench: --seed, --l2-flush change nothing here: the config has no latency"
                    + " section"),
        r.err());
    Result plain = reproduce(cfg, tmp.resolve("plain"));
    assertFalse(plain.err().contains("change nothing"), plain.err());
  }

  /** The run's folder refused: the tensor folder had been made already, and stayed empty. */
  @Test
  void aRefusedRunMakesNoTensorFolder() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("run.json"), "{}");
    Path tensors = tmp.resolve("tensors");
    Result r = reproduce(tinyConfig("a", "fp16"), out, "--save-tensors", tensors.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("already holds a run"), r.err());
    assertFalse(Files.exists(tensors));
  }

  @Test
  void aLatencyOnlyConfigWithoutAGpuIsRefusedWithoutAFolder() throws Exception {
    Path cfg = tmp.resolve("lat.yaml");
    Files.writeString(cfg, "name: lat\nlatency:\n  seq_len: [1024]\n");
    Path out = tmp.resolve("run");
    Result r = reproduce(cfg, out);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("only a latency section"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void resumeWithForceIsRefusedAndKeepsTheRun() throws Exception {
    Path dir = tmp.resolve("run");
    assertEquals(0, accuracy("--out", dir.toString()).code());
    String kept = Files.readString(dir.resolve("accuracy.csv"));
    Result r = accuracy("--resume", dir.toString(), "--force");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--resume and --force both given"), r.err());
    assertEquals(kept, Files.readString(dir.resolve("accuracy.csv")));
  }

  /** The rows kept would be the other path's arithmetic, under this run's mma_path. */
  @Test
  void resumeOnAnotherInstructionPathIsRefused() {
    Path dir = tmp.resolve("run");
    assertEquals(0, accuracy("--out", dir.toString(), "--mma-path", "mma.sync").code());
    Result r = accuracy("--resume", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("emulated the mma.sync path"), r.err());
    assertEquals(0, accuracy("--resume", dir.toString(), "--mma-path", "mma.sync").code());
  }

  @Test
  void resumeWithARowTheSweepDoesNotMakeIsRefused() throws Exception {
    Path dir = tmp.resolve("run");
    assertEquals(0, accuracy("--out", dir.toString()).code());
    Path csv = dir.resolve("accuracy.csv");
    String kept = Files.readString(csv);
    // A method of the tool's that this sweep does not run.
    Files.writeString(csv, kept.replace("\nfp16,", "\nint8,"));
    Result r = accuracy("--resume", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("holds a row this sweep does not make (int8"), r.err());
    // A method the tool does not have: refused as report would refuse it.
    Files.writeString(csv, kept.replace("\nfp16,", "\nfpX,"));
    Result x = accuracy("--resume", dir.toString());
    assertEquals(2, x.code(), x.err());
    assertTrue(x.err().contains("column 'method': 'fpX' is not allowed"), x.err());
  }

  /** 1.9e9 elements fit a Java array but no test JVM's heap at 48 bytes each. */
  @Test
  void aPointLargerThanTheHeapIsRefusedUpFront() {
    Path out = tmp.resolve("run");
    Result r =
        run(
            "accuracy",
            "--seq-len",
            "30000000",
            "--batch",
            "1",
            "--heads",
            "1",
            "--rows",
            "1",
            "--method",
            "fp16",
            "--dist",
            "normal",
            "--backend",
            "cpu",
            "--out",
            out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("MiB of heap, more than this JVM's"), r.err());
    assertFalse(Files.exists(out));
  }

  /** JMH itself ignores an unknown name and dies with a stack trace on a value it cannot set. */
  @Test
  void jmhParamsAreCheckedAgainstOurBenchmarks() {
    for (String[] bad :
        new String[][] {
          {"nosuch=1", "-p nosuch: no benchmark has that parameter"},
          {"method=fp9", "-p method: unknown method 'fp9'"},
          {"n=0", "-p n=0 is not allowed"},
          {"n=2000000000", "-p n=2000000000 is not allowed (a whole number from 1 to 1048576)"},
          {"headDim=63", "-p headDim=63 is not allowed (a multiple of 16 from 16 to 256)"}
        }) {
      Result r = run("jmh", "--out", tmp.resolve("jmh").toString(), "-p", bad[0]);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains(bad[1]), r.err());
      assertFalse(Files.exists(tmp.resolve("jmh").resolve("jmh.csv")));
    }
  }

  /**
   * A second audit found a forced run refused by its inputs after --force had removed the run it
   * was to replace: the score bound depends on the values drawn, so every point's are drawn first.
   */
  @Test
  void inputsTheKernelsCannotTakeAreRefusedBeforeAnEarlierRunIsReplaced() throws Exception {
    Path dir = tmp.resolve("run");
    assertEquals(0, accuracy("--out", dir.toString()).code());
    String before = Files.readString(dir.resolve("accuracy.csv"));
    String[] args = {
      "accuracy",
      "--seq-len",
      "256",
      "--method",
      "fp16",
      "--dist",
      "outlier(4,5000)",
      "--backend",
      "cpu",
      "--out"
    };
    Result r = run(concat(args, dir.toString(), "--force"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("its scaled scores"), r.err());
    assertEquals(before, Files.readString(dir.resolve("accuracy.csv")), "the earlier run stays");
    Path fresh = tmp.resolve("fresh");
    assertEquals(2, run(concat(args, fresh.toString())).code());
    assertFalse(Files.exists(fresh), "no folder left behind");
  }

  /** Each value of an axis once: a repeated one measured the point twice. */
  @Test
  void aValueGivenTwiceIsRefusedNamingIt() {
    for (String[] twice :
        new String[][] {
          {"--dist", "normal,normal(0,1)", "dist normal is given twice"},
          {"--method", "fp16,int8,fp16", "method fp16 is given twice"},
          {"--causal", "true,both", "causal true is given twice"},
          {"--seq-len", "128", "seq-len 128 is given twice"},
        }) {
      Result bad =
          run(
              "accuracy",
              "--seq-len",
              "64,128",
              twice[0],
              twice[1],
              "--backend",
              "cpu",
              "--out",
              tmp.resolve("twice").toString());
      assertEquals(2, bad.code(), bad.err());
      assertTrue(bad.err().contains(twice[2]), bad.err());
    }
    assertFalse(Files.exists(tmp.resolve("twice")));
  }

  @Test
  void aConfigNameThatIsAPathOrAConfigWithoutTheSectionIsRefused() throws Exception {
    Path escape = tmp.resolve("escape.yaml");
    Files.writeString(escape, "name: ../../escaped\naccuracy:\n  seq_len: [64]\n");
    Result r = run("reproduce", "--config", escape.toString(), "--backend", "cpu");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("name '../../escaped' is not allowed"), r.err());
    Path lat = tmp.resolve("lat.yaml");
    Files.writeString(lat, "name: lat\nlatency:\n  seq_len: [1024]\n");
    Result acc = run("accuracy", "--config", lat.toString(), "--out", tmp.resolve("a").toString());
    assertEquals(2, acc.code(), acc.err());
    assertTrue(acc.err().contains("no accuracy section"), acc.err());
    assertFalse(Files.exists(tmp.resolve("a")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
