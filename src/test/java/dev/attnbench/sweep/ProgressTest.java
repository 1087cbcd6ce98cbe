package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ETA of the progress lines, on a clock the test moves (so no test waits or races). */
class ProgressTest {

  private long nanos;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress lines(double... work) {
    return new Progress.Lines(
        work, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> nanos);
  }

  private void at(double seconds) {
    nanos = Math.round(seconds * 1e9);
  }

  /** The ETA the last line printed, e.g. "12s", or "" when it printed none. */
  private String eta() {
    String[] printed = bytes.toString(StandardCharsets.UTF_8).split("\n");
    String last = printed[printed.length - 1];
    int at = last.indexOf("ETA ");
    return at < 0 ? "" : last.substring(at + 4);
  }

  /** Point {@code index} runs one step from {@code from} and finishes at {@code to} seconds. */
  private void measure(Progress p, int index, double from, double to) {
    at(from);
    p.step(index, "point " + index);
    at(to);
    p.finished(index);
  }

  @Test
  void noEtaUntilTwoPointsHaveFinished() {
    Progress p = lines(1, 1, 1, 1);
    p.step(0, "first step");
    assertEquals("", eta());
    at(5);
    p.step(0, "second step");
    assertEquals("", eta(), "nothing finished yet: the time so far says nothing of a point's");
    p.finished(0);
    p.step(1, "next point");
    assertEquals("", eta(), "the first point is the warm-up: it gives no rate");
    at(10);
    p.finished(1);
    p.step(2, "third point");
    assertEquals("10s", eta(), "two points left at the second one's 5 s");
  }

  @Test
  void theFirstPointIsLeftOut() {
    Progress p = lines(1, 1, 1);
    // The first point also pays for the JIT: 100 s, where the points take 10.
    measure(p, 0, 0, 100);
    measure(p, 1, 100, 110);
    p.step(2, "last");
    assertEquals("10s", eta());
  }

  @Test
  void etaFallsWhileAPointRunsAndWaitsAtItsEstimate() {
    Progress p = lines(1, 1, 1, 1);
    measure(p, 0, 0, 100);
    measure(p, 1, 100, 110);
    p.step(2, "step a");
    assertEquals("20s", eta());
    at(114);
    p.step(2, "step b");
    assertEquals("16s", eta(), "4 s into the point, 4 s less: not more, as the old ETA had it");
    at(125);
    p.step(2, "step c");
    assertEquals("10s", eta(), "past its 10 s the point adds nothing; the last one's 10 s remain");
  }

  @Test
  void resumedPointsAreNotMeasured() {
    Progress p = lines(1, 1, 1, 1, 1);
    // A resumed run's first two points were finished before: no step of theirs runs here.
    p.finished(0);
    p.finished(1);
    measure(p, 2, 0, 100);
    measure(p, 3, 100, 110);
    p.step(4, "last");
    assertEquals("10s", eta(), "10 s points: the resumed ones' 0 s are no measurement");
  }

  @Test
  void aPointIsEstimatedFromItsWork() {
    Progress p = lines(1, 1, 2, 4);
    measure(p, 0, 0, 100);
    measure(p, 1, 100, 110);
    measure(p, 2, 110, 130);
    p.step(3, "four times the work");
    assertEquals("40s", eta());
  }

  /**
   * A GPU bench (results/2026-12-04-h200-stop48-tool) read "ETA 2m21s" after its 1k points, for 6 s
   * in all: from points of one work nothing says how time grows with it.
   */
  @Test
  void noEtaWhileOneWorkIsMeasuredAndAnotherIsLeft() {
    Progress p = lines(1, 1, 1, 16, 16);
    measure(p, 0, 0, 100);
    measure(p, 1, 100, 110);
    measure(p, 2, 110, 120);
    p.step(3, "sixteen times the work");
    assertEquals("", eta());
    at(140);
    p.finished(3);
    p.step(4, "the last");
    assertEquals("20s", eta(), "10 s + 20 s at work 16 - 1 and 16: fitted per point and per work");
  }

  @Test
  void aFixedCostPerPointIsFittedBesideTheWork() {
    // Points of work 1, 2, 4, 8 that take 1 s + 1 s per unit of work (after the warm-up point).
    Progress p = lines(1, 2, 4, 8);
    measure(p, 0, 0, 50);
    measure(p, 1, 50, 53);
    measure(p, 2, 53, 58);
    p.step(3, "work 8");
    assertEquals("9s", eta(), "1 s + 8 × 1 s; work-proportional it would say 10 s");
  }

  @Test
  void anUnphysicalFitFallsBackToASimplerModel() {
    List<Progress.Cost.Sample> faster =
        List.of(new Progress.Cost.Sample(1, 10), new Progress.Cost.Sample(2, 6));
    assertEquals(new Progress.Cost(8, 0), Progress.Cost.fit(faster), "bigger but faster: the mean");
    List<Progress.Cost.Sample> steep =
        List.of(new Progress.Cost.Sample(1, 1), new Progress.Cost.Sample(2, 5));
    assertEquals(
        new Progress.Cost(0, 2), Progress.Cost.fit(steep), "a negative overhead: proportional");
    List<Progress.Cost.Sample> alike =
        List.of(new Progress.Cost.Sample(3, 6), new Progress.Cost.Sample(3, 12));
    assertEquals(new Progress.Cost(9, 0), Progress.Cost.fit(alike), "one work: its mean");
  }

  /**
   * A resumed point of another work, already done, does not hold back the ETA: only the points
   * still to run need a fit that spans their work.
   */
  @Test
  void aResumedPointOfAnotherWorkDoesNotHoldBackTheEta() {
    Progress p = lines(1, 1, 1, 1, 5);
    p.finished(4); // kept from the interrupted run: no step ran here
    measure(p, 0, 0, 1); // the warm-up
    measure(p, 1, 1, 2);
    measure(p, 2, 2, 3);
    at(3);
    p.step(3, "point 3");
    assertEquals("1s", eta());
  }

  /** Once every point is done there is no time left to estimate: no ETA, not "0s". */
  @Test
  void aFinishedRunShowsNoEta() {
    Progress p = lines(1, 2, 3);
    measure(p, 0, 0, 1);
    measure(p, 1, 1, 2);
    measure(p, 2, 2, 4);
    assertTrue(p.eta.remaining().isEmpty(), p.eta.remaining().toString());
  }

  /**
   * The bar's line fits the terminal with a bar of at least its narrowest width, cutting the step
   * instead (at 80 columns the library's own line had squeezed the bar to "[ ]"); with room, the
   * whole step shows; done, it shows no ETA rather than "ETA ?".
   */
  @Test
  void theBarsLineFitsTheTerminalByCuttingTheStepNotTheBar() {
    String step = " [3/10] normal N=16384 D=128 int8-half (cpu-emulation)";
    Optional<Duration> left = Optional.of(Duration.ofSeconds(75));
    for (int width : new int[] {60, 80, 100}) {
      String line = Progress.Bar.line("accuracy", 0.21, Duration.ofSeconds(5), left, step, width);
      assertTrue(line.length() < width, width + ": " + line);
      assertTrue(line.startsWith("accuracy  21% ["), line);
      int bar = line.indexOf(']') - line.indexOf('[') - 1;
      assertTrue(bar >= Progress.Bar.NARROWEST && bar <= Progress.Bar.WIDEST, line);
      String drawn = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
      assertEquals("=".repeat((int) (bar * 0.21)) + ">", drawn.strip(), line);
      assertTrue(line.contains("] 5s ETA 1m15s [3/10] normal"), line);
      assertTrue(line.endsWith("...") || line.endsWith(step), line);
    }
    String wide = Progress.Bar.line("accuracy", 0.5, Duration.ofSeconds(5), left, step, 200);
    assertTrue(wide.endsWith(step), wide);
    assertEquals(Progress.Bar.WIDEST + 2, wide.indexOf(']') - wide.indexOf('[') + 1, wide);
    String done =
        Progress.Bar.line("accuracy", 1, Duration.ofSeconds(9), Optional.empty(), step, 80);
    assertTrue(done.startsWith("accuracy 100% [" + "=".repeat(Progress.Bar.NARROWEST)), done);
    assertFalse(done.contains("ETA"), done);
  }
}
