package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * A few ints of pinned host memory mapped into the device's address space (zero-copy): a kernel
 * reads what the host writes while the kernel runs, which is how the host releases {@code
 * stream_block} (kernels/fill.cu). Freed on close.
 */
public final class MappedHostInts implements AutoCloseable {
  private final Pointer host = new Pointer();
  private final CUdeviceptr device = new CUdeviceptr();
  private final IntBuffer ints;
  private final String label;
  private boolean closed;

  public MappedHostInts(int count, String label) {
    this.label = label;
    check(
        JCudaDriver.cuMemHostAlloc(
            host,
            4L * count,
            JCudaDriver.CU_MEMHOSTALLOC_DEVICEMAP | JCudaDriver.CU_MEMHOSTALLOC_PORTABLE),
        "cuMemHostAlloc " + label);
    check(
        JCudaDriver.cuMemHostGetDevicePointer(device, host, 0),
        "cuMemHostGetDevicePointer " + label);
    this.ints = host.getByteBuffer(0, 4L * count).order(ByteOrder.nativeOrder()).asIntBuffer();
  }

  /** The device address of int {@code index}, for a kernel argument. */
  public CUdeviceptr device(int index) {
    if (index < 0 || index >= ints.capacity()) {
      throw new IndexOutOfBoundsException(label + ": int " + index + " of " + ints.capacity());
    }
    return device.withByteOffset(4L * index);
  }

  public int get(int index) {
    return ints.get(index);
  }

  public void set(int index, int value) {
    ints.put(index, value);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      check(JCudaDriver.cuMemFreeHost(host), "cuMemFreeHost " + label);
    }
  }
}
