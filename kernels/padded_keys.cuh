// Npad, the keys of one (b,h) in the two operands that the attention kernels read a whole key
// block of at a time, without a mask: V8t (v8t_layout.cuh; [B,H,D,Npad] codes) and s_k
// ([B,H,Npad] per-token K scales, INT8 Q·Kᵀ). Both are zero past N.
// kPadKeys is the largest Bc, so that every kernel's last key block lies inside them whatever its
// Bc, and a row of s_k (Npad floats) starts 512-byte aligned, which a bulk copy needs (16 bytes).
// Must equal CudaAttention.PAD_KEYS (Java).
#pragma once

constexpr int kPadKeys = 128;
__host__ __device__ constexpr int padded_keys(int n) { return (n + kPadKeys - 1) / kPadKeys * kPadKeys; }

// s_k's order within each 64-key group (the layout quantize.cu writes and the Java upload makes):
// key k = 8j + 2t + e sits at 16·(j >> 1) + 4t + 2·(j & 1) + e. Lane t of a Q·Kᵀ fragment holds
// keys 8j + 2t and 8j + 2t + 1 of n8 tile j, so the scales of its tiles j and j + 1 (j even) lie
// together, 16-byte aligned: it reads them with one LDS.128 instead of two LDS.64. The four lanes
// t of such a read fill 64 consecutive bytes, so the read is free of bank conflicts; a first order,
// 16t + 2j + e, put lanes 0 and 2 in the same banks. Must equal CudaAttention.skPosition (Java).
__host__ __device__ constexpr int sk_position(int k) {
  return (k & ~63) + 16 * ((k >> 4) & 3) + 4 * ((k >> 1) & 3) + 2 * ((k >> 3) & 1) + (k & 1);
}
