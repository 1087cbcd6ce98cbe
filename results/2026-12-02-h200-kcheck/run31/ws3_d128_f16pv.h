// Candidate (not measured): fp16 and int8-half at D=128 on v19's warp-specialized schedule with
// three consumer warpgroups (TUNING.md v19). Four K/V stages, since f16 tiles are twice INT8's
// and eight do not fit shared memory; this header sets them for every kernel of the build, so
// time only fp16 and int8-half from it. Build and A/B (kernels/tools/ab.sh):
//   bash kernels/tools/ab.sh build v19 HEAD
//   bash kernels/tools/ab.sh build ws3 kernels/candidates/ws3_d128_f16pv.h
//   on the GPU machine: CHECK="ws3" PERF_ARGS="--perf-methods fp16,int8half --perf-d 128" \
//     bash kernels/tools/ab.sh run v19 ws3
#define ATTN_SHAPE_FP16_D128 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8HALF_D128 12, 1, 1, false, true, true, true
#define ATTN_WS_STAGES 4
