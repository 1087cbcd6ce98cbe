// Benchmark utility kernels, loaded by dev.attnbench.bench and backend/cuda:
//   fill_normal_f16 / fill_uniform_f16  - generate FP16 inputs on the device (a 268M-element tensor
//                                         would take minutes to draw and upload from Java);
//   sm_clock_probe                      - the SM clock in MHz, from clock64 against %globaltimer,
//                                         to flag throttled latency samples;
//   l2_flush_read                       - evicts L2 by reading a buffer twice its size, leaving it
//                                         clean (a memset flush leaves it full of dirty lines);
//   stream_block                        - holds a stream until the host releases it, so a timed
//                                         sample's launches are all enqueued before it starts.
// Random numbers come from a counter-based hash (SplitMix64's finalizer of seed and element index),
// so the value of element i does not depend on the launch shape and any tensor can be regenerated.
#include <cuda_fp16.h>
#include <stdint.h>

namespace {

__device__ __forceinline__ uint64_t mix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// 64 random bits for element i of the stream named by seed.
__device__ __forceinline__ uint64_t hash_at(uint64_t seed, uint64_t i) { return mix64(seed ^ mix64(i)); }

// The top 24 bits as a float in [0, 1): exactly representable, so no value rounds up to 1.
__device__ __forceinline__ float unit_float(uint64_t bits) { return (float)(bits >> 40) * 0x1p-24f; }

}  // namespace

// out[i] = h(lo + (hi - lo) * u), u uniform in [0, 1). Grid-stride: any grid covers any n.
extern "C" __global__ void fill_uniform_f16(__half* out, unsigned long long n, unsigned long long seed,
                                            float lo, float hi) {
  const uint64_t stride = (uint64_t)gridDim.x * blockDim.x;
  for (uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = __float2half_rn(lo + (hi - lo) * unit_float(hash_at(seed, i)));
  }
}

// out[i] = h(mean + std * z), z standard normal by Box-Muller on two 24-bit uniforms of one hash.
// u1 is taken in (0, 1] so log never sees 0; the tail is cut at sqrt(-2 ln 2^-24) = 5.77 sigma,
// which is irrelevant for timing inputs.
extern "C" __global__ void fill_normal_f16(__half* out, unsigned long long n, unsigned long long seed,
                                           float mean, float std) {
  const uint64_t stride = (uint64_t)gridDim.x * blockDim.x;
  for (uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
    const uint64_t h = hash_at(seed, i);
    const float u1 = (float)((h >> 40) + 1) * 0x1p-24f;
    const float u2 = (float)(h & 0xFFFFFFull) * 0x1p-24f;
    const float z = sqrtf(-2.0f * logf(u1)) * cospif(2.0f * u2);
    out[i] = __float2half_rn(mean + std * z);
  }
}

// One thread spins for `cycles` SM clocks and writes {elapsed clocks, elapsed ns of %globaltimer}.
// Both counters are read on the same SM, so their ratio is that SM's clock (MHz = cycles*1000/ns)
// over the spin. Launch <<<1, 1>>>. A spin of ~100 us keeps the globaltimer's granularity (1 us or
// finer on recent GPUs) under 1% of the reading.
extern "C" __global__ void sm_clock_probe(unsigned long long* out, long long cycles) {
  uint64_t t0, t1;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t0));
  const long long c0 = clock64();
  long long c1 = c0;
  while (c1 - c0 < cycles) {
    c1 = clock64();
  }
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t1));
  out[0] = (unsigned long long)(c1 - c0);
  out[1] = t1 - t0;
}

// Reads n16 16-byte words and folds them into one XOR, written to *sink only when it equals `never`
// (the caller passes a value the buffer's pattern cannot fold to), so the loads cannot be dropped.
// L2 ends up holding this buffer's clean lines: the timed work that follows evicts them for free,
// where after a memset flush it would pay the write-back of every dirty line it evicts.
extern "C" __global__ void l2_flush_read(const uint4* __restrict__ buf, unsigned long long n16,
                                         unsigned int never, unsigned int* sink) {
  const uint64_t stride = (uint64_t)gridDim.x * blockDim.x;
  unsigned int x = 0;
  for (uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n16; i += stride) {
    const uint4 v = buf[i];
    x ^= v.x ^ v.y ^ v.z ^ v.w;
  }
  if (x == never) *sink = x;
}

// nvbench's blocking kernel: spins until the host writes non-zero to *release (mapped, pinned host
// memory), so that the start event, the timed launches and the stop event queue up behind it and
// the host's launch overhead falls outside the events. Without it a sample whose launches take the
// host longer than the L2 flush takes the GPU is timed with the host's gap in it. After timeoutNs
// of %globaltimer it gives up and sets *timedOut, so a host that never releases cannot hang the GPU.
// Launch <<<1, 1>>>.
extern "C" __global__ void stream_block(const volatile int* release, volatile int* timedOut,
                                        unsigned long long timeoutNs) {
  uint64_t t0, t;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t0));
  while (*release == 0) {
    asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
    if (t - t0 > timeoutNs) {
      *timedOut = 1;
      return;
    }
    __nanosleep(256);
  }
}
