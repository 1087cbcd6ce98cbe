package dev.attnbench.backend.cuda;

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

  /** {@code out} (FP16, every element) from normal(mean, std). */
  public void normal(DeviceBuffer out, long seed, float mean, float std, CUstream stream) {
    normal.launch(blocks, 1, 1, THREADS, 0, stream, out, out.bytes() / 2, seed, mean, std);
  }

  /** {@code out} (FP16, every element) from uniform[lo, hi). */
  public void uniform(DeviceBuffer out, long seed, float lo, float hi, CUstream stream) {
    uniform.launch(blocks, 1, 1, THREADS, 0, stream, out, out.bytes() / 2, seed, lo, hi);
  }
}
