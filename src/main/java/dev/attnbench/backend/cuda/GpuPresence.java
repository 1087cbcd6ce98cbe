package dev.attnbench.backend.cuda;

import java.util.Optional;

/**
 * Whether a CUDA driver and device are usable here, found out without throwing: {@code info} prints
 * the answer and {@code --backend auto} picks on it.
 *
 * @param gpu the device found, when present
 * @param reason why no GPU can be used (empty when present)
 */
public record GpuPresence(Optional<GpuInfo> gpu, String reason) {

  public boolean present() {
    return gpu.isPresent();
  }

  /** One line: the GPU's summary, or "no CUDA device: reason". */
  public String describe() {
    return gpu.map(GpuInfo::summary).orElse("no CUDA device: " + reason);
  }

  /**
   * The first failure to load the driver library, which every later probe in this JVM reports: the
   * loader is not tried again, and a second try said only "Could not initialize class
   * jcuda.driver.JCudaDriver" (a failed static initializer), which run.json and REPORT.md then
   * recorded as the reason.
   */
  private static String linkFailure;

  /**
   * Opens and closes device 0's context. Catches what a machine without CUDA produces: JCuda's
   * native library or libcuda.so.1 failing to load (a {@link LinkageError}: UnsatisfiedLinkError,
   * or NoClassDefFoundError on a second try after a failed static initializer), and driver errors.
   */
  public static GpuPresence probe() {
    try (CudaContext ctx = CudaContext.openDefault()) {
      return new GpuPresence(Optional.of(GpuInfo.query(ctx)), "");
    } catch (LinkageError e) {
      synchronized (GpuPresence.class) {
        if (linkFailure == null) {
          linkFailure = "the CUDA driver library could not be loaded (" + firstLine(e) + ")";
        }
        return absent(linkFailure);
      }
    } catch (CudaException e) {
      return absent(e.getMessage());
    } catch (RuntimeException e) {
      // JCuda's own CudaException (with exceptions enabled elsewhere) and native-loader failures.
      return absent(e.getClass().getSimpleName() + ": " + firstLine(e));
    }
  }

  private static GpuPresence absent(String reason) {
    return new GpuPresence(Optional.empty(), reason);
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
