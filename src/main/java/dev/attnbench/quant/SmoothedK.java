package dev.attnbench.quant;

/**
 * K with its per-channel mean removed ({@code +smoothk} methods).
 *
 * @param values {@code f32(K − mean)}, [B, H, N, D]; FP32, deliberately not re-rounded to FP16
 * @param mean the per-(batch, head, channel) mean over the N keys, [B, H, D], FP64 rounded to FP32
 */
public record SmoothedK(float[] values, float[] mean) {}
