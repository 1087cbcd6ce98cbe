package dev.attnbench.report;

import dev.attnbench.metrics.ErrorStats;
import java.util.ArrayList;
import java.util.List;

/** Test rows: an emulation run of {@code methods} over {@code dists} at N = 1k and 2k, D = 64. */
public final class AccuracyRowGrid {
  private AccuracyRowGrid() {}

  /** Every metric of a row is its method's MRE: fp16 2e-4, fp8 5e-3, int8 4e-3. */
  public static List<AccuracyRow> of(List<String> dists, List<String> methods) {
    List<AccuracyRow> rows = new ArrayList<>();
    for (String dist : dists) {
      for (int n : List.of(1024, 2048)) {
        for (String m : methods) {
          double mre = m.equals("fp16") ? 2e-4 : m.equals("fp8") ? 5e-3 : 4e-3;
          rows.add(
              new AccuracyRow(
                  m,
                  dist,
                  1,
                  2,
                  n,
                  64,
                  false,
                  8,
                  5,
                  new ErrorStats(mre, mre, mre, mre, mre, 1),
                  "cpu-emulation"));
        }
      }
    }
    return rows;
  }
}
