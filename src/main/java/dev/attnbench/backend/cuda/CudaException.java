package dev.attnbench.backend.cuda;

import jcuda.driver.CUresult;

/**
 * A failed CUDA driver call. Every driver call in this package goes through {@link #check}: JCuda's
 * own exceptions stay disabled, so a status code is never silently dropped and every failure names
 * the call that failed.
 */
public final class CudaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public CudaException(int status, String what) {
    super(what + " failed: " + CUresult.stringFor(status) + " (" + status + ")");
    this.status = status;
  }

  public CudaException(String message) {
    super(message);
    this.status = CUresult.CUDA_ERROR_UNKNOWN;
  }

  /** The driver's {@code CUresult} code. */
  public int status() {
    return status;
  }

  /**
   * Throws unless {@code status} is {@code CUDA_SUCCESS}.
   *
   * @param what the call and its subject, for the message ("cuModuleLoadData fill.fatbin")
   */
  public static void check(int status, String what) {
    if (status != CUresult.CUDA_SUCCESS) {
      throw new CudaException(status, what);
    }
  }
}
