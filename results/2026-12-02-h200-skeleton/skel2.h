// kcheck run 49's invalid variant (results/2026-12-02-h200-skeleton/NOTES.md): level 2 also skipped
// the fold, the compiler then removed both wgmma, and attn_forward.cuh no longer has that level.
#define ATTN_SKELETON 2
