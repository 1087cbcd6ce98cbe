package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.PeerScript;
import dev.attnbench.bench.PythonPeer;
import dev.attnbench.bench.StandInPython;
import dev.attnbench.report.ResultFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run times its peers again: a peer that gives rows replaces its old ones in latency.csv
 * (not doubling them) and its log; one that gives none leaves its old rows and log as they were,
 * and says why in peer-ID.failed.log. The peers are stand-in interpreters, so no torch or GPU is
 * needed.
 */
class AddPeersTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  @TempDir Path dir;

  private static final PythonPeer.Request REQUEST = StandInPython.TINY;

  private LatencyRow row(String method, int n) {
    double ms = 0.05 + random.nextDouble();
    return new LatencyRow(
        method,
        4,
        32,
        n,
        64,
        false,
        "kernel",
        ms,
        ms * 0.99,
        ms * 1.01,
        10 + random.nextInt(100),
        LatencyRow.tflops(4.0 * 4 * 32 * n * (double) n * 64, ms),
        "gpu",
        1500 + random.nextInt(500),
        false);
  }

  /** A stand-in for python3 that prints {@code rows} as the peer's CSV, then exits. */
  private PythonPeer standIn(PeerScript script, List<LatencyRow> rows, String stderr, int code)
      throws IOException {
    StringWriter csv = new StringWriter();
    if (!rows.isEmpty()) {
      LatencyCsv.write(rows, csv);
    }
    return new PythonPeer(StandInPython.write(dir, csv.toString(), stderr, code), script);
  }

  @Test
  void aResumedRunReplacesAPeersRowsAndKeepsThoseOfOneThatGaveNone() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    Path authorsDir = Files.createDirectories(dir.resolve("authors"));
    for (String f : PeerScript.AUTHORS_FILES) {
      Files.writeString(authorsDir.resolve(f), "# stand-in\n");
    }
    PeerScript authors = PeerScript.authors(authorsDir);

    // The earlier run: our kernels, then both peers' rows, and their logs.
    ResultFolder folder = ResultFolder.open(dir.resolve("run"), false);
    List<LatencyRow> ours = List.of(row("fp16", 1024), row("int8", 1024), row("int8", 2048));
    List<LatencyRow> oldTorch = List.of(row("torch-flash", 1024), row("torch-cudnn", 2048));
    List<LatencyRow> oldAuthors = List.of(row("authors-int8", 1024));
    List<LatencyRow> earlier = new ArrayList<>(ours);
    earlier.addAll(oldTorch);
    earlier.addAll(oldAuthors);
    folder.write(LatencyCsv.FILE, w -> LatencyCsv.write(earlier, w));
    folder.writeString("peer-torch-sdpa.log", "the earlier torch account\n");
    folder.writeString("peer-authors.log", "the earlier authors account\n");

    // The resumed run: torch-sdpa measures again, the authors' kernels fail their check.
    List<LatencyRow> newTorch =
        List.of(row("torch-flash", 1024), row("torch-flash", 2048), row("torch-cudnn", 2048));
    PythonPeer torch =
        standIn(PeerScript.TORCH_SDPA, newTorch, "torch_sdpa_bench: the new account\n", 0);
    PythonPeer failing =
        standIn(authors, List.of(), "authors_peer: authors-int8 failed its check\n", 1);
    Map<String, String> failed = new LinkedHashMap<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, List<String>> arguments =
        ReproduceCommand.addPeers(
            List.of(torch, failing),
            REQUEST,
            folder,
            earlier,
            failed,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    List<LatencyRow> want = new ArrayList<>(ours);
    want.addAll(oldAuthors);
    want.addAll(newTorch);
    assertEquals(want, LatencyCsv.read(folder.resolve(LatencyCsv.FILE)), "seed " + seed);
    assertEquals(
        "torch_sdpa_bench: the new account\n",
        Files.readString(folder.resolve("peer-torch-sdpa.log")));
    assertEquals(
        "the earlier authors account\n", Files.readString(folder.resolve("peer-authors.log")));
    assertEquals(
        "authors_peer: authors-int8 failed its check\n",
        Files.readString(folder.resolve("peer-authors.failed.log")));
    assertFalse(Files.exists(folder.resolve("peer-torch-sdpa.failed.log")));

    assertEquals(List.of("torch-sdpa"), List.copyOf(arguments.keySet()));
    assertEquals(torch.arguments(REQUEST), arguments.get("torch-sdpa"));
    assertEquals(List.of("authors"), List.copyOf(failed.keySet()));
    assertTrue(failed.get("authors").contains("failed its check"), failed.toString());
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("peer-authors.failed.log has its account"), said);

    // Resumed once more: the authors' kernels pass, and the failure's log goes with the failure.
    List<LatencyRow> newAuthors = List.of(row("authors-int8", 1024), row("triton-fp16", 1024));
    failed.clear();
    ReproduceCommand.addPeers(
        List.of(standIn(authors, newAuthors, "authors_peer: checked\n", 0)),
        REQUEST,
        folder,
        want,
        failed,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<LatencyRow> then = new ArrayList<>(ours);
    then.addAll(newTorch);
    then.addAll(newAuthors);
    assertEquals(then, LatencyCsv.read(folder.resolve(LatencyCsv.FILE)), "seed " + seed);
    assertEquals("authors_peer: checked\n", Files.readString(folder.resolve("peer-authors.log")));
    assertFalse(Files.exists(folder.resolve("peer-authors.failed.log")));
    assertEquals(Map.of(), failed);
  }
}
