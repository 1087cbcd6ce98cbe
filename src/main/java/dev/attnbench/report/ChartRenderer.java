package dev.attnbench.report;

import org.knowm.xchart.XYChart;

/**
 * Saves one chart into a result folder; {@link Charts#save} in the tool. An interface so a test can
 * stand in a renderer that fails the way a Java runtime without fonts does.
 */
@FunctionalInterface
interface ChartRenderer {
  void save(XYChart chart, ResultFolder folder, String name);
}
