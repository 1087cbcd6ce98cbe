package dev.attnbench.sweep;

import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.Scope;
import dev.attnbench.method.Method;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The points of a latency sweep that the GPU cannot run, told once per method and reason for the
 * whole sweep. Why a point cannot run depends on its method, head dim and scope, never on N, so a
 * line per point said the same thing once per sequence length.
 */
final class SkippedPoints {
  private record Key(Method method, String why) {}

  private record Where(Set<Scope> scopes, TreeSet<Integer> headDims) {}

  private final Map<Key, Where> skipped = new LinkedHashMap<>();

  void add(LatencyBench.Point p, String why) {
    Where w =
        skipped.computeIfAbsent(
            new Key(p.method(), why), k -> new Where(EnumSet.noneOf(Scope.class), new TreeSet<>()));
    w.scopes().add(p.scope());
    w.headDims().add(p.shape().headDim());
  }

  /**
   * One line per method and reason, e.g. {@code attn-bench: fp8-e4m3 has no end-to-end latency:
   * <why>; timing it kernel-only}.
   */
  List<String> lines(LatencySweep sweep) {
    List<String> lines = new ArrayList<>();
    skipped.forEach(
        (k, w) -> {
          boolean onlyEndToEnd = w.scopes().equals(EnumSet.of(Scope.END_TO_END));
          String what =
              w.scopes().size() > 1
                  ? "no latency"
                  : onlyEndToEnd ? "no end-to-end latency" : "no kernel-only latency";
          String where =
              w.headDims().equals(new TreeSet<>(sweep.headDims()))
                  ? ""
                  : " at D="
                      + w.headDims().stream().map(String::valueOf).collect(Collectors.joining(","));
          // The end-to-end reason is about the quantize step: the attention kernel itself still
          // runs.
          String instead =
              onlyEndToEnd && sweep.scopes().contains(Scope.KERNEL)
                  ? "; timing it kernel-only"
                  : "";
          lines.add(
              "attn-bench: " + k.method().id() + " has " + what + where + ": " + k.why() + instead);
        });
    return lines;
  }

  void print(LatencySweep sweep, PrintStream err) {
    lines(sweep).forEach(err::println);
  }
}
