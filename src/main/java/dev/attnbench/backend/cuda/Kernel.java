package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * One {@code extern "C"} entry of a loaded module. Arguments are passed as Java values in the order
 * of the C signature: {@link DeviceBuffer} or {@link CUdeviceptr} for pointers, {@code Integer} for
 * {@code int}, {@code Long} for 64-bit integers, {@code Float} for {@code float}, {@code byte[]}
 * for a struct passed by value (its bytes as the C layout has them).
 */
public final class Kernel {
  private final String name;
  private final CUfunction function;

  Kernel(String name, CUfunction function) {
    this.name = name;
    this.function = function;
  }

  public String name() {
    return name;
  }

  CUfunction function() {
    return function;
  }

  /** Launches on {@code stream}; returns at once (faults surface at the next synchronize). */
  public void launch(
      int gridX,
      int gridY,
      int gridZ,
      int blockX,
      int dynamicSmem,
      CUstream stream,
      Object... args) {
    NativePointerObject[] params = new NativePointerObject[args.length];
    for (int i = 0; i < args.length; i++) {
      params[i] = parameter(args[i], i);
    }
    check(
        JCudaDriver.cuLaunchKernel(
            function,
            gridX,
            gridY,
            gridZ,
            blockX,
            1,
            1,
            dynamicSmem,
            stream,
            Pointer.to(params),
            null),
        "cuLaunchKernel "
            + name
            + " grid ("
            + gridX
            + ","
            + gridY
            + ","
            + gridZ
            + ") block "
            + blockX
            + " smem "
            + dynamicSmem);
  }

  private Pointer parameter(Object arg, int index) {
    if (arg instanceof DeviceBuffer b) {
      return Pointer.to(b.pointer());
    } else if (arg instanceof CUdeviceptr p) {
      return Pointer.to(p);
    } else if (arg instanceof byte[] bytes) {
      return Pointer.to(bytes);
    } else if (arg instanceof Integer v) {
      return Pointer.to(new int[] {v});
    } else if (arg instanceof Long v) {
      return Pointer.to(new long[] {v});
    } else if (arg instanceof Float v) {
      return Pointer.to(new float[] {v});
    }
    throw new IllegalArgumentException(
        name
            + ": argument "
            + index
            + " has unsupported type "
            + (arg == null ? "null" : arg.getClass().getSimpleName()));
  }
}
