// Npad, the keys of one (b,h) in the two operands that the attention kernels read a whole key
// block of at a time, without a mask: V8t (v8t_layout.cuh; [B,H,D,Npad] codes) and s_k
// ([B,H,Npad] per-token K scales, INT8 Q·Kᵀ). Both are zero past N.
// kPadKeys is the largest Bc, so that every kernel's last key block lies inside them whatever its
// Bc, and a row of s_k (Npad floats) starts 512-byte aligned, which a bulk copy needs (16 bytes).
// Must equal CudaAttention.PAD_KEYS (Java).
#pragma once

constexpr int kPadKeys = 128;
__host__ __device__ constexpr int padded_keys(int n) { return (n + kPadKeys - 1) / kPadKeys * kPadKeys; }
