package dev.attnbench.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bc, the keys per online-softmax block, as docs/ARITHMETIC.md states it for every method, head dim
 * and instruction path: it changes the rounding, so the emulation and the kernels must agree, and
 * on a machine without a GPU nothing else checks the emulation's side. The exceptions to Bc = 128
 * are written out here from the document, not from KernelTraits.
 */
class KeyBlockContractTest {

  /** "fp16 and int8-half at D=128 have Bc = 64 on mma.sync"; fp8 and fp8-e4m3 64 on mma.sync. */
  private static int documented(Method m, int d, MmaPath path) {
    if (path == MmaPath.MMA_SYNC && Set.of(Method.FP8, Method.FP8_E4M3).contains(m)) return 64;
    if (path == MmaPath.MMA_SYNC && d == 128 && Set.of(Method.FP16, Method.INT8_HALF).contains(m)) {
      return 64;
    }
    return 128;
  }

  @Test
  void everyMethodsKeyBlockIsTheDocumentedOne() {
    int sixtyFours = 0;
    for (Method m : Method.values()) {
      for (int d : KernelTraits.HEAD_DIMS) {
        for (MmaPath path : MmaPath.values()) {
          int bc = documented(m, d, path);
          assertEquals(bc, KernelTraits.keyBlock(m, d, path), m.id() + " D=" + d + " " + path.id());
          if (bc == 64) sixtyFours++;
        }
      }
    }
    // fp8 and fp8-e4m3 at both D, fp16 and int8-half at D=128, all on mma.sync.
    assertEquals(6, sixtyFours);
  }
}
