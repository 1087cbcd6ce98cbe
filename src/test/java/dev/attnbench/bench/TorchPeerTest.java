package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attnbench.input.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch peer: its CSV reads into rows, and a missing python3/torch/GPU is a reason. */
class TorchPeerTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  @TempDir Path dir;

  private static final TorchPeer.Request TINY =
      new TorchPeer.Request(
          1,
          1,
          List.of(128),
          List.of(64),
          List.of(false),
          OptionalDouble.of(1.3),
          0.05,
          0.1,
          List.of("flash", "cudnn"),
          L2Flush.READ,
          false,
          Distribution.parse("uniform(-1,1)"));

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
    assertEquals(want, TorchPeer.parse(file), "seed " + seed);
  }

  /** Without pynvml the script leaves sm_clock_mhz empty, which is how LatencyCsv writes NaN. */
  @Test
  void anUnknownSmClockReadsAsNaN() throws IOException {
    Path file = dir.resolve("torch.csv");
    Files.writeString(
        file,
        String.join(",", LatencyCsv.COLUMNS)
            + "\ntorch-flash,1,1,128,64,false,kernel,0.5,0.4,0.6,10,0.01,gpu,,false\n");
    assertTrue(Double.isNaN(TorchPeer.parse(file).get(0).smClockMhz()));
  }

  @Test
  void aRowThatIsNotAPeerKernelRowIsRefused() throws IOException {
    Path file = dir.resolve("torch.csv");
    Files.writeString(
        file,
        String.join(",", LatencyCsv.COLUMNS)
            + "\nint8,4,32,1024,64,false,end-to-end,1.0,0.9,1.1,10,5.0,gpu,1900.0,false\n");
    IOException e = assertThrows(IOException.class, () -> TorchPeer.parse(file));
    assertTrue(e.getMessage().contains("method=int8"), e.getMessage());
  }

  @Test
  void aMissingInterpreterGivesNoRowsAndAOneLineReason() {
    Path missing = dir.resolve("no-such-dir/python3");
    TorchPeer.Result r = new TorchPeer(missing.toString()).run(TINY);
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
            "--backend",
            "flash,cudnn",
            "--l2-flush",
            "read",
            "--inputs",
            "uniform(-1,1)",
            "--no-block"),
        TINY.arguments());
  }

  @Test
  void theScriptsHeaderIsTheLatencyCsvSchema() throws Exception {
    assumePython();
    TorchPeer.Invocation inv = new TorchPeer().invoke(dir, List.of("--print-columns"));
    assertEquals(0, inv.exitCode(), String.join("\n", inv.stderr()));
    assertEquals(List.of(String.join(",", LatencyCsv.COLUMNS)), Files.readAllLines(inv.stdout()));
  }

  /** The script takes the inputs the Java side spells, and refuses what the device cannot draw. */
  @Test
  void theScriptParsesTheInputsAsLatencyInputsSpellsThem() throws Exception {
    assumePython();
    for (String ok : List.of("normal(0,1)", "uniform(-1,1)", "normal(0.5,0.25)")) {
      TorchPeer.Invocation inv =
          new TorchPeer().invoke(dir, List.of("--inputs", ok, "--print-columns"));
      assertEquals(0, inv.exitCode(), ok + ": " + String.join("\n", inv.stderr()));
    }
    TorchPeer.Invocation bad =
        new TorchPeer().invoke(dir, List.of("--inputs", "uniform(1,0)", "--print-columns"));
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
    TorchPeer.Result r = new TorchPeer().run(TINY);
    if (r.rows().isEmpty()) {
      String reason = r.reason().orElseThrow();
      assertTrue(reason.endsWith("nothing measured"), reason);
    } else {
      assertTrue(r.rows().stream().allMatch(row -> TorchPeer.METHODS.contains(row.method())));
    }
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
