package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import org.junit.jupiter.api.Test;

/**
 * The check of an entry's launch constants against the emulation's contract, without a GPU: the
 * kernel's exported Bc and denominator weight against KernelTraits and Recipe.
 */
class LaunchContractTest {

  private static LaunchShape exported(int keyBlock, boolean countsPTilde) {
    return exported(keyBlock, countsPTilde, MmaPath.WGMMA);
  }

  private static LaunchShape exported(int keyBlock, boolean countsPTilde, MmaPath path) {
    return new LaunchShape(
        192,
        keyBlock,
        512,
        200_000,
        LaunchShape.ANY_SEQ_LEN,
        false,
        LaunchShape.ANY_SEQ_LEN,
        countsPTilde,
        path);
  }

  @Test
  void int8HalfCountsPTildeAtD64AndPAtD128AndFp8NativePTildeAtBoth() {
    Method m = Method.INT8_HALF;
    assertDoesNotThrow(() -> CudaAttention.checkContract("e", exported(128, true), m, 64));
    assertDoesNotThrow(() -> CudaAttention.checkContract("e", exported(128, false), m, 128));
    assertThrows(
        CudaException.class, () -> CudaAttention.checkContract("e", exported(128, false), m, 64));
    assertThrows(
        CudaException.class, () -> CudaAttention.checkContract("e", exported(128, true), m, 128));
    for (int d : new int[] {64, 128}) {
      int dim = d;
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(128, true), Method.FP8_NATIVE, dim));
      assertThrows(
          CudaException.class,
          () -> CudaAttention.checkContract("e", exported(128, false), Method.FP8_NATIVE, dim));
    }
  }

  @Test
  void aMismatchNamesTheEntryAndBothSides() {
    CudaException e =
        assertThrows(
            CudaException.class,
            () ->
                CudaAttention.checkContract(
                    "attn_int8half_d128", exported(128, true), Method.INT8_HALF, 128));
    assertTrue(e.getMessage().startsWith("attn_int8half_d128's denominator counts P̃"));
    assertTrue(e.getMessage().contains("Recipe.of(int8-half, 128) says p"), e.getMessage());
  }

  @Test
  void theMethodsWhoseWeightIsTheirDefinitionKeepItAtBothHeadDims() {
    for (int d : new int[] {64, 128}) {
      int dim = d;
      // int8-plus counts its quantized P̃ by definition; fp16 and the paper's int8 count p
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(128, true), Method.INT8_PLUS, dim));
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(128, false), Method.FP16, dim));
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(128, false), Method.INT8, dim));
      assertThrows(
          CudaException.class,
          () -> CudaAttention.checkContract("e", exported(128, true), Method.FP16, dim));
    }
  }

  @Test
  void aKeyBlockOtherThanTheEmulationsIsRefused() {
    assertThrows(
        CudaException.class,
        () -> CudaAttention.checkContract("e", exported(64, false), Method.FP16, 64));
    // the widened FP8 kernels run 128-key blocks on wgmma (v59 at D=64, v60 at D=128), 64 on
    // mma.sync
    for (Method m : new Method[] {Method.FP8, Method.FP8_E4M3}) {
      for (int d : new int[] {64, 128}) {
        assertDoesNotThrow(() -> CudaAttention.checkContract("e", exported(128, false), m, d));
        assertThrows(
            CudaException.class, () -> CudaAttention.checkContract("e", exported(64, false), m, d));
        assertDoesNotThrow(
            () -> CudaAttention.checkContract("e", exported(64, false, MmaPath.MMA_SYNC), m, d));
        assertThrows(
            CudaException.class,
            () -> CudaAttention.checkContract("e", exported(128, false, MmaPath.MMA_SYNC), m, d));
      }
    }
  }

  @Test
  void fp16AndInt8HalfAtD128TakeTheirPathsBc() {
    for (Method m : new Method[] {Method.FP16, Method.INT8_HALF}) {
      // kernels v54: two m-tiles a warp on 64-key blocks on mma.sync, 128-key blocks on wgmma
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(64, false, MmaPath.MMA_SYNC), m, 128));
      assertDoesNotThrow(
          () -> CudaAttention.checkContract("e", exported(128, false, MmaPath.WGMMA), m, 128));
      CudaException e =
          assertThrows(
              CudaException.class,
              () ->
                  CudaAttention.checkContract("e", exported(128, false, MmaPath.MMA_SYNC), m, 128));
      assertTrue(e.getMessage().contains("Bc = 128 keys per block on mma.sync"), e.getMessage());
      assertThrows(
          CudaException.class,
          () -> CudaAttention.checkContract("e", exported(64, false, MmaPath.WGMMA), m, 128));
    }
    // the INT8-P kernels keep 128-key blocks on both paths
    assertThrows(
        CudaException.class,
        () ->
            CudaAttention.checkContract(
                "e", exported(64, false, MmaPath.MMA_SYNC), Method.INT8, 128));
  }
}
