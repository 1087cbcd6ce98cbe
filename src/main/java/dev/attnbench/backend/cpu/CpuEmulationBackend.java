package dev.attnbench.backend.cpu;

import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;

/** The bit-faithful CPU emulation of each kernel (docs/ARITHMETIC.md); runs on any machine. */
public final class CpuEmulationBackend implements AttentionBackend {

  @Override
  public String name() {
    return "cpu-emulation";
  }

  @Override
  public boolean supports(Method method, int headDim) {
    return true;
  }

  @Override
  public float[] forward(Method method, AttentionInputs inputs, RowSample rows) {
    return Emulations.of(method).forward(inputs, rows);
  }
}
