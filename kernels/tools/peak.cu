// peak: the tensor-core ceilings of one GPU, for the instructions the attention kernels issue.
//
//   nvcc -O3 -std=c++17 -gencode=arch=compute_90a,code=sm_90a -Xptxas -v -I.. peak.cu -o out/peak
//   ./out/peak [--ms 400] [--zeros]
//
// Why: the README, kernels/TUNING.md and the TFLOP/s chart compare the kernels with tensor-core
// ceilings. Until stop 50 those were mma.sync's alone (636 TFLOP/s f16, 1281 TOP/s s8), measured on
// the development H100 and held by no committed result, while on Hopper every kernel runs on wgmma.
// This measures both instruction paths on the card at hand, with the operands' bits as the kernels
// see them: random FP16 values in (-1, 1), random s8, random e4m3 without NaN codes (a Hopper under
// its power limit clocks by its operands' bits; --zeros runs zeros instead, to show by how much).
//
// Each test keeps the tensor cores busy with nothing else: no loads in the loop (the operands sit
// in registers for mma.sync and in shared memory for wgmma, written once), independent mma.sync
// chains per warp (8, to cover the pipeline's latency), and for wgmma back-to-back m64n128 groups
// on one accumulator per warpgroup (the hardware chains them), three warpgroups a block as the
// kernels' consumers run (and four). Reported per test: the median of 15 CUDA-event samples after a warm-up of
// about a second (so the clock has settled under the power limit), TFLOP/s (TOP/s for s8), the SM
// clock over the samples (clock64 against %globaltimer in one block), and FLOP per clock per SM,
// the architectural rate that does not depend on the clock.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../attn_common.cuh"

#define CK(x) check_cuda((x), #x, __FILE__, __LINE__)
static void check_cuda(cudaError_t e, const char* what, const char* file, int line) {
  if (e != cudaSuccess) {
    fprintf(stderr, "CUDA error %s at %s:%d: %s\n", cudaGetErrorString(e), file, line, what);
    exit(2);
  }
}

namespace {

enum Kind { kF16, kS8, kE4m3 };
constexpr const char* kKindNames[] = {"f16", "s8", "e4m3"};

// Random operand bits as a kernel sees them (or zeros): two FP16 values in (-1, 1), four s8, or
// four e4m3 codes with the exponent's top bit cleared (no NaN, |x| < 2).
__device__ __forceinline__ uint32_t operand_word(Kind kind, uint32_t seed, bool zeros) {
  if (zeros) return 0;
  uint32_t h = seed * 0x9E3779B1u;
  h ^= h >> 15;
  h *= 0x85EBCA77u;
  h ^= h >> 13;
  h *= 0xC2B2AE3Du;
  h ^= h >> 16;
  if (kind == kF16) {
    const float lo = (h & 0xFFFF) / 32768.0f - 1.0f;
    const float hi = (h >> 16) / 32768.0f - 1.0f;
    return attn::pack_half2(lo, hi);
  }
  return kind == kE4m3 ? (h & 0xBFBFBFBFu) : h;
}

// Where each test writes what it computed (never read on the host beyond one word: it keeps the
// compiler from dropping the work) and the clock readings of block 0.
struct Sink {
  float* out;
  long long* clocks;  // [0] clock64 at start, [1] at end, [2] globaltimer ns at start, [3] at end
};

__device__ __forceinline__ long long global_ns() {
  long long t;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
  return t;
}

__device__ __forceinline__ void clock_mark(Sink s, int at) {
  if (blockIdx.x == 0 && threadIdx.x == 0) {
    s.clocks[at] = clock64();
    s.clocks[2 + at] = global_ns();
  }
}

constexpr int kChains = 8;  // independent mma.sync accumulators per warp

// mma.sync m16n8k16 (f16) or m16n8k32 (s8, e4m3): kChains independent mma per iteration per warp.
template <Kind K>
__global__ void __launch_bounds__(256) mma_sync_peak(int iters, bool zeros, Sink sink) {
  clock_mark(sink, 0);
  const uint32_t seed = blockIdx.x * blockDim.x + threadIdx.x;
  // A B operand of its own per chain: on sm_90 ptxas lowers e4m3 mma.sync to an f16 product from
  // zero plus FP32 adds, and chains of one product were computed once (stop 50's first run read
  // e4m3 at 2.4x f16's rate for it).
  uint32_t a[4], b[kChains][2];
  for (int i = 0; i < 4; ++i) a[i] = operand_word(K, seed * 32 + i, zeros);
  for (int c = 0; c < kChains; ++c)
    for (int i = 0; i < 2; ++i) b[c][i] = operand_word(K, seed * 32 + 4 + 2 * c + i, zeros);
  using Acc = std::conditional_t<K == kS8, int, float>;
  Acc d[kChains][4] = {};
  for (int it = 0; it < iters; ++it) {
#pragma unroll
    for (int c = 0; c < kChains; ++c) {
      if constexpr (K == kF16) attn::mma_f16(d[c], a, b[c][0], b[c][1]);
      else if constexpr (K == kS8) attn::mma_i8<false>(d[c], a, b[c][0], b[c][1]);
      else attn::mma_e4m3(d[c], a, b[c][0], b[c][1]);
    }
  }
  float sum = 0;
  for (int c = 0; c < kChains; ++c)
    for (int i = 0; i < 4; ++i) sum += static_cast<float>(d[c][i]);
  __syncthreads();
  clock_mark(sink, 1);
  sink.out[seed] = sum;
}

// wgmma m64n128: A (64 rows) and B (128 rows) K-major in shared memory, 128-byte swizzled rows,
// four k-steps a row (f16 k16 = 32 bytes, 8-bit k32 = 32 bytes), each group of four issued on the
// warpgroup's one accumulator and committed; the next group is issued before waiting for it.
constexpr int kTileA = 64 * 128, kTileB = 128 * 128;  // bytes

template <Kind K, int kWarpgroups>
__global__ void __launch_bounds__(128 * kWarpgroups) wgmma_peak(int iters, bool zeros, Sink sink) {
  extern __shared__ __align__(1024) uint8_t smem[];
  clock_mark(sink, 0);
  uint32_t* words = reinterpret_cast<uint32_t*>(smem);
  for (int i = threadIdx.x; i < (kTileA + kTileB) / 4; i += blockDim.x)
    words[i] = operand_word(K, blockIdx.x * 65536 + i, zeros);
  // The operands were written by the generic proxy; wgmma reads through the async proxy.
  asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
  __syncthreads();
  const uint32_t tileA = static_cast<uint32_t>(__cvta_generic_to_shared(smem));
  const uint32_t tileB = tileA + kTileA;
  using Acc = std::conditional_t<K == kS8, int, float>;
  Acc d[64];
  for (int i = 0; i < 64; ++i) d[i] = Acc(0);
  attn::wgmma_fence();
  for (int it = 0; it < iters; ++it) {
#pragma unroll
    for (int k = 0; k < 4; ++k) {
      const uint64_t da = attn::smem_desc<128>(tileA, 32 * k), db = attn::smem_desc<128>(tileB, 32 * k);
      if constexpr (K == kF16) attn::wgmma_f16_m64n128k16_ss(d, da, db);
      else if constexpr (K == kS8) attn::wgmma_s8_m64n128k32_ss(d, da, db);
      else attn::wgmma_e4m3_m64n128k32_ss(d, da, db);
    }
    attn::wgmma_commit();
    attn::wgmma_wait<1>();
  }
  attn::wgmma_wait<0>();
  attn::wgmma_hold(d);
  float sum = 0;
  for (int i = 0; i < 64; ++i) sum += static_cast<float>(d[i]);
  __syncthreads();
  clock_mark(sink, 1);
  sink.out[blockIdx.x * blockDim.x + threadIdx.x] = sum;
}

struct Test {
  const char* path;
  Kind kind;
  void (*kernel)(int, bool, Sink);
  int threads, blocksPerSm, smem;
  double flopsPerIterPerBlock;  // 2·M·N·K of what one iteration of one block issues
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  double targetMs = 400;  // one sample's length: long enough for the power limit to act
  bool zeros = false;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--ms") && i + 1 < argc) targetMs = atof(argv[++i]);
    else if (!strcmp(argv[i], "--zeros")) zeros = true;
    else {
      fprintf(stderr, "usage: peak [--ms 400] [--zeros]\n");
      return 2;
    }
  }
  // atof reads a non-number as 0: zero iterations a launch, and 1000 / 0 warm-up launches.
  if (!(targetMs >= 1)) {
    fprintf(stderr, "peak: --ms must be a number of milliseconds >= 1\n");
    return 2;
  }
  cudaDeviceProp prop;
  CK(cudaGetDeviceProperties(&prop, 0));
  const int sms = prop.multiProcessorCount;
  int driver = 0;
  CK(cudaDriverGetVersion(&driver));
  printf("peak: %s, %d SMs, driver API %d, operands %s\n", prop.name, sms, driver,
         zeros ? "zeros" : "random");

  constexpr int kSmem = kTileA + kTileB;
  const std::vector<Test> tests = {
      {"mma.sync m16n8k16", kF16, mma_sync_peak<kF16>, 256, 4, 0, 8.0 * kChains * 2 * 16 * 8 * 16},
      {"mma.sync m16n8k32", kS8, mma_sync_peak<kS8>, 256, 4, 0, 8.0 * kChains * 2 * 16 * 8 * 32},
      {"mma.sync m16n8k32", kE4m3, mma_sync_peak<kE4m3>, 256, 4, 0, 8.0 * kChains * 2 * 16 * 8 * 32},
      {"wgmma m64n128k16", kF16, wgmma_peak<kF16, 3>, 384, 1, kSmem, 3 * 4.0 * 2 * 64 * 128 * 16},
      {"wgmma m64n128k32", kS8, wgmma_peak<kS8, 3>, 384, 1, kSmem, 3 * 4.0 * 2 * 64 * 128 * 32},
      {"wgmma m64n128k32", kE4m3, wgmma_peak<kE4m3, 3>, 384, 1, kSmem, 3 * 4.0 * 2 * 64 * 128 * 32},
      // Four warpgroups: whether three leave the tensor cores idle at times.
      {"wgmma m64n128k16", kF16, wgmma_peak<kF16, 4>, 512, 1, kSmem, 4 * 4.0 * 2 * 64 * 128 * 16},
      {"wgmma m64n128k32", kS8, wgmma_peak<kS8, 4>, 512, 1, kSmem, 4 * 4.0 * 2 * 64 * 128 * 32},
  };
  float* out;
  long long* clocks;
  CK(cudaMalloc(&out, sizeof(float) * 8 * sms * 512));
  CK(cudaMalloc(&clocks, sizeof(long long) * 4));
  cudaEvent_t e0, e1;
  CK(cudaEventCreate(&e0));
  CK(cudaEventCreate(&e1));
  printf("%-20s %-5s %9s %10s %10s %10s %9s %14s\n", "instruction", "type", "warps/SM", "median_ms",
         "spread_%", "T(FL)OP/s", "SM_MHz", "FLOP/clk/SM");
  for (const Test& t : tests) {
    CK(cudaFuncSetAttribute(t.kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, t.smem));
    // The blocks an SM holds at once: e4m3's mma.sync takes 96 registers a thread (ptxas -v), so
    // two of its 256-thread blocks fit, not four. One wave of what fits: warps/SM then says what
    // ran, and block 0's clock readings span the whole launch.
    int resident = 0;
    CK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&resident, t.kernel, t.threads, t.smem));
    if (resident < 1) {
      fprintf(stderr, "peak: %s %s does not fit on an SM\n", t.path, kKindNames[t.kind]);
      return 2;
    }
    const int blocksPerSm = std::min(t.blocksPerSm, resident);
    const int blocks = sms * blocksPerSm;
    const Sink sink{out, clocks};
    auto launch = [&](int iters) {
      t.kernel<<<blocks, t.threads, t.smem>>>(iters, zeros, sink);
      CK(cudaGetLastError());
    };
    // Calibrate the iterations to the target length, then warm up for about a second.
    int iters = 256;
    float ms = 0;
    for (;;) {
      CK(cudaEventRecord(e0));
      launch(iters);
      CK(cudaEventRecord(e1));
      CK(cudaEventSynchronize(e1));
      CK(cudaEventElapsedTime(&ms, e0, e1));
      if (ms > targetMs / 4 || iters > (1 << 28)) break;
      iters *= 2;
    }
    iters = static_cast<int>(iters * targetMs / ms);
    for (int w = 0; w < std::max(1, static_cast<int>(1000 / targetMs)); ++w) launch(iters);
    std::vector<double> samples, mhz;
    for (int s = 0; s < 15; ++s) {
      CK(cudaEventRecord(e0));
      launch(iters);
      CK(cudaEventRecord(e1));
      CK(cudaEventSynchronize(e1));
      CK(cudaEventElapsedTime(&ms, e0, e1));
      samples.push_back(ms);
      long long c[4];
      CK(cudaMemcpy(c, clocks, sizeof(c), cudaMemcpyDeviceToHost));
      mhz.push_back(1e3 * double(c[1] - c[0]) / double(c[3] - c[2]));
    }
    const double med = median(samples);
    const double spread =
        100 * (*std::max_element(samples.begin(), samples.end()) -
               *std::min_element(samples.begin(), samples.end())) / med;
    const double flops = t.flopsPerIterPerBlock * blocks * double(iters);
    const double clk = median(mhz);
    printf("%-20s %-5s %9d %10.3f %10.2f %10.1f %9.0f %14.0f\n", t.path, kKindNames[t.kind],
           t.threads / 32 * blocksPerSm, med, spread, flops / (med * 1e-3) / 1e12, clk,
           flops / (med * 1e-3) / (clk * 1e6) / sms);
  }
  float probe;
  CK(cudaMemcpy(&probe, out, sizeof(float), cudaMemcpyDeviceToHost));
  printf("(sink %g)\n", probe);
  return 0;
}
