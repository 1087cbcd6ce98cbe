package dev.attnbench.backend.cuda;

import dev.attnbench.input.Distribution;
import dev.attnbench.input.LatencyInputs;
import jcuda.driver.CUstream;

/**
 * Fills FP16 device tensors with seeded random values ({@code kernels/fill.cu}): the benchmark's
 * inputs at B=4, H=32, N=16k, D=128 are 268M elements per tensor, which Java would take minutes to
 * draw and upload. Element {@code i} depends only on (seed, i), so the values do not depend on the
 * launch shape.
 */
public final class DeviceFill {
  private static final int THREADS = 256;

  private final Kernel normal;
  private final Kernel uniform;
  private final int blocks;

  public DeviceFill(KernelLibrary library, GpuInfo gpu) {
    this.normal = library.kernel("fill_normal_f16");
    this.uniform = library.kernel("fill_uniform_f16");
    this.blocks = gpu.gridStrideBlocks();
  }

  /**
   * {@code out} (FP16, every element) from {@code dist}: normal(mean, std) or uniform[lo, hi), the
   * two the device generator has ({@link LatencyInputs} admits no other).
   */
  public void draw(DeviceBuffer out, Distribution dist, long seed, CUstream stream) {
    Kernel k =
        switch (dist.kind()) {
          case NORMAL -> normal;
          case UNIFORM -> uniform;
          default -> throw new IllegalArgumentException("no device generator for " + dist.id());
        };
    k.launch(
        blocks,
        1,
        1,
        THREADS,
        0,
        stream,
        out,
        out.bytes() / 2,
        seed,
        (float) dist.a(),
        (float) dist.b());
  }
}
