package dev.attnbench.backend.cuda.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scales the GPU suite checks at, and how they are named. */
class CheckedScaleTest {

  @Test
  void rsqrtIsEachShapesOwnAndANumberIsItself() {
    Shape d64 = new Shape(1, 1, 17, 64, false);
    Shape d128 = new Shape(1, 1, 17, 128, true);
    CheckedScale r = CheckedScale.parse("rsqrt");
    assertEquals(0.125, r.of(d64));
    assertEquals(1 / Math.sqrt(128), r.of(d128));
    assertEquals(1.3, CheckedScale.parse(" 1.3").of(d128));
    assertEquals("1/sqrt(D)", r.label());
    assertEquals("1.3", CheckedScale.parse("1.3").label());
  }

  /** By default the smallest and the largest scale the configs use: 1/sqrt(D) and 1.3. */
  @Test
  void theDefaultsBracketTheConfigsScales() {
    assertEquals(List.of(CheckedScale.RSQRT_D, new CheckedScale(1.3)), CheckedScale.DEFAULTS);
  }

  /**
   * The whole message, value included: a number is named as read, anything else as given, quoted (a
   * contains(bad) check held for "" whatever the message said).
   */
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|softmax scale 0.0 is not allowed (a finite number > 0, or rsqrt)",
        "-2|softmax scale -2.0 is not allowed (a finite number > 0, or rsqrt)",
        "Infinity|softmax scale Infinity is not allowed (a finite number > 0, or rsqrt)",
        "NaN|softmax scale NaN is not allowed (a finite number > 0, or rsqrt)",
        "1/sqrt(D)|softmax scale '1/sqrt(D)' is not allowed (rsqrt for 1/sqrt(D), or a number > 0)",
        "''|softmax scale '' is not allowed (rsqrt for 1/sqrt(D), or a number > 0)",
      })
  void aScaleThatIsNotOneIsRefusedNamingIt(String bad, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CheckedScale.parse(bad), bad);
    assertEquals(message, e.getMessage());
  }

  /** The log names the scale of every case, so two lines of one shape can be told apart. */
  @Test
  void aCaseLabelNamesItsScale() {
    Shape shape = new Shape(4, 32, 1025, 128, true);
    SelftestCase a = new SelftestCase(Method.INT8, shape, 16);
    SelftestCase b = new SelftestCase(Method.INT8, a.entry(), shape, 16, CheckedScale.parse("1.3"));
    assertTrue(a.label().contains("scale 1/sqrt(D)"), a.label());
    assertTrue(b.label().contains("scale 1.3 "), b.label());
    assertEquals(a.label().length(), b.label().length());
  }
}
