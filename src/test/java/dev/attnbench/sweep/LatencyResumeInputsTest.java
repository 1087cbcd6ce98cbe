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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A latency run resumed with other inputs would put two conditions in one latency.csv. */
class LatencyResumeInputsTest {

  @TempDir Path dir;

  ResultFolder interruptedRunOf(LatencyInputs inputs) {
    ResultFolder folder = ResultFolder.open(dir, true);
    ColdSampling sampling =
        new ColdSampling(StdRelCriterion.of(0.005, Duration.ofSeconds(1)), L2Flush.WRITE, true);
    RunRecord.write(
        folder,
        Map.of(
            "command", "bench",
            "status", "running",
            "measurement", LatencyRunFacts.measurement(sampling, inputs)));
    return folder;
  }

  @Test
  void theSameInputsResume() {
    ResultFolder folder = interruptedRunOf(LatencyInputs.parse("uniform(0,1)", 4));
    assertDoesNotThrow(
        () -> LatencyJob.checkResumedInputs(folder, LatencyInputs.parse("uniform", 4)));
  }

  @Test
  void otherInputsOrAnotherSeedAreRefusedNamingBoth() {
    ResultFolder folder = interruptedRunOf(LatencyInputs.parse("uniform(0,1)", 4));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> LatencyJob.checkResumedInputs(folder, LatencyInputs.normal(4)));
    assertEquals(
        "--resume "
            + dir
            + ": that run timed inputs uniform(0,1) drawn on the GPU, seed 4, not normal(0,1)"
            + " drawn on the GPU, seed 4; give the same --input-dist and --seed",
        e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> LatencyJob.checkResumedInputs(folder, LatencyInputs.parse("uniform(0,1)", 5)));
  }

  @Test
  void aRunJsonThatDoesNotSayIsTakenAsItIs() {
    ResultFolder folder = ResultFolder.open(dir, true);
    RunRecord.write(folder, Map.of("command", "bench", "status", "running"));
    assertDoesNotThrow(() -> LatencyJob.checkResumedInputs(folder, LatencyInputs.normal(1)));
  }
}
