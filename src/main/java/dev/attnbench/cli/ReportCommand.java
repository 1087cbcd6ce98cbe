package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.report.ClaimsCsv;
import dev.attnbench.report.ReportWriter;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.ResultSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attn-bench report DIR...}: REPORT.md and every chart from the CSVs and run.json alone — no
 * GPU, no rerun. One folder: the report is written into it. Several: one comparison report in
 * {@code --out}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Regenerate REPORT.md, claims.csv and charts from result folders (several folders: one"
            + " comparison report).")
public final class ReportCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Result folders (with accuracy.csv and/or latency.csv).")
  List<Path> dirs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where a comparison report goes (needed for several DIRs).")
  Path out;

  @Override
  public Integer call() {
    OutputOptions.requireFolderPath("--out", out);
    List<ResultSet> sets = dirs.stream().map(ResultSet::load).toList();
    refuseRepeats(dirs);
    for (ResultSet rs : sets) {
      if (rs.accuracy().isEmpty() && rs.latency().isEmpty() && rs.jmh().isEmpty()) {
        // Else a report of "not measured" rows, blaming whatever run.json says (or a missing GPU
        // where it says nothing) for CSVs that hold their headers alone.
        throw new InvalidInputException(
            "result folder '"
                + rs.dir()
                + "' holds no measured rows (its CSVs hold only a header)");
      }
    }
    Path target = out != null ? out : dirs.size() == 1 ? dirs.get(0) : null;
    if (target == null) {
      throw new InvalidInputException(
          "report of " + dirs.size() + " folders: --out DIR is needed for the comparison report");
    }
    if (dirs.size() > 1) {
      for (Path dir : dirs) {
        if (sameFolder(target, dir) || inside(target, dir)) {
          // The comparison's REPORT.md and charts/ would replace that run's own, silently.
          throw new InvalidInputException(
              "--out '"
                  + out
                  + "' is (or is inside) the result folder '"
                  + dir
                  + "': a comparison report would overwrite that run's own REPORT.md and charts;"
                  + " choose a folder that is none of the compared ones");
        }
      }
    }
    boolean ownFolder = dirs.size() == 1 && (out == null || sameFolder(target, dirs.get(0)));
    if (!ownFolder && ResultFolder.holdsRun(target)) {
      // Another run's folder: its REPORT.md would describe other CSVs than the ones beside it.
      throw new InvalidInputException(
          "--out '"
              + out
              + "' holds a run of its own: "
              + (dirs.size() > 1 ? "a comparison report" : "the report of '" + dirs.get(0) + "'")
              + " would replace its REPORT.md, claims.csv and charts; choose a new folder");
    }
    // Regenerating a report in a result folder rewrites only REPORT.md, claims.csv and charts/,
    // never the measurements' CSVs.
    ResultFolder folder = ResultFolder.open(target, true);
    List<String> charts;
    try {
      charts = ReportWriter.write(sets, folder, System.err);
    } catch (UncheckedIOException e) {
      // An output the user cannot write to (a read-only result folder copied from elsewhere, a
      // full disk) is theirs to put right, like a bad flag: one line with the path and the OS's
      // reason. Each file is written atomically, so none is left half-written.
      throw new InvalidInputException(e.getMessage(), e);
    }
    System.out.printf(
        "wrote %s, %s and %s (PNG + SVG)%n",
        folder.resolve("REPORT.md"), ClaimsCsv.FILE, chartCount(charts.size()));
    return 0;
  }

  /**
   * A comparison of a run with itself (one folder given twice, perhaps as "A" and "./A" or through
   * a link) would show two identical columns as if two runs agreed. Each folder is loaded by now,
   * so each has a real path to compare.
   */
  private static void refuseRepeats(List<Path> dirs) {
    Map<Path, Path> seen = new HashMap<>();
    for (Path dir : dirs) {
      Path real;
      try {
        real = dir.toRealPath();
      } catch (IOException e) {
        throw new InvalidInputException(
            "result folder '" + dir + "' cannot be resolved: " + e.getMessage(), e);
      }
      Path first = seen.putIfAbsent(real, dir);
      if (first != null) {
        throw new InvalidInputException(
            "result folder '"
                + real
                + "' is given twice (as '"
                + first
                + "' and '"
                + dir
                + "'): give each folder once (a report compares different runs)");
      }
    }
  }

  /** Whether {@code out} lies inside {@code dir} (its charts/, say), by their absolute paths. */
  private static boolean inside(Path out, Path dir) {
    return out.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
  }

  /**
   * Whether {@code out} is the folder {@code dir} (a folder the results were loaded from) under
   * another spelling: a relative path, a trailing "/.", a symbolic link.
   */
  private static boolean sameFolder(Path out, Path dir) {
    if (!Files.exists(out)) return false;
    try {
      return Files.isSameFile(out, dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "--out '" + out + "' cannot be compared with '" + dir + "': " + e.getMessage(), e);
    }
  }

  /** "1 chart", "4 charts". */
  static String chartCount(int n) {
    return n + (n == 1 ? " chart" : " charts");
  }
}
