package dev.attnbench.backend.cpu;

import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;

/**
 * The bit-faithful CPU emulation of each kernel (docs/ARITHMETIC.md); runs on any machine. It
 * follows one instruction path's contract: that of the kernels it runs beside, or wgmma's (the
 * H100's) without a GPU.
 */
public final class CpuEmulationBackend implements AttentionBackend {
  private final MmaPath path;

  public CpuEmulationBackend(MmaPath path) {
    this.path = path;
  }

  /** The emulation of the kernels on wgmma, whose contract the results without a GPU follow. */
  public CpuEmulationBackend() {
    this(MmaPath.WITHOUT_KERNELS);
  }

  public MmaPath path() {
    return path;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@link #name()}: the backend column of accuracy.csv. */
  public static final String NAME = "cpu-emulation";

  @Override
  public boolean supports(Method method, int headDim) {
    return true;
  }

  @Override
  public float[] forward(Method method, AttentionInputs inputs, RowSample rows) {
    return Emulations.of(method, path).forward(inputs, rows);
  }
}
