package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.bench.PeerScript;
import dev.attnbench.method.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesStylesTest {

  /** Every method and every peer's method is told apart by its colour alone. */
  @Test
  void everyMethodAndPeerHasAColourOfItsOwn() {
    List<String> names = new ArrayList<>();
    for (Method m : Method.values()) names.add(m.id());
    names.addAll(PeerScript.METHODS);
    Set<java.awt.Color> colours = new HashSet<>();
    for (String n : names) colours.add(SeriesStyles.of(n).color());
    assertEquals(names.size(), colours.size(), names.toString());
  }

  /** A name the table does not hold still keeps its colour and marker from chart to chart. */
  @Test
  void anUnknownMethodIsDrawnAlikeEachTime() {
    String name = "method-" + new java.util.SplittableRandom().nextInt(1_000_000);
    assertEquals(SeriesStyles.of(name), SeriesStyles.of(name));
  }
}
