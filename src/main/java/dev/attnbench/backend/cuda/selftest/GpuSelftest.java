package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.backend.cuda.CudaAttention;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.reference.Fp64Attention;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GPU suite: every method that has a kernel, on fresh seeded normal(0, 1) inputs, at sequence
 * lengths that hit every edge of the tiling (1 key; 17, under one key block; 1000 and 1025, a
 * partial last block on either side of a multiple of 64; 4096), for one head and for B=4, H=32
 * (rows sampled, with the last row always in), at D = 64 and 128, causal and not, each at the
 * softmax scales of {@link Options#scales} (by default 1/sqrt(D) and the authors' 1.3: {@link
 * CheckedScale}). Each case:
 *
 * <ol>
 *   <li>the kernel writes into an output poisoned with FP16 NaN ({@link CudaAttention} does that
 *       before every launch), so an element the kernel never writes reads as NaN and fails;
 *   <li>its output agrees with the emulation's to {@link Tolerance#ULPS} FP16 ulps, except for rare
 *       P̃ rounding flips bounded by {@link Tolerance#flipBound};
 *   <li>its error against the FP64 reference (relative L2 and MRE) equals the emulation's within
 *       {@link Tolerance#ERROR_RELATIVE}: the emulation's error, which the accuracy tables report,
 *       is the kernel's error.
 * </ol>
 *
 * Inputs and the FP64 reference are computed once per shape and shared by all methods. Once per
 * method and D, the device quantizers that the benchmark uses are also checked to give the host's
 * operands bit for bit.
 */
public final class GpuSelftest {

  /**
   * What to run.
   *
   * @param quick a subset of shapes for a fast check
   * @param seed base seed; each shape's inputs use a seed derived from it (printed)
   * @param methods methods to check (those without a kernel are reported as skipped)
   * @param headDims head dims to check
   * @param scales softmax scales to check every shape at
   */
  public record Options(
      boolean quick,
      long seed,
      List<Method> methods,
      List<Integer> headDims,
      List<CheckedScale> scales) {}

  /**
   * Totals; {@code failures} holds one line per failed case. {@code departed} counts the cases of
   * {@link KnownDepartures} that missed the tolerance: reported, not failed.
   */
  public record Summary(int passed, int failed, int departed, int skipped, List<String> failures) {
    public boolean ok() {
      return failed == 0 && passed > 0;
    }
  }

  static final int[] SEQ_LENS = {1, 17, 1000, 1025, 4096};
  static final int[] QUICK_SEQ_LENS = {1, 17, 1025};

  /** Quick mode's B=4, H=32 lengths: a partial last block, and 128 heads' worth of indexing. */
  static final int[] QUICK_BATCHED_SEQ_LENS = {1025};

  /** Rows compared per (batch, head) in the B=4, H=32 shapes: 2048 rows per case in all. */
  static final int SAMPLED_ROWS = 16;

  private final CudaAttention cuda;
  private final PrintStream out;

  public GpuSelftest(CudaAttention cuda, PrintStream out) {
    this.cuda = cuda;
    this.out = out;
  }

  /** One set of inputs: a shape at a softmax scale. */
  record Point(Shape shape, CheckedScale scale) {}

  /**
   * The points of a run, in order: one head first (fast, all rows), then B=4, H=32; each shape at
   * every scale.
   */
  static List<Point> points(Options o) {
    List<Point> points = new ArrayList<>();
    for (Shape shape : shapes(o)) {
      for (CheckedScale scale : o.scales()) {
        points.add(new Point(shape, scale));
      }
    }
    return points;
  }

  private static List<Shape> shapes(Options o) {
    List<Shape> shapes = new ArrayList<>();
    int[] lens = o.quick() ? QUICK_SEQ_LENS : SEQ_LENS;
    for (int[] bh : new int[][] {{1, 1}, {4, 32}}) {
      for (int n : o.quick() && bh[0] > 1 ? QUICK_BATCHED_SEQ_LENS : lens) {
        for (int d : o.headDims()) {
          for (boolean causal : new boolean[] {false, true}) {
            shapes.add(new Shape(bh[0], bh[1], n, d, causal));
          }
        }
      }
    }
    return shapes;
  }

  public Summary run(Options options) {
    int passed = 0;
    int failed = 0;
    int departed = 0;
    int skipped = 0;
    java.util.Set<String> departureReasons = new java.util.LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    MmaPath path = cuda.path();
    out.printf(
        "selftest on %s (%s kernels), seed %d%s, softmax scales %s%n",
        cuda.gpu().summary(),
        path.id(),
        options.seed(),
        options.quick() ? " (quick)" : "",
        options.scales().stream().map(CheckedScale::label).toList());
    List<Method> withKernel = new ArrayList<>();
    for (Method m : options.methods()) {
      boolean any = false;
      for (int d : options.headDims()) {
        any |= cuda.supports(m, d);
      }
      if (any) {
        withKernel.add(m);
      } else {
        out.printf("SKIP %-17s %s%n", m.id(), cuda.whyUnsupported(m, options.headDims().get(0)));
        skipped++;
      }
    }
    int index = 0;
    java.util.Set<String> quantizeChecks = new java.util.HashSet<>();
    for (Point point : points(options)) {
      Shape shape = point.shape();
      long seed = options.seed() + 1_000_003L * index++;
      AttentionInputs in =
          InputGenerator.generate(
              shape, Distribution.of(Distribution.Kind.NORMAL), point.scale().of(shape), seed);
      int rowsPerSlice = shape.slices() == 1 ? shape.seqLen() : SAMPLED_ROWS;
      RowSample rows = RowSample.sample(shape, rowsPerSlice, seed ^ 0x5DEECE66DL);
      double[] ref = Fp64Attention.forward(in, rows);
      double maxAbsV = maxAbs(in.v());
      List<Method> here =
          withKernel.stream().filter(m -> cuda.supports(m, shape.headDim())).toList();
      // The emulations run side by side on the CPU (each is sequential over the slices of a
      // row-sampled shape); the GPU runs one method at a time.
      Map<Method, Object> emulated = new ConcurrentHashMap<>();
      here.parallelStream().forEach(m -> emulated.put(m, emulate(m, path, in, rows)));
      // Every entry of each kernel, whatever N it is meant for: a short- or mid-sequence entry
      // computes the same bits as the kernel, and each must match the emulation.
      List<SelftestCase> cases = new ArrayList<>();
      for (Method m : here) {
        for (String entry : cuda.entries(m, shape.headDim())) {
          cases.add(new SelftestCase(m, entry, shape, rowsPerSlice, point.scale()));
        }
      }
      for (SelftestCase c : cases) {
        Method m = c.method();
        String line;
        boolean ok;
        boolean departs = false;
        try {
          float[] gpu = cuda.forward(m, c.entry(), in, rows);
          if (emulated.get(m) instanceof RuntimeException e) {
            throw new IllegalStateException("emulation failed: " + e, e);
          }
          float[] emu = (float[]) emulated.get(m);
          Verdict v = judge(c, gpu, emu, ref, maxAbsV);
          ok = v.ok();
          String reason = KnownDepartures.reason(m, cuda.gpu(), path);
          departs = departsAsKnown(v, reason);
          if (departs) {
            departureReasons.add(m.id() + ": " + reason);
          }
          line =
              (ok ? "PASS " : departs ? "DEPART " : "FAIL ")
                  + c.label()
                  + " seed "
                  + seed
                  + "  "
                  + v.detail();
        } catch (RuntimeException e) {
          ok = false;
          line = "FAIL " + c.label() + " seed " + seed + "  " + e;
        }
        out.println(line);
        boolean wholePadding = shape.seqLen() % CudaAttention.PAD_KEYS == 0;
        if (ok
            && shape.seqLen() >= 1000
            && quantizeChecks.add(
                m.id()
                    + "/"
                    + shape.headDim()
                    + "/"
                    + point.scale().label()
                    + "/"
                    + (shape.slices() > 1)
                    + "/"
                    + wholePadding)) {
          // Once per method, D and scale (r carries the scale), on the first shape with many
          // keys, with one head and with B=4, H=32 (whose quantizers index 128 slices:
          // per-channel V's amax maps its blocks to (b,h) and chunk), and with N a multiple of
          // the key padding and not (the benchmark's N are; s_k's rows are then N long, and a
          // first form of v37's quantizer wrote them unpermuted there): the benchmark's device
          // quantizers give exactly the host's operands, so the timed kernels compute what was
          // checked.
          String q;
          String noDevice = cuda.whyNoDeviceQuantization(m);
          if (noDevice != null) {
            // Printed, not counted: the benchmark quantizes this method on the host.
            q = "SKIP quantize " + c.label() + "  not checked: " + noDevice;
          } else {
            try {
              String diff = cuda.compareDeviceQuantization(m, in);
              ok = diff == null;
              q =
                  (ok ? "PASS " : "FAIL ")
                      + "quantize "
                      + c.label()
                      + " seed "
                      + seed
                      + (ok ? "  device operands bit-identical to host" : "  " + diff);
            } catch (RuntimeException e) {
              ok = false;
              q = "FAIL quantize " + c.label() + " seed " + seed + "  " + e;
            }
          }
          out.println(q);
          if (!ok) {
            line = q;
          }
        }
        if (ok) {
          passed++;
        } else if (departs) {
          departed++;
        } else {
          failed++;
          failures.add(line);
        }
      }
    }
    out.printf(
        "%d passed, %d failed%s%s%n",
        passed,
        failed,
        departed > 0
            ? ", "
                + departed
                + " departed from the emulation as known ("
                + String.join("; ", departureReasons)
                + ")"
            : "",
        skipped > 0 ? ", " + skipped + " methods skipped (no kernel)" : "");
    return new Summary(passed, failed, departed, skipped, List.copyOf(failures));
  }

  /**
   * The output of the emulation of {@code m}'s kernel on {@code path}, or the exception it threw
   * (reported with its case).
   */
  private static Object emulate(Method m, MmaPath path, AttentionInputs in, RowSample rows) {
    try {
      return Emulations.of(m, path).forward(in, rows);
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * The outcome of one case and the numbers behind it; {@code allWritten}: no NaN or unwritten
   * element (a kernel that departs by arithmetic still writes every output).
   */
  record Verdict(boolean ok, boolean allWritten, String detail) {}

  /** DEPART, not FAIL, only with a known reason and every element written: no sum explains NaN. */
  static boolean departsAsKnown(Verdict v, String knownReason) {
    return !v.ok() && knownReason != null && v.allWritten();
  }

  static Verdict judge(SelftestCase c, float[] gpu, float[] emu, double[] ref, double maxAbsV) {
    UlpComparison u = UlpComparison.of(gpu, emu);
    List<String> problems = new ArrayList<>();
    if (u.nonFinite() > 0) {
      problems.add(u.nonFinite() + " NaN/unwritten");
    }
    int allowed = Tolerance.allowedFlipped(u.elements(), c.shape().headDim());
    double bound = Tolerance.flipBound(c.method(), maxAbsV);
    if (u.overLimit() > allowed) {
      problems.add(
          u.overLimit()
              + " elements over "
              + (int) Tolerance.ULPS
              + " ulps (allowed "
              + allowed
              + ")");
    }
    if (u.overLimit() > 0 && u.maxAbsDiff() > bound) {
      problems.add(
          String.format("max |diff| %.3g over the P-flip bound %.3g", u.maxAbsDiff(), bound));
    }
    ErrorStats g = ErrorStats.compare(gpu, ref);
    ErrorStats e = ErrorStats.compare(emu, ref);
    FlipShift flips = FlipShift.of(gpu, emu, ref);
    if (!Tolerance.sameError(g.relL2(), e.relL2(), flips.relL2())) {
      problems.add("rel_l2 differs");
    }
    if (!Tolerance.sameError(g.mre(), e.mre(), flips.mre())) {
      problems.add("mre differs");
    }
    String detail =
        String.format(
            "ulps max %.1f, >%d: %d/%d | rel_l2 gpu %.4e emu %.4e | mre gpu %.4e emu %.4e",
            u.maxUlps(),
            (int) Tolerance.ULPS,
            u.overLimit(),
            u.elements(),
            g.relL2(),
            e.relL2(),
            g.mre(),
            e.mre());
    if (!problems.isEmpty()) {
      detail += "  <- " + String.join("; ", problems);
      if (u.worstIndex() >= 0) {
        detail +=
            String.format(
                " (worst at %d: gpu %s emu %s)",
                u.worstIndex(), gpu[u.worstIndex()], emu[u.worstIndex()]);
      }
    }
    return new Verdict(problems.isEmpty(), u.nonFinite() == 0, detail);
  }

  private static double maxAbs(float[] x) {
    double m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
