package dev.attnbench.bench;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.attnbench.input.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a {@link PeerScript} (PyTorch's own FP16 attention, or the paper's own Triton kernels) as a
 * peer of our kernels: the jar's copy of its scripts (the one source of each, under {@value
 * #RESOURCES}), with {@code python3}, and reads its CSV, which has {@link LatencyCsv#COLUMNS} and
 * the same timing method as {@link ColdMeasurement}.
 *
 * <p>A peer is optional: where python3, PyTorch, a CUDA device or (for the authors') Triton is
 * missing the result has no rows and a one-line reason, never an exception.
 */
public final class PythonPeer {

  /** The folder of the peers' scripts inside the jar. */
  public static final String RESOURCES = "/scripts/";

  private final String python;
  private final PeerScript peer;

  /** {@code peer} run with {@code python3} from the PATH. */
  public PythonPeer(PeerScript peer) {
    this("python3", peer);
  }

  /**
   * @param python the interpreter to run the script with (a name on the PATH or a path)
   */
  public PythonPeer(String python, PeerScript peer) {
    this.python = python;
    this.peer = peer;
  }

  /** The script this peer runs. */
  public PeerScript script() {
    return peer;
  }

  /**
   * The shapes and timing settings of one peer run; the script's flags, typed.
   *
   * @param softmaxScale empty for 1/sqrt(head dim)
   * @param maxStdRel stop sampling a point once the relative std-dev is at most this
   * @param budgetSeconds time budget per point
   * @param l2Flush how each cold sample empties L2 (as {@link ColdMeasurement})
   * @param blocked whether the GPU is kept busy while a sample is enqueued (the script's stand-in
   *     for the blocking kernel: a fixed spin, long enough for Python's launch overhead)
   * @param inputs what Q, K and V are drawn from, as the product's own latency inputs are (normal
   *     or uniform, {@link dev.attnbench.input.LatencyInputs})
   */
  public record Request(
      int batch,
      int heads,
      List<Integer> seqLens,
      List<Integer> headDims,
      List<Boolean> causal,
      OptionalDouble softmaxScale,
      double maxStdRel,
      double budgetSeconds,
      L2Flush l2Flush,
      boolean blocked,
      Distribution inputs) {

    /**
     * 0.5% spread, 2 s per point (the scripts' defaults), with the flush and blocking of {@code
     * sampling}, on inputs drawn from {@code inputs}.
     */
    public static Request of(
        ColdSampling sampling,
        Distribution inputs,
        int batch,
        int heads,
        List<Integer> seqLens,
        List<Integer> headDims,
        List<Boolean> causal,
        OptionalDouble softmaxScale) {
      return new Request(
          batch,
          heads,
          seqLens,
          headDims,
          causal,
          softmaxScale,
          0.005,
          2.0,
          sampling.flush(),
          sampling.blocked(),
          inputs);
    }

    /** The flags every peer script takes (a peer adds its own, {@link PeerScript#flags}). */
    public List<String> arguments() {
      List<String> a = new ArrayList<>();
      a.addAll(List.of("--batch", Integer.toString(batch), "--heads", Integer.toString(heads)));
      a.addAll(List.of("--seq-len", join(seqLens), "--head-dim", join(headDims)));
      a.addAll(List.of("--causal", join(causal)));
      softmaxScale.ifPresent(s -> a.addAll(List.of("--softmax-scale", Double.toString(s))));
      a.addAll(List.of("--stdrel", Double.toString(maxStdRel)));
      a.addAll(List.of("--budget-s", Double.toString(budgetSeconds)));
      a.addAll(List.of("--l2-flush", l2Flush.id()));
      a.addAll(List.of("--inputs", inputs.withParameters()));
      if (!blocked) {
        a.add("--no-block");
      }
      return a;
    }

    private static String join(List<?> values) {
      return values.stream()
          .map(v -> v.toString().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(","));
    }
  }

  /**
   * What a peer run gave.
   *
   * @param rows one row per backend and shape that ran; empty when nothing could
   * @param reason why there are no rows (or fewer than asked), in one line; empty when all ran
   * @param log the script's stderr: progress and skipped backends
   */
  public record Result(List<LatencyRow> rows, Optional<String> reason, List<String> log) {
    static Result nothing(String reason, List<String> log) {
      return new Result(List.of(), Optional.of(reason), log);
    }
  }

  /** The exit status an invocation stopped at its time limit reads as. */
  static final int TIMED_OUT = -1;

  /** The script's exit status, stdout and stderr lines. */
  record Invocation(int exitCode, Path stdout, List<String> stderr) {}

  /** The flags the script runs with for {@code request}: the request's, then the peer's own. */
  public List<String> arguments(Request request) {
    List<String> a = new ArrayList<>(request.arguments());
    a.addAll(peer.flags());
    return a;
  }

  /** Runs the peer for {@code request}; blocks until the script ends. */
  public Result run(Request request) {
    String script = peer.script();
    return execute(
        arguments(request),
        null,
        why -> Result.nothing(why, List.of()),
        inv -> {
          String last = inv.stderr().isEmpty() ? "" : inv.stderr().get(inv.stderr().size() - 1);
          boolean wrote = Files.size(inv.stdout()) > 0;
          List<LatencyRow> rows = List.of();
          String unreadable = null;
          if (wrote) {
            try {
              rows = parse(inv.stdout(), peer.methods());
            } catch (IOException | RuntimeException e) {
              unreadable = e.getMessage();
            }
          }
          if (inv.exitCode() != 0) {
            // The rows written before a failure were measured: they are kept (of a half-written
            // CSV, none), the failure named.
            return new Result(
                rows,
                Optional.of(script + " failed (exit " + inv.exitCode() + "): " + last),
                inv.stderr());
          }
          if (!wrote) {
            // The script measured nothing; its last stderr line says why (no torch, no CUDA).
            return Result.nothing(last.isEmpty() ? script + " wrote nothing" : last, inv.stderr());
          }
          if (unreadable != null) {
            // The peer is optional: an unreadable CSV costs its rows, not the caller's run.
            return Result.nothing(script + " output unreadable: " + unreadable, inv.stderr());
          }
          return new Result(
              rows, rows.isEmpty() ? Optional.of(last) : skipped(inv.stderr()), inv.stderr());
        });
  }

  /**
   * Why this machine cannot run the peer (no python3, PyTorch, CUDA device or Triton), in one line;
   * empty when it can. The script's {@code --check} imports what the peer needs and stops, so a run
   * can say so before its own points rather than after them.
   */
  public Optional<String> unavailable() {
    List<String> args = new ArrayList<>(List.of("--check"));
    args.addAll(peer.flags());
    return execute(
        args,
        CHECK_LIMIT,
        Optional::of,
        inv -> {
          // The last line: whatever an import printed before it does not count against it.
          List<String> out =
              Files.readAllLines(inv.stdout(), StandardCharsets.UTF_8).stream()
                  .filter(l -> !l.isBlank())
                  .toList();
          if (inv.exitCode() == 0 && !out.isEmpty() && out.get(out.size() - 1).equals("ready")) {
            return Optional.empty();
          }
          return Optional.of(
              inv.stderr().isEmpty()
                  ? peer.script() + " --check failed (exit " + inv.exitCode() + ")"
                  : inv.stderr().get(inv.stderr().size() - 1));
        });
  }

  /** What is read of a finished script, before its folder is deleted. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Invocation inv) throws IOException;
  }

  /**
   * How long {@link #unavailable} waits for the script's imports (PyTorch's and a CUDA context take
   * seconds): a hung driver must not hold the run before it starts.
   */
  static final Duration CHECK_LIMIT = Duration.ofSeconds(120);

  /**
   * Runs the peer's script with {@code args} in a temporary folder, for at most {@code limit} (none
   * where null), and reads what it left with {@code read}; {@code cannotRun} gives the answer where
   * the interpreter cannot be started or the wait is interrupted.
   */
  private <T> T execute(
      List<String> args, Duration limit, Function<String, T> cannotRun, Reading<T> read) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("attn-bench-peer");
      Invocation inv;
      try {
        inv = invoke(dir, args, limit);
      } catch (IOException e) {
        // ProcessBuilder.start's message names the program and the OS error (no such file, ...).
        return cannotRun.apply(
            "python interpreter '" + python + "' cannot be run: " + e.getMessage());
      }
      return read.read(inv);
    } catch (IOException e) {
      throw new UncheckedIOException(peer.id() + " peer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cannotRun.apply("interrupted");
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * What a run that gave rows left out, from its stderr: the one point skipped or not timed, or how
   * many and the last; empty when every point ran.
   */
  static Optional<String> skipped(List<String> stderr) {
    List<String> lines =
        stderr.stream().filter(l -> l.contains("skipped") || l.contains("not timed")).toList();
    if (lines.isEmpty()) return Optional.empty();
    String last = lines.get(lines.size() - 1);
    return Optional.of(lines.size() == 1 ? last : lines.size() + " left out, the last: " + last);
  }

  /**
   * Extracts the peer's scripts into {@code dir} and runs the first with {@code args}, stdout and
   * stderr into files there (files rather than pipes: no reader thread, no deadlock on a full
   * pipe).
   *
   * @throws IOException when the interpreter cannot be started
   */
  Invocation invoke(Path dir, List<String> args) throws IOException, InterruptedException {
    return invoke(dir, args, null);
  }

  /**
   * As {@link #invoke(Path, List)}, stopping the script after {@code limit} (none where null): it
   * then reads as exit {@value #TIMED_OUT}, its last stderr line saying so.
   */
  Invocation invoke(Path dir, List<String> args, Duration limit)
      throws IOException, InterruptedException {
    for (String name : peer.resources()) {
      try (InputStream in = PythonPeer.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "resource " + RESOURCES + name + " is missing from the build");
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path script = dir.resolve(peer.script());
    Path out = dir.resolve("stdout.csv");
    Path err = dir.resolve("stderr.txt");
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      boolean done = limit == null ? p.waitFor() >= 0 : p.waitFor(limit.toMillis(), MILLISECONDS);
      List<String> stderr =
          new ArrayList<>(
              Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                  .filter(l -> !l.isBlank())
                  .toList());
      if (!done) {
        stderr.add(peer.script() + " did not finish in " + limit.toSeconds() + " s; stopped");
        return new Invocation(TIMED_OUT, out, List.copyOf(stderr));
      }
      return new Invocation(p.exitValue(), out, List.copyOf(stderr));
    } finally {
      // Interrupted while waiting: do not leave the GPU benchmark running behind us.
      p.destroy();
    }
  }

  /**
   * Reads a peer script's CSV: the {@link LatencyCsv} schema, with only {@code methods} and kernel
   * scope.
   *
   * @throws IOException when the columns are not {@link LatencyCsv#COLUMNS} or a row is not one of
   *     the peer's
   */
  public static List<LatencyRow> parse(Path csv, Set<String> methods) throws IOException {
    List<LatencyRow> rows = LatencyCsv.read(csv);
    for (LatencyRow r : rows) {
      if (!methods.contains(r.method()) || !r.scope().equals(Scope.KERNEL.id())) {
        throw new IOException(
            csv + ": unexpected row method=" + r.method() + " scope=" + r.scope() + " in peer CSV");
      }
    }
    return rows;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A leftover temp file is harmless; the result matters more than the cleanup.
    }
  }
}
