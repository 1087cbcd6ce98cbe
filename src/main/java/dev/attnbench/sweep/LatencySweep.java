package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.Scope;
import dev.attnbench.input.Shape;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated latency sweep: methods × head dims × causal × scope × sequence lengths, at one batch
 * and head count. Built from a config's {@code latency} section with command-line overrides.
 */
public record LatencySweep(
    int batch,
    int heads,
    List<Integer> seqLens,
    List<Integer> headDims,
    List<Boolean> causal,
    List<Method> methods,
    List<Scope> scopes,
    Double softmaxScale) {

  public LatencySweep {
    if (batch < 1)
      throw new InvalidInputException("batch " + batch + " is not allowed (must be >= 1)");
    if (heads < 1)
      throw new InvalidInputException("heads " + heads + " is not allowed (must be >= 1)");
    for (int n : seqLens) {
      if (n < 1) throw new InvalidInputException("seq-len " + n + " is not allowed (must be >= 1)");
    }
    for (int d : headDims) {
      if (!KernelTraits.HEAD_DIMS.contains(d)) {
        throw new InvalidInputException("head-dim " + d + " has no kernel (allowed: 64, 128)");
      }
    }
    if (seqLens.isEmpty()
        || headDims.isEmpty()
        || causal.isEmpty()
        || methods.isEmpty()
        || scopes.isEmpty()) {
      throw new InvalidInputException("latency sweep: every axis needs at least one value");
    }
    DistinctValues.check("seq-len", seqLens);
    DistinctValues.check("head-dim", headDims);
    DistinctValues.check("causal", causal);
    DistinctValues.check("method", methods, Method::id);
    DistinctValues.check("scope", scopes, Scope::id);
    if (softmaxScale != null && !(softmaxScale > 0 && Double.isFinite(softmaxScale))) {
      throw new InvalidInputException(
          "softmax-scale " + softmaxScale + " is not allowed (a finite number > 0)");
    }
    seqLens = List.copyOf(seqLens);
    headDims = List.copyOf(headDims);
    causal = List.copyOf(causal);
    methods = List.copyOf(methods);
    scopes = List.copyOf(scopes);
  }

  /** Defaults when neither file nor flag says: the paper's latency setting. */
  public static final SweepConfig.Latency DEFAULTS =
      new SweepConfig.Latency(
          4,
          32,
          List.of(1024, 2048, 4096, 8192, 16384),
          List.of(64),
          List.of(false),
          List.of("fp16", "fp8", "int8-half", "int8", "int8-plus"),
          List.of("kernel"),
          1.3);

  /** Flags win over the file, the file over {@link #DEFAULTS}; null fields are "not given". */
  public static LatencySweep resolve(SweepConfig.Latency file, SweepConfig.Latency flags) {
    SweepConfig.Latency none =
        new SweepConfig.Latency(null, null, null, null, null, null, null, null);
    SweepConfig.Latency f = file == null ? none : file;
    SweepConfig.Latency c = flags == null ? none : flags;
    return new LatencySweep(
        pick(c.batch(), f.batch(), DEFAULTS.batch()),
        pick(c.heads(), f.heads(), DEFAULTS.heads()),
        pick(c.seqLen(), f.seqLen(), DEFAULTS.seqLen()),
        pick(c.headDim(), f.headDim(), DEFAULTS.headDim()),
        pick(c.causal(), f.causal(), DEFAULTS.causal()),
        pick(c.methods(), f.methods(), DEFAULTS.methods()).stream()
            .map(LatencySweep::method)
            .toList(),
        pick(c.scope(), f.scope(), DEFAULTS.scope()).stream()
            .flatMap(
                s ->
                    s.trim().equals("both")
                        ? List.of(Scope.KERNEL, Scope.END_TO_END).stream()
                        : List.of(Scope.parse(s)).stream())
            .distinct()
            .toList(),
        pick(c.softmaxScale(), f.softmaxScale(), DEFAULTS.softmaxScale()));
  }

  /** The softmax scale of the timed attention at head dim {@code d}: given, else 1/sqrt(d). */
  public double softmaxScaleFor(int d) {
    return softmaxScale != null ? softmaxScale : 1.0 / Math.sqrt(d);
  }

  private static <T> T pick(T flag, T file, T fallback) {
    return flag != null ? flag : file != null ? file : fallback;
  }

  private static Method method(String id) {
    try {
      return Method.parse(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /** Points in run order: per head dim and causality, all methods at one N before the next N. */
  public List<LatencyBench.Point> points() {
    List<LatencyBench.Point> points = new ArrayList<>();
    for (int d : headDims) {
      for (boolean c : causal) {
        for (int n : seqLens.stream().sorted().toList()) {
          for (Scope scope : scopes) {
            for (Method m : methods) {
              points.add(
                  new LatencyBench.Point(
                      m, new Shape(batch, heads, n, d, c), scope, softmaxScaleFor(d)));
            }
          }
        }
      }
    }
    return points;
  }
}
