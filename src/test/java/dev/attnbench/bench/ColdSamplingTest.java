package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import dev.attnbench.input.LatencyInputs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How samples are taken, as run.json and the PyTorch peer's flags say it. */
class ColdSamplingTest {
  private static final StdRelCriterion CRITERION = StdRelCriterion.of(0.005, Duration.ofSeconds(3));

  @Test
  void flushIdsParseBackAndOthersAreRefusedNamingTheAllowedOnes() {
    for (L2Flush f : L2Flush.values()) {
      assertEquals(f, L2Flush.parse(f.id()));
      assertEquals(f, L2Flush.parse(" " + f.id() + " "));
    }
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> L2Flush.parse("none"));
    assertEquals("--l2-flush 'none' is not allowed (allowed: write, read)", e.getMessage());
  }

  @Test
  void runJsonSaysWhichFlushAndWhetherTheStreamWasBlocked() {
    for (L2Flush f : L2Flush.values()) {
      for (boolean blocked : new boolean[] {true, false}) {
        ColdSampling s = new ColdSampling(CRITERION, f, blocked);
        Map<String, Object> m = LatencyRunFacts.measurement(s, LatencyInputs.normal(7));
        assertEquals(f.id(), m.get("l2_flush"));
        assertEquals(blocked, m.get("blocking_kernel"));
        String mode = (String) m.get("mode");
        assertTrue(mode.contains(f.description()), mode);
        assertTrue(mode.contains(blocked ? "blocking kernel while" : "no blocking kernel"), mode);
        assertEquals(0.005, m.get("stdrel"));
        assertEquals("normal(0,1) drawn on the GPU, seed 7", m.get("inputs"));
      }
    }
  }

  @Test
  void thePeerGetsTheSameFlushBlockingAndInputs() {
    for (L2Flush f : L2Flush.values()) {
      for (boolean blocked : new boolean[] {true, false}) {
        List<String> args =
            PythonPeer.Request.of(
                    new ColdSampling(CRITERION, f, blocked),
                    LatencyInputs.parse("uniform", 3).distribution(),
                    4,
                    32,
                    List.of(1024),
                    List.of(64),
                    List.of(false),
                    OptionalDouble.empty())
                .arguments();
        int i = args.indexOf("--l2-flush");
        assertEquals(f.id(), args.get(i + 1), args.toString());
        assertEquals(!blocked, args.contains("--no-block"), args.toString());
        assertEquals("uniform(0,1)", args.get(args.indexOf("--inputs") + 1), args.toString());
      }
    }
  }
}
