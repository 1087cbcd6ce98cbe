package dev.attnbench.report;

import java.awt.AWTError;
import java.awt.HeadlessException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;

/**
 * The charts of one report, drawn one after another until one cannot be. Charts come last in a run,
 * after every measurement is saved, so a Java runtime that cannot draw them (no font libraries on a
 * bare GPU host: UnsatisfiedLinkError from libfontmanager) must cost the charts, not the report.
 * The first failure is remembered and the remaining charts are not tried: each would fail the same
 * way, or worse, with a NoClassDefFoundError from the font classes whose initialisation failed.
 */
final class ChartDrawing {
  private final ChartRenderer renderer;
  private final ResultFolder folder;
  private final String redraw;
  private final List<Drawn> drawn = new ArrayList<>();
  private ChartsNotDrawn notDrawn;

  /**
   * @param redraw the command that draws these charts on another machine, offered when this Java
   *     runtime is what failed
   */
  ChartDrawing(ChartRenderer renderer, ResultFolder folder, String redraw) {
    this.renderer = renderer;
    this.folder = folder;
    this.redraw = redraw;
  }

  /**
   * Builds and saves chart {@code name} (a path without extension) unless an earlier chart failed
   * or it has nothing to draw. Building is inside the guard too: it already creates AWT fonts.
   */
  void draw(String name, Supplier<XYChart> chart) {
    if (notDrawn != null) return;
    try {
      XYChart c = chart.get();
      if (!Charts.hasData(c)) return;
      renderer.save(c, folder, name);
      drawn.add(new Drawn(name + ".png", c.getTitle()));
    } catch (UncheckedIOException | OutOfMemoryError | StackOverflowError e) {
      // Our own write failed (disk full, no permission), or the JVM is in trouble: REPORT.md would
      // fail too, so this is the run's failure, not the charts'.
      throw e;
    } catch (LinkageError | AWTError | HeadlessException | InternalError e) {
      // InternalError and AWTError are what AWT's font set-up throws when fontconfig finds no
      // fonts.
      notDrawn =
          new ChartsNotDrawn(
              "this Java runtime cannot render fonts (" + message(e) + ")", Optional.of(redraw));
    } catch (RuntimeException | Error e) {
      // Anything else from XChart or AWT (or a chart of ours that cannot be built): the report
      // still goes out, and the exception names the fault. It lies in the data or in this tool,
      // not in the runtime, so another machine would fail alike: no command to draw them there.
      notDrawn =
          new ChartsNotDrawn(
              "drawing them failed (" + e.getClass().getSimpleName() + ": " + message(e) + ")",
              Optional.empty());
    }
  }

  /**
   * A chart drawn: its PNG file, relative to the folder, and its title (what REPORT.md gives as its
   * alternative text, where the file name said little to a reader who cannot see the image).
   */
  record Drawn(String file, String title) {}

  /** The charts drawn, in the order drawn. */
  List<Drawn> drawn() {
    return List.copyOf(drawn);
  }

  /** Why the charts (from the first failed one on) were not drawn; empty when all were. */
  Optional<ChartsNotDrawn> notDrawn() {
    return Optional.ofNullable(notDrawn);
  }

  /** The innermost cause's message on one line: what names the missing library or font. */
  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
