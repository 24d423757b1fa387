#!/bin/sh
# cpu.sh - ResNet-32 training/inference on the CPU: dive.h against PyTorch, same machine,
# same thread count, measured in one run (make bench-cpu runs it on all cores).
#   sh bench/cpu.sh [threads...]        e.g. sh bench/cpu.sh 1 2   (default: all cores)
# PyTorch runs twice: as installed, and at its best (jemalloc preloaded and told never to
# give memory back, so steps stop page-faulting; OPENBLAS_NUM_THREADS=1). OPENBLAS_CORETYPE
# and OPENBLAS_L2_SIZE are unset: they slow OpenBLAS several-fold. dive.h runs 3 times per
# thread count (median); PyTorch once (it takes the best of 4 variants already).
# Prints the CPU model and the load average first (other work on the machine moves these
# numbers), then per thread count the share of the FMA peak dive.h's training reaches
# (build/fma_peak run before and after it; then step by step, bench_resnet --share), and ends with (Y: PyTorch as installed, last
# thread count):
#   infer img/s: dive X, pytorch Y, ratio Z
#   train img/s: dive X, pytorch Y, ratio Z
set -e
cd "$(dirname "$0")/.."
make -s build/bench_resnet build/fma_peak
THREADS=${*:-$(nproc)}
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
PY=${PYTHON:-/usr/bin/python3}
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
field() { echo "$1" | awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
median3() { printf '%s\n%s\n%s\n' "$1" "$2" "$3" | sort -g | sed -n 2p; }
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) cpus); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%-7s %-22s %10s %10s %12s\n' threads who train_img/s infer_img/s peak_rss_MB
SHARES=""
for t in $THREADS; do
  k1=$(OMP_NUM_THREADS=1 ./build/fma_peak)
  d1=$(OMP_NUM_THREADS=$t ./build/bench_resnet --share 413); d2=$(OMP_NUM_THREADS=$t ./build/bench_resnet --share 413)
  d3=$(OMP_NUM_THREADS=$t ./build/bench_resnet --share 413)
  k2=$(OMP_NUM_THREADS=1 ./build/fma_peak)
  dt=$(median3 "$(field "$d1" train_img_s)" "$(field "$d2" train_img_s)" "$(field "$d3" train_img_s)")
  di=$(median3 "$(field "$d1" infer_img_s)" "$(field "$d2" infer_img_s)" "$(field "$d3" infer_img_s)")
  dr=$(field "$d1" peak_rss_mb)
  dc=$(median3 "$(field "$d1" cpu_train_img_s)" "$(field "$d2" cpu_train_img_s)" "$(field "$d3" cpu_train_img_s)")
  # the share of the FMA peak: ResNet-32 training is 413 MFLOP an image (137.7 forward,
  # the convs' and the linear layer's multiply-adds x 2, times 3 for forward, backward-data
  # and backward-weights), against one core's register-loop peak measured just before and
  # just after dive.h's runs (the higher of the two: a slow moment of the host does not
  # inflate the share). By CPU time (every thread's, so OpenMP's waits count against it)
  # and, on one thread, by wall time too. Then the same share step by step (bench_resnet
  # --share: the peak on the run's own threads right after every step; the median of the
  # three runs' medians), which follows a host whose clock moves within minutes, and on
  # two threads counts the peak of two busy cores, not of one.
  ds=$(median3 "$(field "$d1" train_share)" "$(field "$d2" train_share)" "$(field "$d3" train_share)")
  dp=$(median3 "$(field "$d1" peak_gflops)" "$(field "$d2" peak_gflops)" "$(field "$d3" peak_gflops)")
  SHARES="$SHARES$(awk -v t="$t" -v c="$dc" -v w="$dt" -v a="$(field "$k1" fma_peak_gflops)" -v b="$(field "$k2" fma_peak_gflops)" 'BEGIN {
    k = a > b ? a : b; if (k <= 0) { printf "threads %s: no FMA peak on this CPU (not AVX2 or AVX-512)", t; exit }
    printf "threads %s: train share of the FMA peak %.0f %% by CPU time (%.1f img per CPU-second x 413 MFLOP / %.1f GFLOP/s a core, peaks %.1f and %.1f around the runs)", t, 100 * c * 0.413 / k, c, k, a, b
    if (t == 1) printf ", %.0f %% by wall time", 100 * w * 0.413 / k }')
"
  [ -n "$ds" ] && SHARES="$SHARES$(awk -v t="$t" -v s="$ds" -v p="$dp" 'BEGIN {
    printf "threads %s: train share of the FMA peak step by step %.0f %% (the peak on %s threads after every step, median %.1f GFLOP/s a core)", t, 100 * s, t, p }')
"
  p=$($PY bench/pytorch_resnet32.py --threads "$t" | tail -1)
  pt=$(field "$p" train_img_s); pi=$(field "$p" infer_img_s); pr=$(field "$p" peak_rss_mb)
  if [ -e "$JEMALLOC" ]; then
    q=$(LD_PRELOAD=$JEMALLOC MALLOC_CONF="retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1" \
        OPENBLAS_NUM_THREADS=1 $PY bench/pytorch_resnet32.py --threads "$t" | tail -1)
    qt=$(field "$q" train_img_s); qi=$(field "$q" infer_img_s); qr=$(field "$q" peak_rss_mb)
  else
    qt=0; qi=0; qr=0; echo "(no $JEMALLOC: apt-get install libjemalloc2)"
  fi
  printf '%-7s %-22s %10s %10s %12s  (%s)\n' "$t" "dive.h" "$dt" "$di" "$dr" "$(field "$d1" isa)"
  printf '%-7s %-22s %10s %10s %12s\n' "$t" "pytorch (installed)" "$pt" "$pi" "$pr"
  printf '%-7s %-22s %10s %10s %12s\n' "$t" "pytorch (jemalloc)" "$qt" "$qi" "$qr"
  awk -v t="$t" -v d="$dt" -v p="$pt" -v q="$qt" -v a="$di" -v b="$pi" -v c="$qi" 'BEGIN {
    printf "%-7s ratios dive/pytorch: train %.2fx (installed) %.2fx (jemalloc); infer %.2fx %.2fx\n",
           t, d / p, (q > 0 ? d / q : 0), a / b, (c > 0 ? a / c : 0) }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%s' "$SHARES"
awk -v d="$di" -v p="$pi" 'BEGIN { printf "infer img/s: dive %.1f, pytorch %.1f, ratio %.2f\n", d, p, d / p }'
awk -v d="$dt" -v p="$pt" 'BEGIN { printf "train img/s: dive %.1f, pytorch %.1f, ratio %.2f\n", d, p, d / p }'
