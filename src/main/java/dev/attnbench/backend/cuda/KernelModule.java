package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import dev.attnbench.method.MmaPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * One {@code kernels/<file>.fatbin} from the jar, loaded with {@code cuModuleLoadData}: the driver
 * picks the cubin built for the device's compute capability, or JIT-compiles the embedded PTX on a
 * newer device. Never NVRTC: the GPU host's CUDA 13 has no library JCuda's NVRTC binding could
 * load.
 */
public final class KernelModule implements AutoCloseable {
  /** Static shared memory plus dynamic above this needs an explicit opt-in per function. */
  private static final int DEFAULT_DYNAMIC_SMEM_LIMIT = 48 * 1024;

  private final String file;
  private final CUmodule module;
  private final Map<String, Kernel> kernels = new HashMap<>();
  private boolean closed;

  private KernelModule(String file, CUmodule module) {
    this.file = file;
    this.module = module;
  }

  /** Loads {@code /kernels/<file>.fatbin} (the name without extension). */
  public static KernelModule load(String file) {
    byte[] image = readResource("/kernels/" + file + ".fatbin");
    CUmodule module = new CUmodule();
    check(
        JCudaDriver.cuModuleLoadData(module, image),
        "cuModuleLoadData kernels/" + file + ".fatbin");
    return new KernelModule(file, module);
  }

  /** Whether the jar carries {@code /kernels/<file>.fatbin}. */
  public static boolean isPackaged(String file) {
    return KernelModule.class.getResource("/kernels/" + file + ".fatbin") != null;
  }

  /**
   * The entry points of {@code /kernels/<file>.fatbin}, from the {@code <file>.entries} manifest
   * that kernels/build.sh writes beside it (one name per line).
   */
  public static List<String> packagedEntries(String file) {
    String text = new String(readResource("/kernels/" + file + ".entries"), StandardCharsets.UTF_8);
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static byte[] readResource(String path) {
    try (InputStream in = KernelModule.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new CudaException(
            "kernel module "
                + path
                + " is not in the jar (was it built on a machine without nvcc?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public String file() {
    return file;
  }

  /** The entry {@code entry}; fails with the module's name if it has none. */
  public Kernel kernel(String entry) {
    Kernel k = kernels.get(entry);
    if (k == null) {
      CUfunction f = new CUfunction();
      check(
          JCudaDriver.cuModuleGetFunction(f, module, entry),
          "cuModuleGetFunction " + entry + " in kernels/" + file + ".fatbin");
      k = new Kernel(entry, f);
      kernels.put(entry, k);
    }
    return k;
  }

  /**
   * Reads {@code <entry>_launch} (an {@code extern "C" __device__ int[9]}) and raises the entry's
   * dynamic shared-memory limit to what it asks for, so a launch cannot fail on the 48 KiB default.
   */
  public LaunchShape launchShape(String entry) {
    int[] v = readInts(entry + "_launch", 9);
    LaunchShape shape =
        new LaunchShape(
            v[0],
            v[1],
            v[2],
            v[3],
            v[4],
            v[5] != 0,
            v[6],
            v[7] != 0,
            v[8] != 0 ? MmaPath.WGMMA : MmaPath.MMA_SYNC);
    if (shape.dynamicSmemBytes() > DEFAULT_DYNAMIC_SMEM_LIMIT) {
      check(
          JCudaDriver.cuFuncSetAttribute(
              kernel(entry).function(),
              CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
              shape.dynamicSmemBytes()),
          "cuFuncSetAttribute MAX_DYNAMIC_SHARED_SIZE_BYTES " + entry);
    }
    return shape;
  }

  /** Reads a {@code __device__ int[count]} global by name. */
  public int[] readInts(String global, int count) {
    CUdeviceptr ptr = new CUdeviceptr();
    long[] size = new long[1];
    check(
        JCudaDriver.cuModuleGetGlobal(ptr, size, module, global),
        "cuModuleGetGlobal " + global + " in kernels/" + file + ".fatbin");
    if (size[0] != 4L * count) {
      throw new CudaException(
          global
              + " in kernels/"
              + file
              + ".fatbin has "
              + size[0]
              + " bytes, expected "
              + 4 * count);
    }
    int[] values = new int[count];
    check(JCudaDriver.cuMemcpyDtoH(Pointer.to(values), ptr, size[0]), "cuMemcpyDtoH " + global);
    return values;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      check(JCudaDriver.cuModuleUnload(module), "cuModuleUnload " + file);
    }
  }
}
