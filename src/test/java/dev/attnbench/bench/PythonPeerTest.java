package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peers' scripts: their CSV reads into rows, and a missing python3/torch/GPU/Triton is a
 * reason.
 */
class PythonPeerTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  @TempDir Path dir;

  private static final PythonPeer.Request TINY = StandInPython.TINY;

  @Test
  void cannedScriptCsvParsesIntoLatencyRows() throws IOException {
    double m1 = 0.05 + random.nextDouble();
    double m2 = 0.05 + random.nextDouble();
    int reps1 = 10 + random.nextInt(500);
    int reps2 = 10 + random.nextInt(500);
    double clock = 1500 + random.nextInt(500);
    double tf1 = LatencyRow.tflops(4.0 * 4 * 32 * 1024.0 * 1024 * 64, m1);
    double tf2 = LatencyRow.tflops(4.0 * 4 * 32 * 4096.0 * 4096 * 128 / 2, m2);
    // As the script writes it: repr() floats, lower-case booleans, a quoted GPU name.
    String csv =
        String.join(",", LatencyCsv.COLUMNS)
            + "\n"
            + String.format(
                Locale.ROOT,
                "torch-flash,4,32,1024,64,false,kernel,%s,%s,%s,%d,%s,\"NVIDIA H100 80GB HBM3,"
                    + " PCIe\",%s,true%n",
                m1,
                m1 * 0.98,
                m1 * 1.03,
                reps1,
                tf1,
                clock)
            + String.format(
                Locale.ROOT,
                "torch-cudnn,4,32,4096,128,true,kernel,%s,%s,%s,%d,%s,"
                    + "\"NVIDIA H100 80GB HBM3, PCIe\",%s,false%n",
                m2,
                m2 * 0.99,
                m2 * 1.02,
                reps2,
                tf2,
                clock - 7);
    Path file = dir.resolve("torch.csv");
    Files.writeString(file, csv);

    List<LatencyRow> want =
        List.of(
            new LatencyRow(
                "torch-flash",
                4,
                32,
                1024,
                64,
                false,
                "kernel",
                m1,
                m1 * 0.98,
                m1 * 1.03,
                reps1,
                tf1,
                "NVIDIA H100 80GB HBM3, PCIe",
                clock,
                true),
            new LatencyRow(
                "torch-cudnn",
                4,
                32,
                4096,
                128,
                true,
                "kernel",
                m2,
                m2 * 0.99,
                m2 * 1.02,
                reps2,
                tf2,
                "NVIDIA H100 80GB HBM3, PCIe",
                clock - 7,
                false));
    assertEquals(want, PythonPeer.parse(file, PeerScript.TORCH_SDPA.methods()), "seed " + seed);
  }

  /** Without pynvml the script leaves sm_clock_mhz empty, which is how LatencyCsv writes NaN. */
  @Test
  void anUnknownSmClockReadsAsNaN() throws IOException {
    Path file = dir.resolve("torch.csv");
    Files.writeString(
        file,
        String.join(",", LatencyCsv.COLUMNS)
            + "\ntorch-flash,1,1,128,64,false,kernel,0.5,0.4,0.6,10,0.01,gpu,,false\n");
    assertTrue(
        Double.isNaN(PythonPeer.parse(file, PeerScript.TORCH_SDPA.methods()).get(0).smClockMhz()));
  }

  @Test
  void aRowThatIsNotAPeerKernelRowIsRefused() throws IOException {
    Path file = dir.resolve("torch.csv");
    Files.writeString(
        file,
        String.join(",", LatencyCsv.COLUMNS)
            + "\nint8,4,32,1024,64,false,end-to-end,1.0,0.9,1.1,10,5.0,gpu,1900.0,false\n");
    IOException e =
        assertThrows(
            IOException.class, () -> PythonPeer.parse(file, PeerScript.TORCH_SDPA.methods()));
    assertTrue(e.getMessage().contains("method=int8"), e.getMessage());
  }

  @Test
  void aMissingInterpreterGivesNoRowsAndAOneLineReason() {
    Path missing = dir.resolve("no-such-dir/python3");
    PythonPeer.Result r = new PythonPeer(missing.toString(), PeerScript.TORCH_SDPA).run(TINY);
    assertEquals(List.of(), r.rows());
    String reason = r.reason().orElseThrow();
    assertTrue(reason.contains("python interpreter '" + missing + "' cannot be run"), reason);
    assertEquals(1, reason.lines().count(), reason);
  }

  @Test
  void requestBecomesTheScriptsFlags() {
    assertEquals(
        List.of(
            "--batch",
            "1",
            "--heads",
            "1",
            "--seq-len",
            "128",
            "--head-dim",
            "64",
            "--causal",
            "false",
            "--softmax-scale",
            "1.3",
            "--stdrel",
            "0.05",
            "--budget-s",
            "0.1",
            "--l2-flush",
            "read",
            "--inputs",
            "uniform(-1,1)",
            "--no-block"),
        TINY.arguments());
    List<String> torch = new PythonPeer(PeerScript.TORCH_SDPA).arguments(TINY);
    assertEquals(TINY.arguments(), torch.subList(0, TINY.arguments().size()));
    assertEquals(
        List.of("--backend", "flash,cudnn"), torch.subList(TINY.arguments().size(), torch.size()));
  }

  @Test
  void theScriptsHeaderIsTheLatencyCsvSchema() throws Exception {
    assumePython();
    PythonPeer.Invocation inv =
        new PythonPeer(PeerScript.TORCH_SDPA).invoke(dir, List.of("--print-columns"));
    assertEquals(0, inv.exitCode(), String.join("\n", inv.stderr()));
    assertEquals(List.of(String.join(",", LatencyCsv.COLUMNS)), Files.readAllLines(inv.stdout()));
  }

  /** The script takes the inputs the Java side spells, and refuses what the device cannot draw. */
  @Test
  void theScriptParsesTheInputsAsLatencyInputsSpellsThem() throws Exception {
    assumePython();
    for (String ok : List.of("normal(0,1)", "uniform(-1,1)", "normal(0.5,0.25)")) {
      PythonPeer.Invocation inv =
          new PythonPeer(PeerScript.TORCH_SDPA)
              .invoke(dir, List.of("--inputs", ok, "--print-columns"));
      assertEquals(0, inv.exitCode(), ok + ": " + String.join("\n", inv.stderr()));
    }
    PythonPeer.Invocation bad =
        new PythonPeer(PeerScript.TORCH_SDPA)
            .invoke(dir, List.of("--inputs", "uniform(1,0)", "--print-columns"));
    assertEquals(2, bad.exitCode());
    assertTrue(
        String.join("\n", bad.stderr()).contains("'uniform(1,0)': std must be > 0, hi > lo"),
        String.join("\n", bad.stderr()));
  }

  /**
   * The real script with this machine's python3: rows where torch sees a GPU, otherwise no rows and
   * the script's own reason (exit 0), never an exception.
   */
  @Test
  void withoutTorchOrCudaThePeerSaysWhyInsteadOfFailing() {
    assumePython();
    PythonPeer.Result r = new PythonPeer(PeerScript.TORCH_SDPA).run(TINY);
    if (r.rows().isEmpty()) {
      String reason = r.reason().orElseThrow();
      assertTrue(reason.endsWith("nothing measured"), reason);
    } else {
      assertTrue(
          r.rows().stream()
              .allMatch(row -> PeerScript.TORCH_SDPA.methods().contains(row.method())));
    }
  }

  /** A folder that passes for the authors' checkout: their two files, not their code. */
  private Path authorsFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("authors"));
    for (String f : PeerScript.AUTHORS_FILES) {
      Files.writeString(folder.resolve(f), "# stand-in " + random.nextLong() + "\n");
    }
    return folder;
  }

  @Test
  void theAuthorsPeerNamesItsFolderAfterTheCommonFlags() throws IOException {
    Path folder = authorsFolder();
    List<String> args = new PythonPeer(PeerScript.authors(folder)).arguments(TINY);
    assertEquals(TINY.arguments(), args.subList(0, TINY.arguments().size()));
    assertEquals(
        List.of("--authors", folder.toAbsolutePath().normalize().toString()),
        args.subList(TINY.arguments().size(), args.size()));
  }

  /** The authors' script runs beside the one it imports its sampling and CSV from. */
  @Test
  void theAuthorsScriptsHeaderIsTheLatencyCsvSchemaAndItRefusesAFolderWithoutTheirCode()
      throws Exception {
    assumePython();
    PythonPeer peer = new PythonPeer(PeerScript.authors(authorsFolder()));
    PythonPeer.Invocation inv = peer.invoke(dir, List.of("--print-columns"));
    assertEquals(0, inv.exitCode(), String.join("\n", inv.stderr()));
    assertEquals(List.of(String.join(",", LatencyCsv.COLUMNS)), Files.readAllLines(inv.stdout()));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    PythonPeer.Invocation bad = peer.invoke(dir, List.of("--authors", empty.toString()));
    assertEquals(2, bad.exitCode());
    String err = String.join("\n", bad.stderr());
    assertTrue(
        err.contains("--authors " + empty + ": no flash_atten_full_int8.py and no configs.py"),
        err);
  }

  /** Without torch, Triton or a GPU the authors' peer gives no rows and its script's reason. */
  @Test
  void withoutTorchOrCudaTheAuthorsPeerSaysWhyInsteadOfFailing() throws IOException {
    assumePython();
    PythonPeer.Result r = new PythonPeer(PeerScript.authors(authorsFolder())).run(TINY);
    if (r.rows().isEmpty()) {
      String reason = r.reason().orElseThrow();
      assertTrue(reason.startsWith("authors_peer: "), reason);
      assertTrue(reason.endsWith("nothing measured"), reason);
    } else {
      assertTrue(
          r.rows().stream().allMatch(row -> PeerScript.AUTHORS_METHODS.contains(row.method())));
    }
  }

  @Test
  void pointsLeftOutAreCountedAndTheLastNamed() {
    String a =
        "authors_peer: authors-int8 N=1024 causal=True: relative L1 error 1.3 is over 0.02; not timed";
    String b = "authors_peer: B=4 H=32 N=1000 D=64: N is not a multiple of 256; skipped";
    String ran = "authors_peer: triton-fp16 N=1024: median 0.094 ms over 10 samples";
    assertEquals(java.util.Optional.empty(), PythonPeer.skipped(List.of(ran, ran)));
    assertEquals(java.util.Optional.of(a), PythonPeer.skipped(List.of(ran, a, ran)));
    assertEquals(
        java.util.Optional.of("2 left out, the last: " + b),
        PythonPeer.skipped(List.of(a, ran, b, ran)));
  }

  /**
   * A peer says up front whether it can run here: where python3, torch, a CUDA device or Triton is
   * missing, why in one line (the script's own reason); with all of them, nothing.
   */
  @Test
  void aPeerSaysWhyItCannotRunHereBeforeItIsRun() throws IOException {
    Path missing = dir.resolve("no-such-dir/python3");
    String noPython =
        new PythonPeer(missing.toString(), PeerScript.TORCH_SDPA).unavailable().orElseThrow();
    assertEquals("python interpreter '" + missing + "' cannot be run", noPython.split(":")[0]);
    assumePython();
    for (PeerScript p : List.of(PeerScript.TORCH_SDPA, PeerScript.authors(authorsFolder()))) {
      java.util.Optional<String> why = new PythonPeer(p).unavailable();
      PythonPeer.Result r = new PythonPeer(p).run(TINY);
      if (why.isPresent()) {
        assertEquals(1, why.get().lines().count(), why.get());
        assertTrue(why.get().endsWith("nothing measured"), why.get());
        // The run says the same, and measures nothing.
        assertEquals(why, r.reason(), p.id());
        assertEquals(List.of(), r.rows(), p.id());
      } else if (p.id().equals("authors")) {
        // Ready (torch, a GPU and Triton here), but the folder holds stand-ins, not their code.
        assertTrue(
            r.reason().orElseThrow().endsWith("does not run on this Triton; nothing measured"),
            r.reason().toString());
      } else {
        // Ready: the run gets past the checks and gives the peer's rows.
        assertFalse(r.rows().isEmpty(), p.id() + ": ready, but " + r.reason());
        assertTrue(r.rows().stream().allMatch(row -> p.methods().contains(row.method())));
      }
    }
  }

  private String fakePython(String stdout, String stderr, int code) throws IOException {
    return StandInPython.write(dir, stdout, stderr, code);
  }

  private String peerCsv(double... medians) {
    StringBuilder csv = new StringBuilder(String.join(",", LatencyCsv.COLUMNS)).append('\n');
    for (int i = 0; i < medians.length; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "torch-flash,4,32,%d,64,false,kernel,%s,%s,%s,10,%s,gpu,1980.0,false%n",
              1024 << i,
              medians[i],
              medians[i] * 0.99,
              medians[i] * 1.01,
              LatencyRow.tflops(4.0 * 4 * 32 * (1024L << i) * (1024L << i) * 64, medians[i])));
    }
    return csv.toString();
  }

  /** A script that fails after some points keeps them, and the failure is the reason. */
  @Test
  void rowsWrittenBeforeAFailureAreKeptAndTheFailureNamed() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    double m = 0.05 + random.nextDouble();
    String python =
        fakePython(
            peerCsv(m), "torch_sdpa_bench: point 1 done\nRuntimeError: CUDA out of memory\n", 1);
    PythonPeer.Result r = new PythonPeer(python, PeerScript.TORCH_SDPA).run(TINY);
    assertEquals(1, r.rows().size(), "seed " + seed);
    assertEquals(m, r.rows().get(0).medianMs(), 0.0, "seed " + seed);
    assertEquals(
        java.util.Optional.of(
            "torch_sdpa_bench.py failed (exit 1): RuntimeError: CUDA out of memory"),
        r.reason());
    // Failing before any row: nothing, and the same reason.
    PythonPeer.Result none =
        new PythonPeer(fakePython("", "Traceback\nValueError: bad\n", 1), PeerScript.TORCH_SDPA)
            .run(TINY);
    assertEquals(List.of(), none.rows());
    assertEquals(
        java.util.Optional.of("torch_sdpa_bench.py failed (exit 1): ValueError: bad"),
        none.reason());
  }

  /**
   * --check: "ready" last on stdout is ready, whatever came before; otherwise stderr's last line.
   */
  @Test
  void theCheckReadsReadyOnlyAsTheLastLineOfAScriptThatExitedZero() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    PeerScript p = PeerScript.TORCH_SDPA;
    assertEquals(
        java.util.Optional.empty(),
        new PythonPeer(fakePython("a warning\nready\n", "", 0), p).unavailable());
    assertEquals(
        java.util.Optional.of("torch_sdpa_bench: no CUDA device; nothing measured"),
        new PythonPeer(fakePython("", "torch_sdpa_bench: no CUDA device; nothing measured\n", 0), p)
            .unavailable());
    assertEquals(
        java.util.Optional.of("torch_sdpa_bench.py --check failed (exit 3)"),
        new PythonPeer(fakePython("ready\n", "", 3), p).unavailable());
  }

  /** A script past its limit is stopped and reads as timed out, saying so. */
  @Test
  void aScriptPastItsLimitIsStoppedAndSaysSo() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    Path sh = dir.resolve("slow-python");
    Files.writeString(sh, "#!/bin/sh\nsleep 30\necho ready\n");
    assertTrue(sh.toFile().setExecutable(true));
    long start = System.nanoTime();
    PythonPeer.Invocation inv =
        new PythonPeer(sh.toString(), PeerScript.TORCH_SDPA)
            .invoke(
                Files.createDirectories(dir.resolve("slow")),
                List.of("--check"),
                java.time.Duration.ofSeconds(1));
    assertTrue(System.nanoTime() - start < 20e9, "stopped, not waited for");
    assertEquals(PythonPeer.TIMED_OUT, inv.exitCode());
    assertEquals(
        "torch_sdpa_bench.py did not finish in 1 s; stopped",
        inv.stderr().get(inv.stderr().size() - 1));
  }

  private static final boolean PYTHON = probePython();

  private static boolean probePython() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void assumePython() {
    assumeTrue(PYTHON, "python3 is not on the PATH: the script is not run");
  }
}
