package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.attnbench.method.Method;
import org.junit.jupiter.api.Test;

/** The entry manifests that kernels/build.sh writes: read without a GPU (nothing is loaded). */
class KernelLibraryTest {

  @Test
  void everyMethodKernelIsFoundInTheManifestsWithoutLoadingAModule() {
    KernelLibrary library = KernelLibrary.packaged();
    assumeFalse(library.files().isEmpty(), "the build had no nvcc: no kernels packaged");
    for (Method m : Method.values()) {
      for (int d : new int[] {64, 128}) {
        String entry = KernelEntries.attention(m, d);
        assertTrue(library.has(entry), entry + " missing from the manifests");
      }
    }
    assertTrue(library.has(KernelEntries.V_TRANSPOSE));
    assertFalse(library.has("attn_no_such_kernel_d64"));
    assertEquals(
        "int8_attention",
        library.files().stream()
            .filter(f -> KernelModule.packagedEntries(f).contains("attn_int8_d64"))
            .findFirst()
            .orElseThrow());
  }
}
