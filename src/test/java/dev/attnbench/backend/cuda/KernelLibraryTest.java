package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  @Test
  void everyBoundedEntryBelongsToAMethodsKernelAndEveryEntryHasItsTensorMapMaker() {
    KernelLibrary library = KernelLibrary.packaged();
    assumeFalse(library.files().isEmpty(), "the build had no nvcc: no kernels packaged");
    Set<String> mains = new HashSet<>();
    for (Method m : Method.values()) {
      for (int d : KernelTraits.HEAD_DIMS) {
        mains.add(KernelEntries.attention(m, d));
      }
    }
    int boundedEntries = 0;
    for (String file : library.files()) {
      List<String> entries = KernelModule.packagedEntries(file);
      for (String e : entries) {
        String main = KernelEntries.mainOf(e);
        if (!main.equals(e)) {
          assertTrue(mains.contains(main), e + " names no method's kernel");
          assertTrue(entries.contains(main), e + " is not in " + main + "'s module");
          assertTrue(
              entries.contains(KernelEntries.tensorMaps(e)),
              e + " has no tensor-map maker beside it");
          boundedEntries++;
        } else if (mains.contains(e)) {
          assertTrue(
              entries.contains(KernelEntries.tensorMaps(e)),
              e + " has no tensor-map maker beside it");
        }
      }
    }
    // At D=64 fp16, fp8-native, the four INT8-P kernels and int8-half (attn_forward.cuh, "Short
    // sequences"; one warpgroup per block, int8-half's, int8-plus's and int8+qsum's since v67), and
    // at D=128 fp16 (v41) and int8-half (v42) in persistent blocks, fp8-native and the four INT8-P
    // kernels on one warpgroup per block (v70; persistent blocks from v41 and v45).
    // And the four INT8-P kernels' mid-sequence entries at D=128, in persistent blocks (v71).
    // (v44 to v65 also had causal-only entries, int8's and int8+u8p's at D=64.)
    assertEquals(14 + 4, boundedEntries);
    assertEquals(
        "attn_int8plus_d64_short", KernelEntries.shortSequence(Method.INT8_PLUS_SMOOTHK, 64));
  }
}
