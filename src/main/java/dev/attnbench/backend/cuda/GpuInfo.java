package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * What the benchmark records about the GPU it ran on.
 *
 * @param name marketing name, e.g. "NVIDIA H100 80GB HBM3"
 * @param ccMajor compute capability major
 * @param ccMinor compute capability minor
 * @param smCount streaming multiprocessors
 * @param l2Bytes L2 cache size (sizes the L2 flush of cold measurements)
 * @param totalMemBytes device memory
 * @param driverVersion CUDA version the driver supports, as cuDriverGetVersion encodes it (13000 =
 *     13.0)
 * @param maxSmClockKhz the driver's nominal maximum SM clock, 0 when the driver no longer reports
 *     it
 * @param maxSmemPerBlockOptin the largest dynamic shared memory a block can opt into
 */
public record GpuInfo(
    String name,
    int ccMajor,
    int ccMinor,
    int smCount,
    long l2Bytes,
    long totalMemBytes,
    int driverVersion,
    int maxSmClockKhz,
    int maxSmemPerBlockOptin) {

  /** Queries the device of {@code context}. */
  public static GpuInfo query(CudaContext context) {
    CUdevice dev = context.device();
    byte[] nameBytes = new byte[256];
    check(JCudaDriver.cuDeviceGetName(nameBytes, nameBytes.length, dev), "cuDeviceGetName");
    int len = 0;
    while (len < nameBytes.length && nameBytes[len] != 0) {
      len++;
    }
    long[] mem = new long[1];
    check(JCudaDriver.cuDeviceTotalMem(mem, dev), "cuDeviceTotalMem");
    int[] version = new int[1];
    check(JCudaDriver.cuDriverGetVersion(version), "cuDriverGetVersion");
    return new GpuInfo(
        new String(nameBytes, 0, len, StandardCharsets.UTF_8),
        attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
        attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
        attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
        attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE),
        mem[0],
        version[0],
        optionalAttribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE),
        attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN));
  }

  private static int attribute(CUdevice dev, int attribute) {
    int[] value = new int[1];
    check(
        JCudaDriver.cuDeviceGetAttribute(value, attribute, dev),
        "cuDeviceGetAttribute " + CUdevice_attribute.stringFor(attribute));
    return value[0];
  }

  /** Attributes that newer drivers deprecate (the clock rate) read as 0 instead of failing. */
  private static int optionalAttribute(CUdevice dev, int attribute) {
    int[] value = new int[1];
    int status = JCudaDriver.cuDeviceGetAttribute(value, attribute, dev);
    if (status == CUresult.CUDA_ERROR_INVALID_VALUE
        || status == CUresult.CUDA_ERROR_NOT_SUPPORTED) {
      return 0;
    }
    check(status, "cuDeviceGetAttribute " + CUdevice_attribute.stringFor(attribute));
    return value[0];
  }

  /** "sm_90" style architecture name. */
  public String arch() {
    return "sm_" + ccMajor + ccMinor;
  }

  /** Driver's CUDA version as "13.0". */
  public String driverCudaVersion() {
    return driverVersion / 1000 + "." + (driverVersion % 1000) / 10;
  }

  /**
   * The grid of a grid-stride loop over a whole buffer (the device fills, the L2 flush): enough
   * blocks to fill every SM several times over.
   */
  public int gridStrideBlocks() {
    return smCount * 8;
  }

  /** One line for {@code info} and logs. */
  public String summary() {
    return String.format(
        "%s (%s, %d SMs, L2 %d MiB, %.1f GiB, max SM clock %s, driver %sCUDA %s)",
        name,
        arch(),
        smCount,
        l2Bytes >> 20,
        totalMemBytes / (double) (1L << 30),
        maxSmClockKhz > 0 ? (maxSmClockKhz / 1000) + " MHz" : "n/a",
        DriverVersion.read().map(v -> v + ", ").orElse(""),
        driverCudaVersion());
  }
}
