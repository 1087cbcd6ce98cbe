package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * The device's primary context, made current on the opening thread. The primary context (not {@code
 * cuCtxCreate}) is what other CUDA users in the process would share, and retaining/releasing it is
 * reference counted, so nesting opens is harmless. All calls into this package must come from a
 * thread on which the context is current ({@link #makeCurrent()}).
 */
public final class CudaContext implements AutoCloseable {
  private final int ordinal;
  private final CUdevice device;
  private final CUcontext context;
  private boolean closed;

  private CudaContext(int ordinal, CUdevice device, CUcontext context) {
    this.ordinal = ordinal;
    this.device = device;
    this.context = context;
  }

  /**
   * Initialises the driver and retains device {@code ordinal}'s primary context.
   *
   * @throws CudaException if the driver has no such device
   * @throws UnsatisfiedLinkError if libcuda.so.1 or JCuda's native library cannot be loaded
   */
  public static CudaContext open(int ordinal) {
    check(JCudaDriver.cuInit(0), "cuInit");
    int[] count = new int[1];
    check(JCudaDriver.cuDeviceGetCount(count), "cuDeviceGetCount");
    if (count[0] == 0) {
      throw new CudaException("the CUDA driver sees no device");
    }
    if (ordinal < 0 || ordinal >= count[0]) {
      throw new CudaException("no CUDA device " + ordinal + " (the driver sees " + count[0] + ")");
    }
    CUdevice device = new CUdevice();
    check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet " + ordinal);
    CUcontext context = new CUcontext();
    check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
    try {
      check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    } catch (CudaException e) {
      JCudaDriver.cuDevicePrimaryCtxRelease(device);
      throw e;
    }
    return new CudaContext(ordinal, device, context);
  }

  /** Device 0, or the one named by the environment variable ATTN_BENCH_DEVICE. */
  public static CudaContext openDefault() {
    String env = System.getenv("ATTN_BENCH_DEVICE");
    int ordinal = 0;
    if (env != null && !env.isBlank()) {
      try {
        ordinal = Integer.parseInt(env.trim());
      } catch (NumberFormatException e) {
        throw new CudaException("ATTN_BENCH_DEVICE is not a device number: '" + env + "'");
      }
    }
    return open(ordinal);
  }

  public int ordinal() {
    return ordinal;
  }

  public CUdevice device() {
    return device;
  }

  /** Makes this context current on the calling thread. */
  public void makeCurrent() {
    check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
  }

  /** Waits for all work in the context; surfaces asynchronous kernel faults. */
  public void synchronize() {
    check(JCudaDriver.cuCtxSynchronize(), "cuCtxSynchronize");
  }

  /** Free device memory in bytes. */
  public long freeMemory() {
    long[] free = new long[1];
    long[] total = new long[1];
    check(JCudaDriver.cuMemGetInfo(free, total), "cuMemGetInfo");
    return free[0];
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    check(JCudaDriver.cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease");
  }
}
