package dev.attnbench.report;

import dev.attnbench.bench.LatencyRow;
import dev.attnbench.method.MmaPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The report's charts: each one a function of a tidy table, saved as PNG and SVG. */
public final class Charts {
  private Charts() {}

  /**
   * Tensor-core ceilings, drawn as reference lines on the throughput charts: what kernels/tools/
   * peak.cu measured on an H200 (results/2026-12-04-h200-stop50-verify/peak), the tensor cores
   * doing nothing else, on random operands, at the clock the card held under that load (1,515 MHz
   * for f16 and 1,560 for e4m3 wgmma: its power limit; 1,738-1,815 for the others). Per clock they
   * are the architecture's rates: 4,096 f16 and 8,192 s8 / e4m3 FLOP a clock an SM on wgmma, two
   * thirds of that for f16 and s8 on mma.sync (e4m3 on mma.sync, about half, has no line). Each
   * instruction path gets its own, since the kernels' path sets which instruction bounds them.
   */
  enum Ceiling {
    WGMMA_F16("f16 wgmma", MmaPath.WGMMA, 818, "fp16"),
    WGMMA_S8("s8 wgmma", MmaPath.WGMMA, 1877, "int8"),
    WGMMA_E4M3("e4m3 wgmma", MmaPath.WGMMA, 1685, "fp8-native"),
    MMA_SYNC_F16("f16 mma.sync", MmaPath.MMA_SYNC, 645, "fp16"),
    MMA_SYNC_S8("s8 mma.sync", MmaPath.MMA_SYNC, 1302, "int8");

    final String name;
    final MmaPath path;
    final double teraOps;

    /** The method whose colour the line takes: the one that instruction bounds. */
    final String drawnAs;

    Ceiling(String name, MmaPath path, double teraOps, String drawnAs) {
      this.name = name;
      this.path = path;
      this.teraOps = teraOps;
      this.drawnAs = drawnAs;
    }
  }

  /**
   * Whether those ceilings hold for a GPU: the H200 SXM they were measured on, and the H100 SXM,
   * which has the same SM count, clocks and tensor cores (nvidia-smi names them "NVIDIA H100 80GB
   * HBM3" and "NVIDIA H200"). The PCIe and NVL parts have fewer SMs or lower clocks, and other GPUs
   * other tensor cores, so their charts get no ceiling rather than a wrong one.
   */
  static boolean ceilingsApply(String gpu) {
    String g = gpu.toUpperCase(Locale.ROOT);
    return (g.contains("H100") || g.contains("H200")) && !g.contains("PCIE") && !g.contains("NVL");
  }

  /**
   * A chart against the sequence length N, on a log axis labelled at the powers of two (1k, 2k, ...
   * 16k, as the paper's figures and the configs name N). XChart's own log axis labels decades only
   * (1000, 1E4), so the series carry log2(N) on a linear axis ({@link #addSeries}) and the ticks
   * that fall on an integer get a label; the others stay blank.
   */
  private static Panel chart(String title, String y, boolean logY) {
    XYChart c =
        new XYChartBuilder()
            .width(1000)
            .height(560)
            .title(title)
            .xAxisTitle("sequence length N (log scale)")
            .yAxisTitle(y)
            .build();
    Styler s = c.getStyler();
    // Beside the plot: inside, a corner hides some series' points (the paper's N=1k speedup,
    // fp8's error at small N).
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setYAxisLogarithmic(logY);
    c.getStyler().setxAxisTickLabelsFormattingFunction(Charts::powerOfTwoLabel);
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(16f));
    return new Panel(c);
  }

  /**
   * A chart being built. Its measured series are drawn by {@link SeriesStyles}: in their method's
   * colour and marker, and in the line pattern of their run, the runs numbered in the order their
   * first series came (a single run's are all the first's).
   */
  private static final class Panel {
    final XYChart chart;
    private final List<String> runs = new ArrayList<>();

    Panel(XYChart chart) {
      this.chart = chart;
    }

    /**
     * Adds the series {@code name} of points (N, y), drawn as {@code method} of run {@code run}.
     */
    XYSeries measured(
        String name, String run, String method, Collection<Integer> xs, List<Double> ys) {
      if (!runs.contains(run)) runs.add(run);
      XYSeries s = addSeries(chart, name, xs, ys);
      SeriesStyles.method(s, method, runs.indexOf(run));
      if (name.length() > LONG_LEGEND) {
        // The legend sits beside the plot in a chart of fixed width: a comparison's long names
        // (each prefixed with its run's label) took the width from the plot and clipped the title.
        Styler st = chart.getStyler();
        st.setLegendFont(st.getLegendFont().deriveFont(9f));
        st.setChartTitleFont(st.getChartTitleFont().deriveFont(13f));
      }
      return s;
    }

    /** Adds a measured series whose name is a method, or "run: method" in a comparison. */
    XYSeries measured(String name, Collection<Integer> xs, List<Double> ys) {
      RunMethod rm = RunMethod.of(name);
      return measured(name, rm.run(), rm.method(), xs, ys);
    }

    /**
     * Adds the series {@code name}: {@code method}'s MRE over {@code base}'s by N, from {@code byN}
     * (N → method → MRE), at the N where both are positive (a log axis has no place for an exact
     * result, MRE 0, and XChart would refuse the chart for one). The N drawn; none, no series.
     */
    List<Integer> errorRatio(
        String name,
        String run,
        String method,
        String base,
        Map<Integer, Map<String, Double>> byN) {
      List<Integer> ns =
          byN.keySet().stream()
              .filter(n -> byN.get(n).getOrDefault(method, 0.0) > 0)
              .filter(n -> byN.get(n).getOrDefault(base, 0.0) > 0)
              .toList();
      if (!ns.isEmpty()) {
        measured(
            name,
            run,
            method,
            ns,
            ns.stream().map(n -> byN.get(n).get(method) / byN.get(n).get(base)).toList());
      }
      return ns;
    }

    /**
     * Adds a horizontal line at {@code y} across the N that the series drawn so far span (a
     * ceiling, parity, a claim made for every N). Call it after the measured series.
     */
    XYSeries across(String name, double y) {
      DoubleSummaryStatistics x = data(chart, XYSeries::getXData).summaryStatistics();
      List<Integer> ends =
          List.of(
              (int) Math.round(Math.pow(2, x.getMin())), (int) Math.round(Math.pow(2, x.getMax())));
      return addSeries(chart, name, ends, List.of(y, y));
    }
  }

  /**
   * A row's method as a comparison names it, "NVIDIA H200: int8" (ReportWriter prefixes each run's
   * methods with its label), split into the run and the method; a single run's is the method alone.
   * Method ids hold no ": ", so the last one is the split even where a label holds one.
   */
  record RunMethod(String run, String method) {
    static RunMethod of(String name) {
      int i = name.lastIndexOf(": ");
      return i < 0
          ? new RunMethod("", name)
          : new RunMethod(name.substring(0, i + 2), name.substring(i + 2));
    }
  }

  /** The label of an N-axis tick at log2(N) = {@code x}: "16k" for 2^14, "" between powers. */
  static String powerOfTwoLabel(double x) {
    long k = Math.round(x);
    if (Math.abs(x - k) > 1e-6 || k < 0 || k > 40) return "";
    long n = 1L << k;
    return n >= 1024 ? (n / 1024) + "k" : Long.toString(n);
  }

  /** ", causal" in the titles of charts of causal attention. */
  private static String masking(boolean causal) {
    return causal ? ", causal" : "";
  }

  /** Median kernel latency vs N per method, log-log. */
  public static XYChart latencyVsN(
      List<LatencyRow> rows, int headDim, boolean causal, String scope) {
    Panel c =
        chart(
            "Attention latency, D=" + headDim + masking(causal) + " (" + scope + ", median)",
            "latency (ms)",
            true);
    byMethod(rows, headDim, causal, scope)
        .forEach(
            (m, pts) ->
                c.measured(
                    m, pts.keySet(), pts.values().stream().map(LatencyRow::medianMs).toList()));
    return c.chart;
  }

  /**
   * Speedup over our fp16 kernel vs N per method, with the paper's INT8 speedups beside (and the
   * authors' INT8 over its own FP16 baseline, where the run timed them). {@code sets} maps a
   * series-name prefix (the machine, when comparing several) to that machine's rows: each method is
   * divided by the fp16 of its own machine. The paper's figures are for non-causal attention at
   * D=64 and appear on the non-causal charts only; its label names D=64, so that on the D=128 chart
   * it reads as the reference it is, not as a D=128 measurement.
   */
  public static XYChart speedupVsN(
      Map<String, List<LatencyRow>> sets, int headDim, boolean causal) {
    Panel c =
        chart(
            "Speedup over fp16 FlashAttention, D=" + headDim + masking(causal) + " (kernel only)",
            "speedup (×)",
            false);
    sets.forEach(
        (prefix, rows) -> {
          Map<String, TreeMap<Integer, LatencyRow>> byMethod =
              byMethod(rows, headDim, causal, "kernel");
          TreeMap<Integer, LatencyRow> fp16 = byMethod.get("fp16");
          if (fp16 != null) {
            byMethod.forEach(
                (m, pts) -> {
                  if (!m.equals("fp16")) ratioSeries(c, prefix, m, m, pts, fp16);
                });
          }
          // The paper's claim on the paper's own code (--peer authors=DIR): the authors' INT8
          // over the Triton FP16 it was written from, their baseline.
          TreeMap<Integer, LatencyRow> authors = byMethod.get("authors-int8");
          TreeMap<Integer, LatencyRow> triton = byMethod.get("triton-fp16");
          if (authors != null && triton != null) {
            ratioSeries(c, prefix, AUTHORS_RATIO, AUTHORS_RATIO, authors, triton);
          }
        });
    if (c.chart.getSeriesMap().isEmpty()) return c.chart;
    // Parity, thin and dotted in fp16's colour: above it a method beats its FP16 baseline.
    SeriesStyles.reference(c.across(PARITY, 1.0), "fp16");
    if (causal) return c.chart;
    List<Integer> paperN = List.of(1024, 2048, 4096, 8192, 16384);
    XYSeries paper =
        addSeries(
            c.chart,
            "paper: int8 (A100, D=64)",
            paperN,
            paperN.stream().map(n -> 1 + PaperClaims.speedup(n).orElseThrow()).toList());
    SeriesStyles.paper(paper, "int8", 0, true);
    return c.chart;
  }

  /**
   * The authors' INT8 over their own FP16 baseline: a series of its own style, since in the
   * authors-int8 one it could not be told from their INT8 over our fp16 on the same chart.
   */
  static final String AUTHORS_RATIO = "authors-int8 over triton-fp16";

  /** The speedup charts' line at 1×. */
  static final String PARITY = "1× (as fast as the FP16 baseline)";

  /**
   * The series "{@code run}{@code name}" of {@code base}'s median over {@code pts}' at the N both
   * have, drawn as {@code method}; none if none.
   */
  private static void ratioSeries(
      Panel c,
      String run,
      String name,
      String method,
      TreeMap<Integer, LatencyRow> pts,
      TreeMap<Integer, LatencyRow> base) {
    List<Integer> ns = pts.keySet().stream().filter(base::containsKey).toList();
    if (ns.isEmpty()) return;
    c.measured(
        run + name,
        run,
        method,
        ns,
        ns.stream().map(n -> base.get(n).medianMs() / pts.get(n).medianMs()).toList());
  }

  /**
   * Achieved TFLOP/s (TOP/s for INT8) vs N per method, against the measured ceilings of {@code
   * path}, the instruction the kernels took (none where it is not known).
   */
  public static XYChart tflopsVsN(
      List<LatencyRow> rows, int headDim, boolean causal, Optional<MmaPath> path) {
    Panel c =
        chart(
            "Throughput, D="
                + headDim
                + masking(causal)
                + " (kernel only; 4·B·H·N²·D per run"
                + (causal ? ", halved" : "")
                + ")",
            "TFLOP/s (TOP/s for INT8)",
            false);
    Map<String, TreeMap<Integer, LatencyRow>> byMethod = byMethod(rows, headDim, causal, "kernel");
    byMethod.forEach(
        (m, pts) ->
            c.measured(m, pts.keySet(), pts.values().stream().map(LatencyRow::tflops).toList()));
    List<Integer> ns =
        byMethod.values().stream().flatMap(p -> p.keySet().stream()).distinct().sorted().toList();
    boolean hopperSxm = rows.stream().allMatch(r -> ceilingsApply(r.gpu()));
    if (ns.size() >= 2 && hopperSxm && path.isPresent()) {
      for (Ceiling ceiling : Ceiling.values()) {
        if (ceiling.path == path.get()) {
          SeriesStyles.reference(
              c.across(ceiling.name + " ceiling (H200, random operands)", ceiling.teraOps),
              ceiling.drawnAs);
        }
      }
    }
    return c.chart;
  }

  /** MRE vs N per method for one distribution, log-log. */
  public static XYChart mreVsN(List<AccuracyRow> rows, String distribution, String backend) {
    Panel c =
        chart(
            "Mean relative error vs FP64, " + distribution + " activations (D=64, " + backend + ")",
            "MRE (all elements)",
            true);
    Map<String, TreeMap<Integer, AccuracyRow>> byMethod =
        rows.stream()
            .filter(
                r ->
                    r.distribution().equals(distribution)
                        && r.backend().equals(backend)
                        && r.headDim() == 64
                        && !r.causal()
                        // An exact output (MRE 0: fp16 at N=1 returns a row of V) has no place on
                        // a log axis, and XChart would refuse this chart and every one after it
                        // for it; the report's table still shows it. NaN (a non-finite output) it
                        // leaves out itself.
                        && !(r.error().mre() <= 0))
            .collect(
                Collectors.groupingBy(
                    AccuracyRow::method,
                    LinkedHashMap::new,
                    Collectors.toMap(AccuracyRow::seqLen, r -> r, (a, b) -> a, TreeMap::new)));
    byMethod.forEach(
        (m, pts) ->
            c.measured(m, pts.keySet(), pts.values().stream().map(r -> r.error().mre()).toList()));
    return c.chart;
  }

  /**
   * The paper's accuracy headline by N: MRE_method / MRE_fp8 for {@code int8} and {@code
   * int8-plus}, one series per distribution (and run), with the paper's claims as dashed lines (an
   * 82% reduction is 0.18). On a log axis, as a ratio: drawn as the reduction 1 − ratio in %, the
   * paper's int8 on uniform inputs (−729% at 16k) squeezed every other line and both claims into
   * the top tenth of the chart; a ratio of 8.3 and one of 0.12 sit as far from 1 as they differ.
   */
  public static XYChart mreReductionVsN(List<AccuracyRow> rows, String backend) {
    Panel c =
        chart(
            "Error relative to fp8 (e5m2, unscaled), D=64 (" + backend + "): below 1 is smaller",
            "MRE / MRE_fp8 (log scale)",
            true);
    int paperLines = 0;
    for (String dist : new TreeSet<>(rows.stream().map(AccuracyRow::distribution).toList())) {
      TreeSet<Integer> drawnN = new TreeSet<>(); // a claim is drawn beside measured series only
      errorsByRun(rows, dist, backend)
          .forEach(
              (run, byN) -> {
                for (String m : List.of("int8", "int8-plus")) {
                  // Each run and distribution gets its own line pattern; the method its colour.
                  drawnN.addAll(c.errorRatio(run + m + ", " + dist, run + dist, m, "fp8", byN));
                }
              });
      Optional<Double> claim = PaperClaims.mreReduction(dist);
      if (claim.isPresent() && drawnN.size() >= 2) {
        SeriesStyles.paper(
            c.across("paper: int8, " + dist, 1 - claim.get()), "int8", paperLines++, false);
      }
    }
    wholeDecades(c.chart);
    return c.chart;
  }

  /**
   * What each change of int8 buys (the ablation config's question), for one distribution: each
   * variant's MRE over int8's at the same point, by N, on a log axis with int8's own error at 1;
   * REPORT.md's table of the same as a chart. In a comparison, each run's variants over its own
   * int8. Empty where no variant was run beside int8.
   */
  public static XYChart changesOfInt8VsN(
      List<AccuracyRow> rows, String distribution, String backend) {
    Panel c =
        chart(
            "Each change of int8 against int8, "
                + distribution
                + " activations (D=64, "
                + backend
                + ")",
            "MRE / MRE_int8 (log scale; below 1: a smaller error)",
            true);
    errorsByRun(rows, distribution, backend)
        .forEach(
            (run, byN) -> {
              TreeSet<String> variants = new TreeSet<>();
              byN.values()
                  .forEach(
                      ms ->
                          ms.keySet().stream()
                              .filter(MarkdownReport::isChangeOfInt8)
                              .forEach(variants::add));
              for (String m : variants) c.errorRatio(run + m, run, m, "int8", byN);
            });
    if (!hasData(c.chart)) return c.chart;
    SeriesStyles.reference(c.across("1× (int8's error)", 1.0), "int8");
    wholeDecades(c.chart);
    return c.chart;
  }

  /**
   * The MRE of the error charts' rows (one distribution and backend, D=64, non-causal) by run (""
   * in a single run, "label: " in a comparison, runs in the rows' order), then N, then method.
   */
  private static Map<String, TreeMap<Integer, Map<String, Double>>> errorsByRun(
      List<AccuracyRow> rows, String distribution, String backend) {
    Map<String, TreeMap<Integer, Map<String, Double>>> byRun = new LinkedHashMap<>();
    for (AccuracyRow r : rows) {
      if (r.distribution().equals(distribution)
          && r.backend().equals(backend)
          && r.headDim() == 64
          && !r.causal()) {
        RunMethod rm = RunMethod.of(r.method());
        byRun
            .computeIfAbsent(rm.run(), run -> new TreeMap<>())
            .computeIfAbsent(r.seqLen(), n -> new HashMap<>())
            .put(rm.method(), r.error().mre());
      }
    }
    return byRun;
  }

  /**
   * Widens a ratio chart's log axis to whole decades that hold 1 (as good as fp8). XChart labels a
   * log axis at its decades only: the claims' 0.18 and 0.54 alone, or int8-plus's 0.1-0.2, would
   * span none and get an axis without a single label.
   */
  private static void wholeDecades(XYChart c) {
    DoubleSummaryStatistics y =
        data(c, XYSeries::getYData).filter(v -> v > 0 && Double.isFinite(v)).summaryStatistics();
    if (y.getCount() == 0) return;
    c.getStyler()
        .setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(y.getMin(), 1)))))
        .setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Math.max(y.getMax(), 1)))));
  }

  /** One panel's rows (head dim, masking, scope), per method and then by N. */
  private static Map<String, TreeMap<Integer, LatencyRow>> byMethod(
      List<LatencyRow> rows, int headDim, boolean causal, String scope) {
    return rows.stream()
        .filter(r -> r.headDim() == headDim && r.causal() == causal && r.scope().equals(scope))
        .collect(
            Collectors.groupingBy(
                LatencyRow::method,
                LinkedHashMap::new,
                Collectors.toMap(LatencyRow::seqLen, r -> r, (a, b) -> a, TreeMap::new)));
  }

  /**
   * A series of points (N, y), placed at log2(N) on the N axis ({@link #chart}). The axis is
   * widened to whole powers of two on both sides, so that it always carries labelled ticks (N =
   * 1000 and 1025 alone would span no power of two; one N alone, no range).
   */
  private static XYSeries addSeries(
      XYChart c, String name, Collection<Integer> xs, List<Double> ys) {
    XYSeries added =
        c.addSeries(name, xs.stream().map(n -> Math.log(n) / Math.log(2)).toList(), ys);
    DoubleSummaryStatistics x = data(c, XYSeries::getXData).summaryStatistics();
    double lo = Math.floor(x.getMin() + 1e-9), hi = Math.ceil(x.getMax() - 1e-9);
    c.getStyler().setXAxisMin(hi > lo ? lo : lo - 1).setXAxisMax(hi > lo ? hi : hi + 1);
    return added;
  }

  /** Every x (log2 N) or every y of the chart's series. */
  private static DoubleStream data(XYChart c, Function<XYSeries, double[]> axis) {
    return c.getSeriesMap().values().stream().flatMapToDouble(s -> Arrays.stream(axis.apply(s)));
  }

  /** Measured series' names longer than this get the legend's smaller type ({@link Panel}). */
  static final int LONG_LEGEND = 48;

  /** Whether the chart has anything to draw (a chart without series is not written). */
  public static boolean hasData(XYChart c) {
    return !c.getSeriesMap().isEmpty();
  }

  /** Writes {@code name}.png and {@code name}.svg into {@code folder}, atomically. */
  public static void save(XYChart c, ResultFolder folder, String name) {
    folder.writeBytes(
        name + ".png", out -> BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG));
    folder.writeBytes(
        name + ".svg",
        out ->
            VectorGraphicsEncoder.saveVectorGraphic(
                c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
  }
}
