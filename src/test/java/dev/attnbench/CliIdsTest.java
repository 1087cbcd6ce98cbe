package dev.attnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.bench.Scope;
import org.junit.jupiter.api.Test;

class CliIdsTest {

  @Test
  void aChoiceIsFoundByItsTrimmedId() {
    assertEquals(Scope.END_TO_END, Scope.parse(" end-to-end "));
    assertEquals(Scope.KERNEL, Scope.parse("kernel"));
  }

  @Test
  void anyOtherValueNamesItselfAndEveryAllowedId() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Scope.parse("all"));
    assertEquals("scope 'all' is not allowed (allowed: kernel, end-to-end, both)", e.getMessage());
  }
}
