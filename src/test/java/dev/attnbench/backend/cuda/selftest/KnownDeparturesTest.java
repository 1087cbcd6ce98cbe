package dev.attnbench.backend.cuda.selftest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.backend.cuda.DeviceBuffer;
import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import dev.attnbench.numeric.Fp16;
import java.util.SplittableRandom;
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
  void aMissOfAKnownDepartureDepartsOnlyWhenEveryElementWasWritten() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    Shape shape = new Shape(1, 1, 1 + rnd.nextInt(64), 64, rnd.nextBoolean());
    int n = shape.seqLen() * shape.headDim();
    double[] ref = new double[n];
    float[] emu = new float[n];
    for (int i = 0; i < n; i++) {
      ref[i] = 0.3 * rnd.nextGaussian();
      emu[i] = Fp16.round((float) ref[i]);
    }
    SelftestCase c = new SelftestCase(Method.FP8_NATIVE, shape, shape.seqLen());
    MmaPath path = MmaPath.values()[rnd.nextInt(MmaPath.values().length)];
    String known = KnownDepartures.reason(Method.FP8_NATIVE, gpu(9, 0), path);
    String unknown = KnownDepartures.reason(Method.FP8_NATIVE, gpu(8, 9), path);
    String why = "seed " + seed + " " + path.id();
    assertNotNull(known, why);
    assertNull(unknown, why);

    // Within the tolerance: PASS, whatever the reason.
    GpuSelftest.Verdict within = GpuSelftest.judge(c, emu.clone(), emu, ref, 1.0);
    assertTrue(within.ok(), why + ": " + within.detail());
    assertFalse(GpuSelftest.departsAsKnown(within, known), why);

    // Outside it (beyond fp8-native's P-flip bound of 2/16 at |V| = 1), every element written.
    float[] missed = emu.clone();
    int far = rnd.nextInt(n);
    missed[far] += (rnd.nextBoolean() ? 1 : -1) * (0.5f + rnd.nextFloat());
    GpuSelftest.Verdict outside = GpuSelftest.judge(c, missed, emu, ref, 1.0);
    assertFalse(outside.ok(), why + ": " + outside.detail());
    assertTrue(outside.allWritten(), why + ": " + outside.detail());
    assertTrue(GpuSelftest.departsAsKnown(outside, known), why + ": DEPART");
    assertFalse(GpuSelftest.departsAsKnown(outside, unknown), why + ": no known reason, FAIL");

    // The same miss with the launch's FP16 NaN poison left in some elements: FAIL.
    float[] holes = missed.clone();
    for (int k = 1 + rnd.nextInt(Math.min(n - 1, 8)); k > 0; k--) {
      int i = rnd.nextInt(n - 1);
      holes[i < far ? i : i + 1] = Fp16.fromBits(DeviceBuffer.FP16_NAN_BITS);
    }
    GpuSelftest.Verdict unwritten = GpuSelftest.judge(c, holes, emu, ref, 1.0);
    assertFalse(unwritten.ok(), why + ": " + unwritten.detail());
    assertFalse(unwritten.allWritten(), why + ": " + unwritten.detail());
    assertFalse(GpuSelftest.departsAsKnown(unwritten, known), why + ": unwritten, FAIL");
  }
}
