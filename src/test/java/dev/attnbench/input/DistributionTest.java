package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "normal(0,1e5); distribution 'normal(0,100000)' is not allowed: |mean| + 8·std is 800000,"
            + " beyond 32752 (half FP16's largest value",
        "normal(-30000,400); distribution 'normal(-30000,400)' is not allowed: |mean| + 8·std is"
            + " 33200, beyond 32752",
        "uniform(0,1e30); distribution 'uniform(0,1.0E30)' is not allowed: the larger of |lo| and"
            + " |hi| is 1.0E30, beyond 32752",
        "uniform(-40000,0); distribution 'uniform(-40000,0)' is not allowed: the larger of |lo| and"
            + " |hi| is 40000, beyond 32752",
        "outlier(4,10000); distribution 'outlier(4,10000)' is not allowed: 8·scale is 80000, beyond"
            + " 65504 (FP16's largest value: Q and K are FP16)",
        "kbias(8,65500); distribution 'kbias(8,65500)' is not allowed: bias + 8 is 65508, beyond"
            + " 65504",
        // All inputs 0: every method's error read exactly 0, a perfect score measuring nothing.
        "normal(0,1e-30); distribution 'normal(0,1.0E-30)' is not allowed: |mean| + 8·std is"
            + " 8.0E-30, below FP16's smallest normal value 6.103515625E-5 (the inputs would be"
            + " subnormal or 0)",
        "uniform(0,1e-5); distribution 'uniform(0,1.0E-5)' is not allowed: the larger of |lo| and"
            + " |hi| is 1.0E-5, below FP16's smallest normal value",
        "normal(0,1e400); distribution 'normal(0,1e400)': parameters must be finite numbers, not 1e400",
        "uniform(NaN,1); distribution 'uniform(NaN,1)': parameters must be finite numbers, not NaN",
      })
  void parametersWhoseValuesLeaveFp16AreRefusedOnOneLine(String spec, String message) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Distribution.parse(spec));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "uniform(-32752,32752)",
        "normal(0,4094)",
        "normal(32744,1)",
        "outlier(4,8188)",
        "kbias(8,65496)"
      })
  void theLimitsThemselvesAreAllowed(String spec) {
    assertDoesNotThrow(() -> Distribution.parse(spec));
  }

  @Test
  void aDistributionBuiltInCodeIsCheckedAlike() {
    assertThrows(
        InvalidInputException.class,
        () -> new Distribution(Distribution.Kind.NORMAL, Double.NaN, 1));
    assertThrows(
        InvalidInputException.class,
        () -> new Distribution(Distribution.Kind.UNIFORM, 0, Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "normal(0,1); normal",
        "uniform(-1,1); uniform(-1,1)",
        "uniform(-0.5,0.25); uniform(-0.5,0.25)",
        "normal(0,1e-4); normal(0,1.0E-4)",
        // A channel count has no upper bound until a head dim is known; 1e20 was written as 2^63 -
        // 1.
        "outlier(1e20,2); outlier(1.0E20,2)",
        "kbias(9007199254740992,1); kbias(9.007199254740992E15,1)",
      })
  void theRecordedSpellingReadsBackAsTheSameDistribution(String spec, String id) {
    Distribution d = Distribution.parse(spec);
    assertEquals(id, d.id());
    assertEquals(d, Distribution.parse(d.id()));
  }

  @Test
  void moreOutlierOrBiasChannelsThanTheHeadDimAreRefused() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> Distribution.parse("outlier(100,20)").checkHeadDim(64));
    assertEquals(
        "distribution 'outlier(100,20)' is not allowed at head-dim 64: channels must be <= the head"
            + " dim",
        e.getMessage());
    assertThrows(
        InvalidInputException.class, () -> Distribution.parse("kbias(65,1)").checkHeadDim(64));
    assertDoesNotThrow(() -> Distribution.parse("outlier(64,20)").checkHeadDim(64));
    assertDoesNotThrow(() -> Distribution.parse("normal(100,1)").checkHeadDim(16));
  }
}
