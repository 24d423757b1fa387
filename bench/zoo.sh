#!/bin/sh
# zoo.sh - ResNet-50 and ResNeXt-50 (32x4d) training and inference on the CPU: dive.h against
# torchvision's own models in PyTorch, on the same cores, measured in one run (make bench-zoo).
#   sh bench/zoo.sh [--size S] [--batch B] [--steps N] [--threads T] [--pairs R]
#   (default 224, 16, 3, all cores, R = $ZOO_PAIRS or 3)
# PyTorch at its best: eager and TorchScript, each NCHW and channels-last (oneDNN's layout),
# each run as installed and with jemalloc preloaded and told to keep its memory
# (LD_PRELOAD=libjemalloc.so.2, MALLOC_CONF=retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1,
# OPENBLAS_NUM_THREADS=1, as bench/cpu.sh); every variant in its own process, so the peak RSS
# printed is that variant's. Each program's figure is the median of its timed steps after 1
# warm-up step. Per model, two phases:
#   1. the scan: dive.h once, then the eight PyTorch variants once each; the fastest
#      training variant (by wall time) is "pytorch" from here on;
#   2. R pairs: dive.h and that variant alternately, R runs each (pair i runs dive.h first
#      when i is odd, PyTorch first when it is even), every pair printed.
# The final lines compare the best of each side over the R paired runs, so both sides are
# the best of R draws of the same kind (the scan's runs do not count: its best variant is
# the maximum of eight draws against one of dive.h's, and on a shared VM that alone moved
# the ratio 0.95x -> 1.10x between two runs of one build). Also printed: images per second
# of process CPU time (*_cpus), which on one thread (--threads 1) and a machine shared with
# other work varies far less than wall time; the "cpu-time" line compares the best of each
# side over the same paired runs by it. --pairs 0 (ZOO_PAIRS=0) skips phase 2 and compares
# the scan's runs instead (the old measure). A "best of all runs" line per model compares
# each side's fastest training run of the whole target (scan and pairs). Ends with:
#   resnet50 train img/s: dive X, pytorch Y, ratio Z
#   resnext50_32x4d train img/s: dive X, pytorch Y, ratio Z
set -e
cd "$(dirname "$0")/.."
SIZE=224; BATCH=16; STEPS=3; THREADS=$(nproc); PAIRS=${ZOO_PAIRS:-3}
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --steps) STEPS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    *) echo "usage: sh bench/zoo.sh [--size S] [--batch B] [--steps N] [--threads T] [--pairs R]" >&2; exit 2 ;;
  esac
done
case "$PAIRS" in ''|*[!0-9]*) echo "zoo.sh: --pairs / ZOO_PAIRS must be a number >= 0, not '$PAIRS'" >&2; exit 2 ;; esac
make -s build/bench_zoo
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
PY=${PYTHON:-/usr/bin/python3}
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
field() { echo "$1" | awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }
max() { if gt "$1" "$2"; then echo "$1"; else echo "$2"; fi; }
# one run of each side: sets the variables named d* (dive.h) or p* (PyTorch) and prints a row
run_dive() { # arch, label
  d=$(OMP_NUM_THREADS=$THREADS ./build/bench_zoo --arch $1 --batch $BATCH --size $SIZE --steps $STEPS)
  dt=$(field "$d" train_img_s); di=$(field "$d" infer_img_s); dr=$(field "$d" peak_rss_mb)
  dct=$(field "$d" train_img_cpus); dci=$(field "$d" infer_img_cpus)
  printf '%-16s %-40s %11s %11s %12s %13s %13s  (%s)\n' $1 "$2" "$dt" "$di" "$dr" "$dct" "$dci" "$(field "$d" isa)"
}
run_pt() { # arch, variant, allocator (installed | jemalloc), label
  if [ $3 = jemalloc ]; then
    p=$(LD_PRELOAD=$JEMALLOC MALLOC_CONF="retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1" OPENBLAS_NUM_THREADS=1 \
        $PY bench/pytorch_zoo.py --arch $1 --threads $THREADS --batch $BATCH --size $SIZE --steps $STEPS --variants $2 | tail -1)
  else
    p=$($PY bench/pytorch_zoo.py --arch $1 --threads $THREADS --batch $BATCH --size $SIZE --steps $STEPS --variants $2 | tail -1)
  fi
  pt=$(field "$p" train_img_s); pi=$(field "$p" infer_img_s); pr=$(field "$p" peak_rss_mb)
  pct=$(field "$p" train_img_cpus); pci=$(field "$p" infer_img_cpus)
  printf '%-16s %-40s %11s %11s %12s %13s %13s\n' $1 "$4" "$pt" "$pi" "$pr" "$pct" "$pci"
}
[ -e "$JEMALLOC" ] || echo "(no $JEMALLOC: apt-get install libjemalloc2; PyTorch runs as installed only)"
echo "$(lscpu | sed -n 's/^Model name: *//p'), $THREADS threads, batch $BATCH, ${SIZE}x$SIZE, $STEPS timed steps, $PAIRS pairs"
printf '%-16s %-40s %11s %11s %12s %13s %13s\n' model who train_img/s infer_img/s peak_rss_mb train_img/cpus infer_img/cpus
SUMMARY=""
for arch in resnet50 resnext50_32x4d; do
  # 1. the scan
  run_dive $arch "dive.h (scan)"
  sdt=$dt; sdi=$di; sdr=$dr; sdct=$dct
  bt=0; bi=0; br=0; bw=""; bv=""; ba=""; bct=0; biw=""
  for v in eager/nchw eager/channels_last torchscript/nchw torchscript/channels_last; do
    for alloc in installed jemalloc; do
      if [ $alloc = jemalloc ] && [ ! -e "$JEMALLOC" ]; then continue; fi
      run_pt $arch $v $alloc "pytorch $v ($alloc)"
      if gt "$pct" "$bct"; then bct=$pct; fi
      if gt "$pt" "$bt"; then bt=$pt; br=$pr; bw="$v ($alloc)"; bv=$v; ba=$alloc; fi
      if gt "$pi" "$bi"; then bi=$pi; biw="$v ($alloc)"; fi
    done
  done
  echo "$arch scan (one run each): fastest training variant $bw, $bt img/s; fastest inference $biw, $bi img/s"
  if [ "$PAIRS" -eq 0 ]; then # the scan's runs: dive.h once against the best of eight
    Dt=$sdt; Di=$sdi; Dr=$sdr; Dct=$sdct; Pt=$bt; Pi=$bi; Pr=$br; Pct=$bct; how="the scan: dive.h once, the fastest variant of one run each"
  else
    # 2. R pairs, dive.h and the scan's fastest training variant alternately
    Dt=0; Di=0; Dr=0; Dct=0; Pt=0; Pi=0; Pr=0; Pct=0
    i=1
    while [ $i -le "$PAIRS" ]; do
      for side in $( [ $((i % 2)) = 1 ] && echo "dive pt" || echo "pt dive" ); do
        if [ $side = dive ]; then
          run_dive $arch "dive.h (pair $i)"
          Dt=$(max "$dt" "$Dt"); Di=$(max "$di" "$Di"); Dct=$(max "$dct" "$Dct"); Dr=$(max "$dr" "$Dr")
        else
          run_pt $arch $bv $ba "pytorch $bw (pair $i)"
          Pt=$(max "$pt" "$Pt"); Pi=$(max "$pi" "$Pi"); Pct=$(max "$pct" "$Pct"); Pr=$(max "$pr" "$Pr")
        fi
      done
      echo "$arch pair $i: train img/s dive $dt, pytorch $pt; img per CPU-second dive $dct, pytorch $pct"
      i=$((i + 1))
    done
    how="best of $PAIRS paired runs each, $bw"
  fi
  awk -v m=$arch -v d="$Dt" -v p="$Pt" -v a="$Di" -v b="$Pi" -v dr="$Dr" -v pr="$Pr" -v w="$how" 'BEGIN {
    printf "%-16s ratios dive/pytorch at its best (%s): train %.2fx, infer %.2fx; peak RSS %.0f MB vs %.0f MB\n",
           m, w, d / p, a / b, dr, pr }'
  awk -v m=$arch -v d="$Dct" -v p="$Pct" 'BEGIN { printf "%-16s cpu-time: train img per CPU-second: dive %.2f, pytorch %.2f, ratio %.2f\n", m, d, p, d / p }'
  # each side's fastest training run of the whole target (dive.h: the scan and the pairs;
  # PyTorch: all eight variants and the pairs): the harshest reading of a noisy host
  awk -v m=$arch -v d="$(max "$sdt" "$Dt")" -v p="$(max "$bt" "$Pt")" 'BEGIN { printf "%-16s best of all runs: train img/s dive %.2f, pytorch %.2f, ratio %.2f\n", m, d, p, d / p }'
  SUMMARY="$SUMMARY$(awk -v m=$arch -v d="$Dt" -v p="$Pt" 'BEGIN { printf "%s train img/s: dive %.2f, pytorch %.2f, ratio %.2f", m, d, p, d / p }')
"
done
printf '%s' "$SUMMARY"
