package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.L2Flush;
import dev.attnbench.bench.LatencyRunFacts;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A latency run resumed with other inputs, another sampling or another sweep would put two
 * conditions in one latency.csv, under the second run's run.json.
 */
class ResumedRunTest {

  @TempDir Path dir;

  static final ColdSampling WRITE_FLUSH =
      new ColdSampling(StdRelCriterion.of(0.005, Duration.ofSeconds(1)), L2Flush.WRITE, true);

  static LatencySweep sweep(Double scale) {
    return LatencySweep.resolve(
        null,
        new SweepConfig.Latency(
            1, 2, List.of(256, 512), List.of(64), null, List.of("fp16"), null, scale));
  }

  ResumedRun interruptedRunOf(LatencyInputs inputs) {
    ResultFolder folder = ResultFolder.open(dir, true);
    RunRecord.write(
        folder,
        Map.of(
            "command",
            "bench",
            "status",
            "running",
            "sweep",
            sweep(null),
            "measurement",
            LatencyRunFacts.measurement(WRITE_FLUSH, inputs)));
    return ResumedRun.of(dir, List.of());
  }

  @Test
  void theSameInputsSamplingAndSweepResume() {
    ResumedRun run = interruptedRunOf(LatencyInputs.parse("uniform(0,1)", 4));
    assertDoesNotThrow(
        () ->
            run.requireMeasurement(
                LatencyRunFacts.measurement(WRITE_FLUSH, LatencyInputs.parse("uniform", 4))));
    // The latency default, 1.3, given explicitly is the same sweep.
    assertDoesNotThrow(() -> run.requireSweep("sweep", List.of(sweep(1.3))));
  }

  @Test
  void otherInputsOrAnotherSeedAreRefusedNamingBoth() {
    ResumedRun run = interruptedRunOf(LatencyInputs.parse("uniform(0,1)", 4));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                run.requireMeasurement(
                    LatencyRunFacts.measurement(WRITE_FLUSH, LatencyInputs.normal(4))));
    assertEquals(
        "--resume "
            + dir
            + ": that run timed with inputs uniform(0,1) drawn on the GPU, seed 4, not normal(0,1)"
            + " drawn on the GPU, seed 4; give the same --input-dist, --seed and sampling flags as"
            + " the interrupted run",
        e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () ->
            run.requireMeasurement(
                LatencyRunFacts.measurement(WRITE_FLUSH, LatencyInputs.parse("uniform(0,1)", 5))));
  }

  @Test
  void anotherL2FlushIsRefused() {
    ResumedRun run = interruptedRunOf(LatencyInputs.normal(1));
    ColdSampling read =
        new ColdSampling(StdRelCriterion.of(0.005, Duration.ofSeconds(1)), L2Flush.READ, true);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                run.requireMeasurement(LatencyRunFacts.measurement(read, LatencyInputs.normal(1))));
    assertEquals(
        "--resume "
            + dir
            + ": that run timed with l2_flush write, not read; give the same --input-dist, --seed"
            + " and sampling flags as the interrupted run",
        e.getMessage());
  }

  /** The scale was not compared: rows at 1.3 and at 0.125 sat in one latency.csv. */
  @Test
  void anotherSoftmaxScaleIsRefused() {
    ResumedRun run = interruptedRunOf(LatencyInputs.normal(1));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> run.requireSweep("sweep", List.of(sweep(0.125))));
    assertEquals(
        "--resume "
            + dir
            + ": that folder ran a different sweep (softmaxScale 1.3, not 0.125); give the same"
            + " config and flags as the interrupted run",
        e.getMessage());
  }

  @Test
  void aRunJsonThatDoesNotSayHowItSampledIsTakenAsItIs() {
    RunRecord.write(ResultFolder.open(dir, true), Map.of("command", "bench", "status", "running"));
    assertDoesNotThrow(
        () ->
            ResumedRun.of(dir, List.of())
                .requireMeasurement(
                    LatencyRunFacts.measurement(WRITE_FLUSH, LatencyInputs.normal(1))));
  }

  /** Jackson's message spanned two lines and named neither run.json nor anything a user wrote. */
  @Test
  void aDamagedRunJsonIsNamedOnOneLine() throws Exception {
    Files.writeString(dir.resolve(RunRecord.FILE), "{broken");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ResumedRun.of(dir, List.of()));
    assertEquals(
        "--resume "
            + dir
            + ": not a readable run folder ("
            + dir.resolve(RunRecord.FILE)
            + " is not a run record (line 1): Unexpected character ('b'): was expecting"
            + " double-quote to start field name)",
        e.getMessage());
    Files.writeString(dir.resolve(RunRecord.FILE), "[1, 2]");
    e = assertThrows(InvalidInputException.class, () -> ResumedRun.of(dir, List.of()));
    assertEquals(
        true, e.getMessage().endsWith("(line 1): expected a JSON object)"), e.getMessage());
  }
}
