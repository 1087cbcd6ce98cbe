package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import dev.attnbench.numeric.Fp16;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * One {@code cuMemAlloc} allocation, freed on close. Offsets and lengths are in bytes unless a
 * method says elements. Host transfers are synchronous; large FP16 uploads go through a bounded
 * staging array so a 268M-element tensor never needs a second full-size Java copy.
 */
public final class DeviceBuffer implements AutoCloseable {
  /** FP16 quiet NaN: the poison written before a launch, so an unwritten output cannot pass. */
  public static final short FP16_NAN_BITS = 0x7E00;

  private static final int STAGING_ELEMENTS = 1 << 22;

  private final CUdeviceptr pointer = new CUdeviceptr();
  private final long bytes;
  private final String label;
  private boolean closed;

  private DeviceBuffer(long bytes, String label) {
    this.bytes = bytes;
    this.label = label;
    // cuMemAlloc rejects 0 bytes; an empty tensor still gets a valid (tiny) pointer.
    check(
        JCudaDriver.cuMemAlloc(pointer, Math.max(bytes, 16)),
        "cuMemAlloc " + label + " (" + bytes + " bytes)");
  }

  /** Allocates {@code bytes} (contents undefined). */
  public static DeviceBuffer allocate(long bytes, String label) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size for " + label + ": " + bytes);
    }
    return new DeviceBuffer(bytes, label);
  }

  /** Allocates {@code bytes}, all zero once this returns. */
  public static DeviceBuffer zeroed(long bytes, String label) {
    DeviceBuffer b = allocate(bytes, label);
    try {
      check(
          JCudaDriver.cuMemsetD8(b.pointer, (byte) 0, Math.max(bytes, 16)), "cuMemsetD8 " + label);
      return b;
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** Allocates and uploads {@code data}. */
  public static DeviceBuffer of(byte[] data, String label) {
    DeviceBuffer b = allocate(data.length, label);
    b.upload(data);
    return b;
  }

  /** Allocates and uploads {@code data}. */
  public static DeviceBuffer of(float[] data, String label) {
    DeviceBuffer b = allocate(4L * data.length, label);
    b.upload(data);
    return b;
  }

  /** Allocates and uploads {@code values} as FP16 bits (each value rounded with {@link Fp16}). */
  public static DeviceBuffer ofFp16(float[] values, String label) {
    DeviceBuffer b = allocate(2L * values.length, label);
    b.uploadFp16(values);
    return b;
  }

  public CUdeviceptr pointer() {
    return pointer;
  }

  /** A pointer {@code offset} bytes into the buffer. */
  public CUdeviceptr at(long offset) {
    checkRange(offset, 0);
    return pointer.withByteOffset(offset);
  }

  public long bytes() {
    return bytes;
  }

  public String label() {
    return label;
  }

  public void upload(byte[] data) {
    copyIn(Pointer.to(data), 0, data.length);
  }

  public void upload(short[] data) {
    copyIn(Pointer.to(data), 0, 2L * data.length);
  }

  public void upload(float[] data) {
    copyIn(Pointer.to(data), 0, 4L * data.length);
  }

  /** Uploads {@code values} converted to FP16 bits, in bounded chunks. */
  public void uploadFp16(float[] values) {
    short[] staging = new short[Math.min(values.length, STAGING_ELEMENTS)];
    for (int from = 0; from < values.length; from += staging.length) {
      int n = Math.min(staging.length, values.length - from);
      for (int i = 0; i < n; i++) {
        staging[i] = Fp16.toBits(values[from + i]);
      }
      copyIn(Pointer.to(staging), 2L * from, 2L * n);
    }
  }

  /** Copies {@code count} bytes at {@code offset} into {@code dst[dstIndex..]}. */
  public void download(long offset, byte[] dst, int dstIndex, int count) {
    copyOut(Pointer.to(dst).withByteOffset(dstIndex), offset, count);
  }

  /** Copies {@code count} shorts at byte {@code offset} into {@code dst[dstIndex..]}. */
  public void download(long offset, short[] dst, int dstIndex, int count) {
    copyOut(Pointer.to(dst).withByteOffset(2L * dstIndex), offset, 2L * count);
  }

  /** Copies {@code count} floats at byte {@code offset} into {@code dst[dstIndex..]}. */
  public void download(long offset, float[] dst, int dstIndex, int count) {
    copyOut(Pointer.to(dst).withByteOffset(4L * dstIndex), offset, 4L * count);
  }

  /** Copies {@code count} longs at byte {@code offset} into {@code dst[dstIndex..]}. */
  public void download(long offset, long[] dst, int dstIndex, int count) {
    copyOut(Pointer.to(dst).withByteOffset(8L * dstIndex), offset, 8L * count);
  }

  /** The whole buffer read as FP16 and widened to float. */
  public float[] downloadFp16() {
    int n = Math.toIntExact(bytes / 2);
    short[] bits = new short[n];
    download(0, bits, 0, n);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = Fp16.fromBits(bits[i]);
    }
    return out;
  }

  /**
   * Sets every 16-bit word to {@code bits} (e.g. {@link #FP16_NAN_BITS}); asynchronous on stream.
   */
  public void fill16(short bits, CUstream stream) {
    if (bytes % 2 != 0) {
      throw new IllegalStateException(label + " has an odd byte size");
    }
    check(
        JCudaDriver.cuMemsetD16Async(pointer, bits, bytes / 2, stream),
        "cuMemsetD16Async " + label);
  }

  /** Sets every 32-bit word to {@code bits}; asynchronous on stream (used to flush L2). */
  public void fill32(int bits, CUstream stream) {
    check(
        JCudaDriver.cuMemsetD32Async(pointer, bits, bytes / 4, stream),
        "cuMemsetD32Async " + label);
  }

  /** Sets every byte to {@code value}; asynchronous on stream. */
  public void fill8(byte value, CUstream stream) {
    check(JCudaDriver.cuMemsetD8Async(pointer, value, bytes, stream), "cuMemsetD8Async " + label);
  }

  private void copyIn(Pointer host, long offset, long count) {
    checkRange(offset, count);
    check(
        JCudaDriver.cuMemcpyHtoD(pointer.withByteOffset(offset), host, count),
        "cuMemcpyHtoD " + label);
  }

  private void copyOut(Pointer host, long offset, long count) {
    checkRange(offset, count);
    check(
        JCudaDriver.cuMemcpyDtoH(host, pointer.withByteOffset(offset), count),
        "cuMemcpyDtoH " + label);
  }

  private void checkRange(long offset, long count) {
    if (closed) {
      throw new IllegalStateException(label + " is freed");
    }
    if (offset < 0 || count < 0 || offset + count > bytes) {
      throw new IndexOutOfBoundsException(
          label + ": bytes [" + offset + ", " + (offset + count) + ") outside [0, " + bytes + ")");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      check(JCudaDriver.cuMemFree(pointer), "cuMemFree " + label);
    }
  }
}
