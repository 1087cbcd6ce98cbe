package dev.attnbench.backend.cuda.selftest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import org.junit.jupiter.api.Test;

class KnownDeparturesTest {
  private static GpuInfo gpu(int major, int minor) {
    return new GpuInfo(
        "test GPU", major, minor, 132, 50L << 20, 80L << 30, 13000, 1_980_000, 232448);
  }

  @Test
  void onlyFp8NativeOnHopperIsAKnownDeparture() {
    for (MmaPath path : MmaPath.values()) {
      assertNotNull(KnownDepartures.reason(Method.FP8_NATIVE, gpu(9, 0), path), path.id());
      // On Ada the kernel runs the native e4m3 mma.sync; nothing measured there, so it is held to
      // the contract.
      assertNull(KnownDepartures.reason(Method.FP8_NATIVE, gpu(8, 9), path), path.id());
      for (Method m : Method.values()) {
        if (m != Method.FP8_NATIVE) {
          assertNull(KnownDepartures.reason(m, gpu(9, 0), path), m.id());
        }
      }
    }
  }

  @Test
  void theReasonNamesTheInstructionPathThatRan() {
    // On Hopper the mma.sync path's e4m3 mma runs on the f16 tensor cores, not on wgmma's FP8 ones.
    assertTrue(
        KnownDepartures.reason(Method.FP8_NATIVE, gpu(9, 0), MmaPath.WGMMA).contains("wgmma"));
    assertFalse(
        KnownDepartures.reason(Method.FP8_NATIVE, gpu(9, 0), MmaPath.MMA_SYNC).contains("wgmma"));
  }

  @Test
  void aDepartingCaseThatLeavesElementsUnwrittenStillFails() {
    // judge() reports allWritten = false for NaN output: the selftest counts that as FAIL even for
    // a known departure, since no accumulator explains an element never written.
    float[] gpu = {Float.NaN, 1f};
    float[] emu = {0.5f, 1f};
    double[] ref = {0.5, 1.0};
    SelftestCase c = new SelftestCase(Method.FP8_NATIVE, new Shape(1, 1, 2, 64, false), 2);
    GpuSelftest.Verdict v = GpuSelftest.judge(c, gpu, emu, ref, 1.0);
    assertFalse(v.ok());
    assertFalse(v.allWritten());
  }
}
