package dev.attnbench.backend.cuda;

import static dev.attnbench.backend.cuda.CudaException.check;

import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/** A CUDA event with timing enabled, for bracketing launches on a stream. */
public final class CudaEvent implements AutoCloseable {
  private final CUevent event = new CUevent();
  private boolean closed;

  public CudaEvent() {
    check(JCudaDriver.cuEventCreate(event, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate");
  }

  /** Records the event on {@code stream} (null: the legacy default stream). */
  public void record(CUstream stream) {
    check(JCudaDriver.cuEventRecord(event, stream), "cuEventRecord");
  }

  public void synchronize() {
    check(JCudaDriver.cuEventSynchronize(event), "cuEventSynchronize");
  }

  /** Milliseconds from {@code start} to this event; waits for this event first. */
  public float elapsedSince(CudaEvent start) {
    synchronize();
    float[] ms = new float[1];
    check(JCudaDriver.cuEventElapsedTime(ms, start.event, event), "cuEventElapsedTime");
    return ms[0];
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      check(JCudaDriver.cuEventDestroy(event), "cuEventDestroy");
    }
  }
}
