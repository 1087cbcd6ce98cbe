#!/usr/bin/env bash
# One device call (stop 48): the GPU suite at the softmax scales the product runs at. Until
# 28082f9 the selftest checked 1/sqrt(D) only, while latency runs at the authors' 1.3 and
# accuracy at the paper's 1.0; kcheck's first run at 1.3 (../2026-12-04-h200-kcheck-scale) failed
# fp16 at D = 128 on a bound fitted at 1/sqrt(D), and fp8native past its 1%.
#   1. kcheck_s48 (kernels v71, the tool of 28082f9: fp16 on the flip bound, fp8native "depart"
#      at another scale): every entry at 1.3, and the main entries at 1/sqrt(D);
#   2. selftest --quick at 1/sqrt(D), 1.0 and 1.3;
#   3. the full selftest at 1.3.
#   here: scripts/gpu-bundle.sh; ab.sh build s48; ab.sh pack s48
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-selftest-scales/run.sh
set -u
source kernels/tools/device-steps.sh scales
begin_call
cat > "$w/check.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check main_s1.3 s48 --scale 1.3
kcheck_check short_s1.3 s48 --scale 1.3 --short
kcheck_check mid_s1.3 s48 --scale 1.3 --mid
kcheck_check main_isqrt s48
AB
step kcheck 80 bash "$w/check.sh" "$w/kcheck"
step selftest-quick 200 bash scripts/gpu-run.sh selftest --quick --softmax-scale rsqrt,1,1.3
step selftest-full-s1.3 290 bash scripts/gpu-run.sh selftest --softmax-scale 1.3
smi
pack
cat "$w/steps.txt"
grep -h "^check" "$w/kcheck.log"
for f in "$w"/selftest-*.log; do echo "$(basename "$f"): $(grep -E '^[0-9]+ passed' "$f")"; grep -E '^(FAIL|DEPART)' "$f" | cut -c1-90 | sort | uniq -c | sort -rn | head -8; done
