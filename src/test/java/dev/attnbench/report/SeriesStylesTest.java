package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.bench.LatencyRow;
import dev.attnbench.bench.PeerScript;
import dev.attnbench.method.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class SeriesStylesTest {

  /** Every method and every peer's method is told apart by its colour alone. */
  @Test
  void everyMethodAndPeerHasAColourOfItsOwn() {
    List<String> names = new ArrayList<>();
    for (Method m : Method.values()) names.add(m.id());
    names.addAll(PeerScript.METHODS);
    Set<java.awt.Color> colours = new HashSet<>();
    for (String n : names) colours.add(SeriesStyles.of(n).color());
    assertEquals(names.size(), colours.size(), names.toString());
  }

  /**
   * A name the table does not hold still keeps its colour and marker from chart to chart, whatever
   * else each chart holds and in whichever order its series come (XChart's own colours go by
   * order).
   */
  @Test
  void anUnknownMethodIsDrawnAlikeInEveryChart() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    String name = "method-" + random.nextInt(1_000_000);
    List<XYChart> charts = new ArrayList<>();
    for (List<String> methods :
        List.of(List.of("fp16", name), List.of(name, "int8", "fp8", "torch-cudnn"))) {
      List<LatencyRow> rows = new ArrayList<>();
      for (String m : methods) {
        for (int n : List.of(1024, 4096)) {
          rows.add(ClaimsEvaluatorTest.timing(m, n, random.nextDouble(0.5, 40)));
        }
      }
      charts.add(Charts.latencyVsN(rows, 64, false, "kernel"));
    }
    for (XYChart c : charts) {
      XYSeries s = c.getSeriesMap().get(name);
      String why = name + ", seed " + seed + ", " + c.getSeriesMap().keySet();
      assertEquals(SeriesStyles.of(name).color(), s.getLineColor(), why);
      assertEquals(SeriesStyles.of(name).color(), s.getMarkerColor(), why);
      assertEquals(SeriesStyles.of(name).marker(), s.getMarker(), why);
    }
  }
}
