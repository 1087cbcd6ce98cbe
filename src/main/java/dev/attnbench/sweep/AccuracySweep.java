package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated accuracy sweep: the axes (distribution × head dim × causal × sequence length) and the
 * methods measured at every point. Built from a config section with command-line overrides.
 *
 * @param softmaxScale null for the default 1/sqrt(D)
 */
public record AccuracySweep(
    int batch,
    int heads,
    List<Integer> seqLens,
    List<Integer> headDims,
    List<Boolean> causal,
    List<Distribution> distributions,
    List<Method> methods,
    int rows,
    Double softmaxScale,
    long seed) {

  /** Largest head dimension the CPU emulation takes (the kernels take 64 and 128). */
  public static final int MAX_HEAD_DIM = 256;

  /** Most elements one input tensor may have: what a Java array holds. */
  public static final long MAX_TENSOR_ELEMENTS = Integer.MAX_VALUE - 8;

  public AccuracySweep {
    positive("batch", batch);
    positive("heads", heads);
    positive("rows", rows);
    nonEmpty("seq-len", seqLens);
    nonEmpty("head-dim", headDims);
    nonEmpty("causal", causal);
    nonEmpty("dist", distributions);
    nonEmpty("method", methods);
    DistinctValues.check("seq-len", seqLens);
    DistinctValues.check("head-dim", headDims);
    DistinctValues.check("causal", causal);
    DistinctValues.check("dist", distributions, Distribution::id);
    DistinctValues.check("method", methods, Method::id);
    for (int n : seqLens) {
      if (n < 1) {
        throw new InvalidInputException("seq-len " + n + " is not allowed (must be >= 1)");
      }
    }
    for (int d : headDims) {
      if (!emulatesHeadDim(d)) {
        throw new InvalidInputException(
            "head-dim " + d + " is not allowed (a multiple of 16 from 16 to " + MAX_HEAD_DIM + ")");
      }
    }
    // Before any point runs: an outlier channel count beyond D would otherwise stop the sweep at
    // the first point of that D.
    for (Distribution dist : distributions) {
      for (int d : headDims) {
        dist.checkHeadDim(d);
      }
    }
    // The inputs are drawn on the host into Java arrays, so one tensor must fit one (2^31 - 1
    // elements, less the few a JVM keeps for headers).
    for (int n : seqLens) {
      for (int d : headDims) {
        // In double: four ints can overflow a long.
        double elements = (double) batch * heads * n * d;
        if (elements > MAX_TENSOR_ELEMENTS) {
          throw new InvalidInputException(
              String.format(
                  java.util.Locale.ROOT,
                  "seq-len %d is not allowed at batch %d, heads %d, head-dim %d (a tensor of %.4g"
                      + " elements; the accuracy sweep holds each in one Java array, at most %d)",
                  n,
                  batch,
                  heads,
                  d,
                  elements,
                  MAX_TENSOR_ELEMENTS));
        }
      }
    }
    if (softmaxScale != null && !(softmaxScale > 0 && Double.isFinite(softmaxScale))) {
      throw new InvalidInputException(
          "softmax-scale " + softmaxScale + " is not allowed (a finite number > 0)");
    }
    seqLens = List.copyOf(seqLens);
    headDims = List.copyOf(headDims);
    causal = List.copyOf(causal);
    distributions = List.copyOf(distributions);
    methods = List.copyOf(methods);
  }

  /**
   * Heap one input element needs while its point runs: measured 42 bytes (N = 256k, D = 64, one
   * head, the seven methods of configs/paper.yaml: 700 MiB ran, 600 MiB ran out), rounded up. The
   * inputs in FP32, each method's operands and the reference's rows.
   */
  static final int HEAP_BYTES_PER_ELEMENT = 48;

  /**
   * Refuses, before a folder is made, a sweep that would fail partway: a point larger than a heap
   * of {@code maxHeapBytes} (checked first, so that drawing the inputs cannot run out of it), or
   * inputs the kernels cannot take.
   */
  public void checkRunnable(long maxHeapBytes) {
    checkHeap(maxHeapBytes);
    checkInputs();
  }

  /**
   * Refuses a sweep whose largest point would not fit a heap of {@code maxHeapBytes} (it would
   * otherwise die of an OutOfMemoryError partway, with a stack trace).
   */
  private void checkHeap(long maxHeapBytes) {
    for (int n : seqLens) {
      for (int d : headDims) {
        double need = (double) batch * heads * n * d * HEAP_BYTES_PER_ELEMENT;
        if (need > maxHeapBytes) {
          throw new InvalidInputException(
              String.format(
                  java.util.Locale.ROOT,
                  "seq-len %d at batch %d, heads %d, head-dim %d needs about %d MiB of heap, more"
                      + " than this JVM's %d MiB: give it more (java -Xmx…) or choose a smaller"
                      + " point",
                  n,
                  batch,
                  heads,
                  d,
                  (long) (need / (1 << 20)),
                  maxHeapBytes >> 20));
        }
      }
    }
  }

  /**
   * Draws every point's inputs once, before any work: InputGenerator refuses inputs the kernels
   * cannot take, and its score bound depends on the values drawn. Checked at the point, a refusal
   * came after the folder was made, or after --force had removed the run it was to replace. Drawing
   * costs O(N·D) against the point's O(N²·D), and nothing is kept.
   */
  private void checkInputs() {
    for (Point p : points()) {
      InputGenerator.generate(p.shape(), p.distribution(), p.softmaxScale(), p.seed());
    }
  }

  /** Whether the CPU emulation takes head dim {@code d}: a multiple of 16 up to MAX_HEAD_DIM. */
  public static boolean emulatesHeadDim(int d) {
    return d >= 16 && d <= MAX_HEAD_DIM && d % 16 == 0;
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new InvalidInputException(name + " " + value + " is not allowed (must be >= 1)");
    }
  }

  private static void nonEmpty(String name, List<?> values) {
    if (values == null || values.isEmpty()) {
      throw new InvalidInputException(name + ": at least one value is needed");
    }
  }

  /**
   * One point of the grid: inputs drawn once, the reference computed once, every method compared.
   */
  public record Point(Distribution distribution, Shape shape, double softmaxScale, long seed) {

    /**
     * The evaluated rows of this point: a stream of its own, so --rows does not change the data.
     */
    public RowSample rowSample(int rows) {
      return RowSample.sample(shape, rows, seed ^ 0x5DEECE66DL);
    }
  }

  /**
   * This sweep as each way of writing it would record it: with one head dim, the softmax scale
   * 1/sqrt(D) given explicitly is the default left out, and a resume may spell it either way.
   */
  public List<AccuracySweep> spellings() {
    if (headDims.size() != 1) {
      return List.of(this);
    }
    double implied = 1.0 / Math.sqrt(headDims.get(0));
    if (softmaxScale == null) {
      return List.of(this, withSoftmaxScale(implied));
    }
    return softmaxScale == implied ? List.of(this, withSoftmaxScale(null)) : List.of(this);
  }

  private AccuracySweep withSoftmaxScale(Double scale) {
    return new AccuracySweep(
        batch, heads, seqLens, headDims, causal, distributions, methods, rows, scale, seed);
  }

  /** The points in run order: short sequences first, so early results arrive early. */
  public List<Point> points() {
    List<Point> points = new ArrayList<>();
    for (Distribution dist : distributions) {
      for (int d : headDims) {
        for (boolean c : causal) {
          for (int n : seqLens.stream().sorted().toList()) {
            Shape shape = new Shape(batch, heads, n, d, c);
            double scale = softmaxScale != null ? softmaxScale : shape.defaultSoftmaxScale();
            points.add(new Point(dist, shape, scale, seed));
          }
        }
      }
    }
    return points;
  }
}
