package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyInputsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "normal|normal(0,1) drawn on the GPU, seed 5",
        "normal(0,0.25)|normal(0,0.25) drawn on the GPU, seed 5",
        "uniform|uniform(0,1) drawn on the GPU, seed 5",
        " uniform( -1 , 1 ) |uniform(-1,1) drawn on the GPU, seed 5",
      })
  void runJsonNamesTheDistributionWithItsParametersAndTheSeed(String spec, String line) {
    assertEquals(line, LatencyInputs.parse(spec, 5).describe());
  }

  @Test
  void reproduceTimesThePapersInputs() {
    LatencyInputs in = LatencyInputs.normal(9);
    assertEquals(Distribution.parse("normal(0,1)"), in.distribution());
    assertEquals(9, in.seed());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "outlier|--input-dist 'outlier' is not allowed",
        "kbias(8,10)|--input-dist 'kbias(8,10)' is not allowed",
        "cauchy|--input-dist 'cauchy' is not allowed",
        // Malformed: named with the latency list (the accuracy one offered outlier and kbias).
        "normal(0,1|--input-dist 'normal(0,1' is not allowed",
        "uniform(1,0)|--input-dist uniform(1,0): distribution 'uniform(1,0)' is not allowed: hi must be > lo",
        "normal(0,x)|--input-dist normal(0,x): distribution 'normal(0,x)': parameters must be numbers",
      })
  void whatTheDeviceCannotDrawIsRefusedNamingTheValueAndWhatIsAllowed(String spec, String msg) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> LatencyInputs.parse(spec, 1));
    assertTrue(e.getMessage().startsWith(msg), e.getMessage());
    if (msg.endsWith("not allowed")) {
      assertTrue(
          e.getMessage()
              .endsWith(
                  "(latency inputs are drawn on the GPU; allowed: normal[(mean,std)], uniform[(lo,hi)])"),
          e.getMessage());
    }
  }

  @Test
  void inputsBeyondFp16AreRefusedAsAnAccuracySweepsAre() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> LatencyInputs.parse("normal(0,1e5)", 1));
    assertEquals(
        "--input-dist normal(0,1e5): distribution 'normal(0,100000)' is not allowed: |mean| +"
            + " 8·std is 800000, beyond 32752 (half FP16's largest value: an output, a mean of V"
            + " under rounded weights, can reach twice V's largest)",
        e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> LatencyInputs.parse("uniform(0,1e30)", 1));
    assertTrue(
        e.getMessage()
            .startsWith(
                "--input-dist uniform(0,1e30): distribution 'uniform(0,1.0E30)' is not allowed: the"
                    + " larger of |lo| and |hi| is 1.0E30, beyond 32752"),
        e.getMessage());
    assertEquals(
        "uniform(-32752,32752) drawn on the GPU, seed 1",
        LatencyInputs.parse("uniform(-32752,32752)", 1).describe());
  }

  @Test
  void aHostOnlyDistributionCannotBeBuiltDirectlyEither() {
    assertThrows(
        InvalidInputException.class,
        () -> new LatencyInputs(Distribution.of(Distribution.Kind.OUTLIER), 1));
  }
}
