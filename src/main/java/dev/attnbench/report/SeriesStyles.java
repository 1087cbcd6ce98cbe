package dev.attnbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How the charts draw each series, fixed by what it shows rather than by the order it was added.
 * XChart colours series in the order they are added, so before this a method changed colour from
 * chart to chart (the speedup chart has no fp16 series, which moved every other method's), and in a
 * comparison of runs the same method took another colour on each machine. Here a method has one
 * colour and marker in every chart of every report (int8 red with a triangle), a peer a lighter
 * shade of the kind it is compared with, and a run of a comparison its own line pattern; the
 * paper's figures and the tensor-core ceilings are dashed in the colour of what they refer to.
 */
final class SeriesStyles {
  private SeriesStyles() {}

  /** A method's colour and marker. */
  record Style(Color color, Marker marker) {}

  private static final Map<String, Style> METHODS =
      Map.ofEntries(
          Map.entry("fp16", new Style(new Color(0x1f77b4), SeriesMarkers.CIRCLE)),
          Map.entry("fp8", new Style(new Color(0xff7f0e), SeriesMarkers.DIAMOND)),
          Map.entry("fp8-e4m3", new Style(new Color(0x8c564b), SeriesMarkers.SQUARE)),
          Map.entry("fp8-native", new Style(new Color(0x2ca02c), SeriesMarkers.TRIANGLE_DOWN)),
          Map.entry("int8-half", new Style(new Color(0x17becf), SeriesMarkers.OVAL)),
          Map.entry("int8", new Style(new Color(0xd62728), SeriesMarkers.TRIANGLE_UP)),
          Map.entry("int8-plus", new Style(new Color(0x9467bd), SeriesMarkers.SQUARE)),
          Map.entry("int8-plus-smoothk", new Style(new Color(0xe377c2), SeriesMarkers.DIAMOND)),
          Map.entry("int8+u8p", new Style(new Color(0xbcbd22), SeriesMarkers.CIRCLE)),
          Map.entry("int8+qsum", new Style(new Color(0xc49c94), SeriesMarkers.DIAMOND)),
          Map.entry("int8+vchan", new Style(new Color(0x393b79), SeriesMarkers.TRIANGLE_DOWN)),
          Map.entry("int8+smoothk", new Style(new Color(0x637939), SeriesMarkers.OVAL)),
          // Peers: PyTorch's FP16 backends in a lighter and a darker blue than our fp16, Triton's
          // FP16 in grey, the authors' INT8 in a lighter red than ours, each with its own marker.
          Map.entry("torch-flash", new Style(new Color(0x9ecae1), SeriesMarkers.CROSS)),
          Map.entry("torch-cudnn", new Style(new Color(0x08519c), SeriesMarkers.PLUS)),
          Map.entry("triton-fp16", new Style(new Color(0x969696), SeriesMarkers.RECTANGLE)),
          Map.entry("authors-int8", new Style(new Color(0xff9896), SeriesMarkers.TRAPEZOID)),
          // The authors' INT8 over their FP16 (the paper's claim on its own code): their marker,
          // in a dark red that stands apart from their INT8 over ours and from our int8.
          Map.entry(Charts.AUTHORS_RATIO, new Style(new Color(0x7f0000), SeriesMarkers.TRAPEZOID)));

  /**
   * For a name no table entry has (a method added later): a colour and marker chosen by its name,
   * so it too keeps them from chart to chart.
   */
  private static final List<Color> SPARE =
      List.of(new Color(0x843c39), new Color(0x31a354), new Color(0xe6550d), new Color(0x3182bd));

  private static final List<Marker> SPARE_MARKERS =
      List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND);

  static Style of(String method) {
    Style s = METHODS.get(method);
    if (s != null) return s;
    int h = Math.floorMod(method.hashCode(), SPARE.size() * SPARE_MARKERS.size());
    return new Style(SPARE.get(h % SPARE.size()), SPARE_MARKERS.get(h / SPARE.size()));
  }

  /**
   * Line patterns of the runs of a comparison, in the order the runs are given (the first solid).
   * None is the paper's plain dash, which stays the mark of a figure that was not measured here.
   */
  private static final List<BasicStroke> RUNS =
      List.of(
          new BasicStroke(2f),
          stroke(2f, 10f, 3f, 2f, 3f),
          stroke(2f, 2f, 3f),
          stroke(2f, 10f, 3f, 2f, 3f, 2f, 3f));

  /** The paper's figures: dashed, then (a second figure on one chart) with shorter dashes. */
  private static final List<BasicStroke> PAPER = List.of(stroke(2f, 6f, 4f), stroke(2f, 3f, 3f));

  private static final BasicStroke CEILING = stroke(1.5f, 3f, 3f);

  /** Draws {@code s} as {@code method} of the {@code run}-th run (0 for a single run). */
  static void method(XYSeries s, String method, int run) {
    Style style = of(method);
    s.setLineColor(style.color());
    s.setMarkerColor(style.color());
    s.setMarker(style.marker());
    s.setLineStyle(RUNS.get(run % RUNS.size()));
  }

  /**
   * Draws {@code s} as the paper's {@code index}-th figure on its chart for {@code method}: in that
   * method's colour, dashed, with diamonds at its points where {@code marked} (a constant line has
   * no points of its own).
   */
  static void paper(XYSeries s, String method, int index, boolean marked) {
    Color c = of(method).color();
    s.setLineColor(c);
    s.setMarkerColor(c);
    s.setMarker(marked ? SeriesMarkers.DIAMOND : SeriesMarkers.NONE);
    s.setLineStyle(PAPER.get(index % PAPER.size()));
  }

  /**
   * Draws {@code s} as a reference line for {@code method} (the tensor-core ceiling that bounds it,
   * parity with it): thin, dotted, in its colour.
   */
  static void reference(XYSeries s, String method) {
    s.setLineColor(of(method).color());
    s.setMarker(SeriesMarkers.NONE);
    s.setLineStyle(CEILING);
  }

  private static BasicStroke stroke(float width, float... dashes) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes, 0f);
  }
}
