#!/bin/sh
# zoo.sh - ResNet-50 and ResNeXt-50 (32x4d) training and inference on the CPU: dive.h against
# torchvision's own models in PyTorch, on the same cores, measured in one run (make bench-zoo).
#   sh bench/zoo.sh [--size S] [--batch B] [--steps N] [--threads T]     (default 224, 16, 3, all cores)
# PyTorch at its best: eager and TorchScript, each NCHW and channels-last (oneDNN's layout),
# each run as installed and with jemalloc preloaded and told to keep its memory
# (LD_PRELOAD=libjemalloc.so.2, MALLOC_CONF=retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1,
# OPENBLAS_NUM_THREADS=1, as bench/cpu.sh); every variant in its own process, so the peak RSS
# printed is that variant's. The fastest training variant is "pytorch". dive.h runs once per
# model after PyTorch's warm-up has been paid by its own steps (1 warm-up step, median of
# the timed ones). Also printed: images per second of process CPU time (*_cpus), which on one
# thread (--threads 1) and a machine shared with other work varies far less than wall time;
# the "cpu-time" line compares the best of each side by it. Ends with:
#   resnet50 train img/s: dive X, pytorch Y, ratio Z
#   resnext50_32x4d train img/s: dive X, pytorch Y, ratio Z
set -e
cd "$(dirname "$0")/.."
SIZE=224; BATCH=16; STEPS=3; THREADS=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --steps) STEPS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) echo "usage: sh bench/zoo.sh [--size S] [--batch B] [--steps N] [--threads T]" >&2; exit 2 ;;
  esac
done
make -s build/bench_zoo
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
PY=${PYTHON:-/usr/bin/python3}
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
field() { echo "$1" | awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
[ -e "$JEMALLOC" ] || echo "(no $JEMALLOC: apt-get install libjemalloc2; PyTorch runs as installed only)"
echo "$(lscpu | sed -n 's/^Model name: *//p'), $THREADS threads, batch $BATCH, ${SIZE}x$SIZE, $STEPS timed steps"
printf '%-16s %-40s %11s %11s %12s %13s %13s\n' model who train_img/s infer_img/s peak_rss_MB train_img/cpus infer_img/cpus
SUMMARY=""
for arch in resnet50 resnext50_32x4d; do
  d=$(OMP_NUM_THREADS=$THREADS ./build/bench_zoo --arch $arch --batch $BATCH --size $SIZE --steps $STEPS)
  dt=$(field "$d" train_img_s); di=$(field "$d" infer_img_s); dr=$(field "$d" peak_rss_mb)
  dct=$(field "$d" train_img_cpus); dci=$(field "$d" infer_img_cpus)
  printf '%-16s %-40s %11s %11s %12s %13s %13s  (%s)\n' $arch "dive.h" "$dt" "$di" "$dr" "$dct" "$dci" "$(field "$d" isa)"
  bt=0; bi=0; br=0; bw=""; bct=0
  for v in eager/nchw eager/channels_last torchscript/nchw torchscript/channels_last; do
    for alloc in installed jemalloc; do
      if [ $alloc = jemalloc ]; then
        [ -e "$JEMALLOC" ] || continue
        p=$(LD_PRELOAD=$JEMALLOC MALLOC_CONF="retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1" OPENBLAS_NUM_THREADS=1 \
            $PY bench/pytorch_zoo.py --arch $arch --threads $THREADS --batch $BATCH --size $SIZE --steps $STEPS --variants $v | tail -1)
      else
        p=$($PY bench/pytorch_zoo.py --arch $arch --threads $THREADS --batch $BATCH --size $SIZE --steps $STEPS --variants $v | tail -1)
      fi
      pt=$(field "$p" train_img_s); pi=$(field "$p" infer_img_s); pr=$(field "$p" peak_rss_mb)
      pct=$(field "$p" train_img_cpus); pci=$(field "$p" infer_img_cpus)
      printf '%-16s %-40s %11s %11s %12s %13s %13s\n' $arch "pytorch $v ($alloc)" "$pt" "$pi" "$pr" "$pct" "$pci"
      if awk -v a="$pct" -v b="$bct" 'BEGIN { exit !(a > b) }'; then bct=$pct; fi
      if awk -v a="$pt" -v b="$bt" 'BEGIN { exit !(a > b) }'; then bt=$pt; br=$pr; bw="$v ($alloc)"; fi
      if awk -v a="$pi" -v b="$bi" 'BEGIN { exit !(a > b) }'; then bi=$pi; fi
    done
  done
  awk -v m=$arch -v d="$dt" -v p="$bt" -v a="$di" -v b="$bi" -v dr="$dr" -v pr="$br" -v w="$bw" 'BEGIN {
    printf "%-16s ratios dive/pytorch at its best (%s): train %.2fx, infer %.2fx; peak RSS %.0f MB vs %.0f MB\n",
           m, w, d / p, a / b, dr, pr }'
  awk -v m=$arch -v d="$dct" -v p="$bct" 'BEGIN { printf "%-16s cpu-time: train img per CPU-second: dive %.2f, pytorch %.2f, ratio %.2f\n", m, d, p, d / p }'
  SUMMARY="$SUMMARY$(awk -v m=$arch -v d="$dt" -v p="$bt" 'BEGIN { printf "%s train img/s: dive %.2f, pytorch %.2f, ratio %.2f", m, d, p, d / p }')
"
done
printf '%s' "$SUMMARY"
