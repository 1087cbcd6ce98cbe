package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.PeerScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad input: one line naming the value and what is allowed, exit code 2, nothing written. */
class CliExitCodesTest {

  @TempDir Path tmp;

  record Result(int code, String err) {}

  static Result run(String... args) {
    CommandLine cmd = AttnBench.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err));
    cmd.setOut(new PrintWriter(new StringWriter()));
    int code = cmd.execute(args);
    return new Result(code, err.toString());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--seq-len|0|seq-len 0 is not allowed (must be >= 1)",
        "--seq-len|-5|seq-len -5 is not allowed",
        "--head-dim|40|head-dim 40 is not allowed (a multiple of 16 from 16 to 256)",
        "--head-dim|512|head-dim 512 is not allowed",
        "--method|int4|unknown method 'int4' (allowed: fp16, fp8,",
        "--dist|cauchy|unknown distribution 'cauchy' (allowed: normal",
        "--dist|uniform(1,0)|distribution 'uniform(1,0)' is not allowed: hi must be > lo",
        "--dist|normal,outlier(2.5,20)|distribution 'outlier(2.5,20)' is not allowed: channels must be a whole",
        "--rows|0|rows 0 is not allowed",
        "--seq-len|2000000000|seq-len 2000000000 is not allowed at batch 1, heads 2, head-dim 64 (a tensor of 2.560e+11 elements; the accuracy sweep holds each in one Java array, at most 2147483639)",
        "--softmax-scale|-1|softmax-scale -1.0 is not allowed",
        "--seq-len|abc|'abc' is not an int",
        "--backend|tpu|Invalid value for option '--backend'",
        "--mma-path|ampere|--mma-path 'ampere' is not allowed (allowed: wgmma, mma.sync)",
        "--seq-len|256,|--seq-len '256,' has an empty item",
        "--method|int8,fp16,|--method 'int8,fp16,' has an empty item",
        "--dist|'normal,uniform(0,1),'|--dist 'normal,uniform(0,1),' has an empty item",
      })
  void badFlagValueExitsTwoWithOneLineNamingIt(String flag, String value, String message) {
    Path out = tmp.resolve("run");
    Result r = run("accuracy", flag, value, "--seq-len", "64", "--out", out.toString());
    // (a repeated --seq-len appends; the bad value still fails validation)
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(
        r.err().lines().count() <= 2, "one line, plus a --help hint for flag syntax: " + r.err());
    assertFalse(Files.exists(out.resolve("accuracy.csv")), "nothing written");
  }

  /**
   * --help and --version answer whatever else the line holds, an empty list item included (the
   * check of empty items had run first, so `--method ,int8 --help` printed an error, not the help).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"--help,Usage: attn-bench accuracy", "--version,attn-bench "})
  void helpAndVersionWinOverAnEmptyListItem(String flag, String printed) {
    CommandLine cmd = AttnBench.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    assertEquals(0, cmd.execute("accuracy", "--method", ",int8", flag), err.toString());
    assertTrue(out.toString().startsWith(printed), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void missingConfigFileExitsTwo() {
    Result r = run("accuracy", "--config", tmp.resolve("nope.yaml").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nope.yaml' does not exist"), r.err());
  }

  @Test
  void malformedConfigExitsTwo() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "accuracy:\n  seq_len: [1024\n  head_dim: 64\n");
    Result r = run("accuracy", "--config", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not valid YAML") || r.err().contains("wrong value"), r.err());
  }

  @Test
  void unknownConfigKeyIsNamed() throws IOException {
    Path bad = tmp.resolve("typo.yaml");
    Files.writeString(bad, "accuracy:\n  seq_lens: [1024]\n");
    Result r = run("accuracy", "--config", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown key 'seq_lens'"), r.err());
  }

  @Test
  void folderHoldingARunIsRefusedWithoutForce() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("old"));
    Files.writeString(out.resolve("accuracy.csv"), "method\nfp16\n");
    Result r = run("accuracy", "--seq-len", "64", "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("already holds a run"), r.err());
    assertEquals("method\nfp16\n", Files.readString(out.resolve("accuracy.csv")), "left untouched");
  }

  /**
   * A --peer value that names no peer, or a folder without the authors' code, is refused before
   * anything is made, on any machine.
   */
  @Test
  void reproduceWithABadPeerExitsTwoNamingItAndMakesNoFolder() throws IOException {
    Path out = tmp.resolve("run");
    Path empty = Files.createDirectories(tmp.resolve("authors"));
    Path authorsA = Files.createDirectories(tmp.resolve("a"));
    Path authorsB = Files.createDirectories(tmp.resolve("b"));
    for (Path d : new Path[] {authorsA, authorsB}) {
      for (String f : PeerScript.AUTHORS_FILES) Files.writeString(d.resolve(f), "# " + d);
    }
    for (String[] c :
        new String[][] {
          {"torch-sdpa,cudnn", "unknown peer 'cudnn' (allowed: torch-sdpa, authors=DIR)"},
          {"authors=" + empty, "--peer authors=" + empty + ": no flash_atten_full_int8.py and no"},
          {
            "authors=" + authorsA + ",authors=" + authorsB,
            "--peer authors="
                + authorsB
                + ": the authors peer is given twice (allowed: each peer"
                + " once)"
          },
        }) {
      Result r =
          run(
              "reproduce",
              "--config",
              "configs/quick.yaml",
              "--peer",
              c[0],
              "--out",
              out.toString());
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains(c[1]), r.err());
      assertFalse(Files.exists(out), c[0]);
    }
  }

  /** Checked before the GPU is looked for, so the answer is the same with or without one. */
  @Test
  void unknownL2FlushExitsTwoNamingTheAllowedOnes() {
    Path out = tmp.resolve("bench");
    Result r = run("bench", "--l2-flush", "dirty", "--seq-len", "64", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("--l2-flush 'dirty' is not allowed (allowed: write, read)"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  /** A result CSV edited by hand: the bad cell named, exit 2, no report written. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fp16,4,32,,64,false,kernel,1,1,1,10,1,g,1980,false|latency.csv: line 2, column 'seq_len': an empty value is not allowed (allowed: a whole number)",
        "fp16,4,32,x,64,false,kernel,1,1,1,10,1,g,1980,false|latency.csv: line 2, column 'seq_len': 'x' is not allowed (allowed: a whole number)",
        ",4,32,64,64,false,kernel,1,1,1,10,1,g,1980,false|latency.csv: line 2, column 'method': an empty value is not allowed (allowed: a name, without spaces around it)",
      })
  void reportOfAMalformedLatencyCsvExitsTwoNamingTheCell(String row, String message)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("edited"));
    Files.writeString(
        dir.resolve("latency.csv"),
        "method,batch,heads,seq_len,head_dim,causal,scope,median_ms,p10_ms,p90_ms,reps,tflops,gpu,"
            + "sm_clock_mhz,throttled\n"
            + row
            + "\n");
    Result r = run("report", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("result folder '" + dir + "' cannot be read: "), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("REPORT.md")), "nothing written");
  }

  /** Checked before the GPU is looked for: a head dim without kernels would skip every method. */
  @Test
  void selftestOfAHeadDimWithoutKernelsExitsTwoNamingIt() {
    Result r = run("selftest", "--head-dim", "64,40");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "attn-bench: --head-dim 40 is not allowed (the kernels take [64, 128])",
        r.err().strip(),
        r.err());
  }

  @Test
  void anUnknownCommandIsNamedWithTheCommandsThereAre() {
    Result r = run("reproduse", "--config", "configs/quick.yaml");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "attn-bench: unknown command 'reproduse' (allowed: reproduce, accuracy, bench, report,"
            + " selftest, jmh, info) (see 'attn-bench --help')",
        r.err().strip());
  }

  /**
   * Checked before the GPU is looked for, like the head dims. The whole line: "0" and "sqrt" are in
   * every such message ("> 0", "rsqrt"), so finding the value anywhere in it proved nothing.
   */
  @Test
  void selftestOfAScaleThatIsNotOneExitsTwoNamingIt() {
    for (String[] bad :
        new String[][] {
          {"0", "0.0 is not allowed (a finite number > 0, or rsqrt)"},
          {"-1", "-1.0 is not allowed (a finite number > 0, or rsqrt)"},
          {"sqrt", "'sqrt' is not allowed (rsqrt for 1/sqrt(D), or a number > 0)"},
          {"NaN", "NaN is not allowed (a finite number > 0, or rsqrt)"},
        }) {
      Result r = run("selftest", "--softmax-scale", "rsqrt," + bad[0]);
      assertEquals(2, r.code(), r.err());
      assertEquals("attn-bench: --softmax-scale: softmax scale " + bad[1], r.err().strip());
    }
  }

  /**
   * A value given twice checked every shape twice: on the H200, `--softmax-scale rsqrt,rsqrt` ran
   * the full suite over again (results/2026-12-04-h200-stop49-tool/call3). Checked before the GPU
   * is looked for, as every other flag.
   */
  @Test
  void selftestOfAValueGivenTwiceExitsTwoNamingIt() {
    for (String[] twice :
        new String[][] {
          {"--softmax-scale", "rsqrt,rsqrt", "softmax-scale 1/sqrt(D) is given twice"},
          {"--softmax-scale", "1.3,1.30", "softmax-scale 1.3 is given twice"},
          {"--head-dim", "64,64", "head-dim 64 is given twice"},
          {"--method", "fp16,int8,fp16", "method fp16 is given twice"},
        }) {
      Result r = run("selftest", twice[0], twice[1]);
      assertEquals(2, r.code(), r.err());
      assertEquals("attn-bench: " + twice[2] + " (each value of an axis once)", r.err().strip());
    }
  }

  /**
   * bench looked for its GPU before its folder: without one, an --out holding a run or a --resume
   * of no run read "no CUDA device", where reproduce named the folder.
   */
  @Test
  void benchNamesABadFolderBeforeLookingForItsGpu() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("run.json"), "{}");
    Result held = run("bench", "--seq-len", "64", "--out", run.toString());
    assertEquals(2, held.code(), held.err());
    assertTrue(held.err().contains("output folder '" + run + "' already holds a run"), held.err());
    Result none = run("bench", "--seq-len", "64", "--resume", tmp.resolve("none").toString());
    assertEquals(2, none.code(), none.err());
    assertTrue(none.err().contains("not a result folder (no run.json)"), none.err());
  }

  /** Refused as a NaN is: with no limit a point that never settles never stops. */
  @Test
  void anInfiniteTimePerPointExitsTwo() {
    Result r = run("bench", "--max-time-per-point", "Infinity", "--seq-len", "64");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "attn-bench: --max-time-per-point Infinity is not allowed (a finite number of seconds > 0)",
        r.err().strip());
  }

  /** Also checked before the GPU is looked for. */
  @Test
  void aLatencyInputTheDeviceCannotDrawExitsTwoNamingIt() {
    Path out = tmp.resolve("bench");
    Result r =
        run("bench", "--input-dist", "outlier(4,20)", "--seq-len", "64", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--input-dist 'outlier(4,20)' is not allowed"), r.err());
    assertTrue(r.err().contains("allowed: normal[(mean,std)], uniform[(lo,hi)]"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void unknownSubcommandExitsTwo() {
    assertEquals(2, run("reproduce-everything").code());
  }
}
