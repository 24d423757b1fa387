#!/bin/sh
# bench/gpu_run.sh - everything to check and time on a machine with a real GPU, in one run
# (docs/vulkan.md "Measuring on a GPU"). On an NVIDIA machine without a Vulkan loader
# (the H100/H200 ones), .gl/ made by shared/gpu/vulkan-loader.sh comes along and the one call is
#   source .gl/setup.sh; sh bench/gpu_run.sh [FMNIST_DIR] [PIPELINE_EPOCHS]
#   1. the machine: GPU, driver, Vulkan device;
#   2. build;
#   3. the Vulkan tests on the device (test_vulkan with every tile shape, test_replay,
#      test_ops, test_ref, test_train, test_loss; validation on when the layer is installed);
#   4. ResNet-32 (100 classes) training at batch 128: dive.h on Vulkan (bench_resnet, the
#      recorded step replayed, two in flight) and PyTorch CUDA strict fp32 (TF32 off) in the
#      same run -> "ResNet-32 batch 128 train img/s: dive X, pytorch Y, ratio Z (GPU: .., driver: ..)"
#      and dive's "vulkan per step: submits S, host waits W, dispatches D, barriers B, descriptor writes U";
#      then dive's ResNet-32 step again with DIVE_VK_FUSE=0 (the BN work out of the convs'
#      epilogues, the unfused passes) -> "ResNet-32 ... epilogue fusions: default X img/s,
#      DIVE_VK_FUSE=0 Y img/s, speedup Z" and that run's counter line;
#      then with DIVE_VK_FOLD=0 (the training BN's apply inside a block a pass of its own,
#      not folded into the next conv) -> "ResNet-32 ... BN apply folded into the next conv:
#      default X img/s, DIVE_VK_FOLD=0 Y img/s, speedup Z" and its counter line;
#      then with DIVE_VK_SUBGROUP=0 (the work-group reductions' shared-memory trees instead
#      of subgroup arithmetic) -> "ResNet-32 ... subgroup reductions (...): default X img/s,
#      DIVE_VK_SUBGROUP=0 Y img/s, speedup Z" and its counter line;
#      then the same step in the opt-in fp16 mode (DIVE_VK_FP16=1: the conv GEMMs' tiles in
#      fp16, fp32 sums) -> "ResNet-32 ... fp16 GEMM tiles (default fp32): default X img/s,
#      DIVE_VK_FP16=1 Y img/s, speedup Z" (Z = default / switched in all three A/B lines);
#   5. the same for ResNet-50 (1000 classes) at 224x224, batch 64, then its step again with
#      DIVE_VK_MERGE=0 (every BN merge one invocation per channel, no bn_merge_wg) ->
#      "ResNet-50 batch 64 BN merge (...): default X img/s, DIVE_VK_MERGE=0 Y img/s, speedup Z";
#      with DIVE_VK_FOLD=0 -> "ResNet-50 batch 64 BN apply folded into the next conv: ...";
#      and with DIVE_VK_SUBGROUP=0 -> "ResNet-50 batch 64 subgroup reductions (...): ...";
#   6. the per-kernel profile of the ResNet-32 step (DIVE_VK_PROFILE=1: microseconds,
#      GFLOP/s, GB/s per kernel);
#   7. the CPU-vs-Vulkan cross-check and the Fashion-MNIST-LT pipeline (when the data is there).
# GPU_RUN_SMALL=1: a dry run on any Vulkan device (lavapipe): tiny batches and sizes, a few
# steps, the tests that take minutes there left out, PyTorch on the CPU when there is no
# CUDA; it checks the script, not the speed (its ratios mean nothing).
# Results go to stdout and to $OUT (default build/gpu). Every step has a timeout.
FM=${1:-/usr/share/datasets/fashion-mnist}
PE=${2:-2}
OUT=${OUT:-build/gpu}
PY=${PYTHON:-python3}
SMALL=${GPU_RUN_SMALL:-0}
cd "$(dirname "$0")/.." || exit 1
mkdir -p "$OUT"

if [ "$SMALL" = 1 ]; then # dry run: sizes lavapipe finishes in a few minutes
  R32="--batch 4 --steps 3"; R50="--arch resnet50 --size 64 --classes 1000 --batch 2 --steps 2"
  T32="--batch 4 --steps 3"; T50="--arch resnet50 --size 64 --classes 1000 --batch 2 --steps 3"
  PROF="--batch 2 --steps 2"; TESTS="test_vulkan test_replay test_train test_loss"
else
  R32="--batch 128 --steps 40"; R50="--arch resnet50 --size 224 --classes 1000 --batch 64 --steps 20"
  T32="--batch 128 --steps 200"; T50="--arch resnet50 --size 224 --classes 1000 --batch 64 --steps 50"
  PROF="--batch 128 --steps 8"; TESTS="test_vulkan test_replay test_loss test_ops test_ref test_train"
fi
TDEV=cuda
$PY -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null || TDEV=cpu

echo "== machine"; date; nproc
GPU=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)
DRV=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -1)
[ -z "$GPU" ] && GPU=$(vulkaninfo --summary 2>/dev/null | sed -n 's/^[[:space:]]*deviceName[[:space:]]*=[[:space:]]*//p' | head -1)
[ -z "$DRV" ] && DRV=$(vulkaninfo --summary 2>/dev/null | sed -n 's/^[[:space:]]*driverInfo[[:space:]]*=[[:space:]]*//p' | head -1)
echo "GPU: ${GPU:-unknown}, driver: ${DRV:-unknown}; PyTorch on: $TDEV"
[ "$TDEV" = cpu ] && echo "NOTE: no CUDA here: the PyTorch numbers are the CPU's and the ratios are not GPU ratios"
[ "$SMALL" = 1 ] && echo "NOTE: GPU_RUN_SMALL=1 dry run: small sizes, the numbers check the script only"
vulkaninfo --summary 2>/dev/null | grep -E "deviceName|deviceType|apiVersion|driverName|driverInfo" | head -8

echo "== build"
if command -v cc >/dev/null 2>&1; then
  make -s -j"$(nproc 2>/dev/null || echo 2)" build/test_vulkan build/test_replay build/test_ops build/test_loss build/test_ref build/test_train \
    build/bench_resnet build/cross_check build/fashion_mnist_lt 2>&1 | grep -v "^make" | tail -5
else
  echo "no compiler here: using the carried build/"
fi

echo "== tests on the Vulkan device"
export DIVE_REQUIRE_VULKAN=1
VAL=0
for d in /usr/share/vulkan/explicit_layer.d /usr/local/share/vulkan/explicit_layer.d $VK_LAYER_PATH; do
  [ -e "$d/VkLayer_khronos_validation.json" ] && VAL=1
done
echo "validation layer: $([ $VAL = 1 ] && echo on || echo "not installed (tests run without it)")"
for t in $TESTS; do
  s=$(date +%s)
  if [ "$t" = test_vulkan ]; then
    DIVE_VK_VALIDATION=$VAL DIVE_BACKEND=vulkan timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?
  elif [ "$t" = test_ops ]; then
    timeout 300 ./build/$t -b vulkan > "$OUT/$t.log" 2>&1; rc=$?
  else
    DIVE_VK_VALIDATION=$VAL timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?
  fi
  echo "$t: rc=$rc $(tail -1 "$OUT/$t.log") ($(( $(date +%s) - s )) s)"
  [ $rc -ne 0 ] && grep -E "FAIL" "$OUT/$t.log" | head -8
done
grep -E "capture:" "$OUT/test_vulkan.log" | head -1
grep -E "steady state" "$OUT/test_replay.log" | head -1

ratio_line() { # label dive_img_s torch_img_s
  if [ -n "$2" ] && [ -n "$3" ] && [ "$($PY -c "print(int($3 > 0))")" = 1 ]; then
    echo "$1 train img/s: dive $2, pytorch $3, ratio $($PY -c "print('%.3f' % ($2 / $3))") (GPU: $GPU, driver: $DRV)"
  else
    echo "$1 train img/s: not measured (dive '$2', pytorch '$3')"
  fi
}

img_s() { # a bench_resnet log -> its last train_img_s
  awk '{for (i = 1; i < NF; i++) if ($i == "train_img_s") print $(i + 1)}' "$1" | tail -1
}

bench() { # label log dive-args torch-args
  timeout 600 ./build/bench_resnet --backend vulkan $3 > "$OUT/$2_dive.log" 2>&1
  echo "dive: rc=$? $(grep train_img_s "$OUT/$2_dive.log" | tail -1)"
  timeout 600 $PY bench/gpu_torch.py --device $TDEV $4 > "$OUT/$2_torch.log" 2>&1
  [ "$TDEV" = cuda ] && timeout 600 $PY bench/gpu_torch.py --device $TDEV $4 --tf32 > "$OUT/$2_torch_tf32.log" 2>&1
  head -1 "$OUT/$2_torch.log"
  [ -s "$OUT/$2_torch_tf32.log" ] && tail -2 "$OUT/$2_torch_tf32.log" | head -1 | sed 's/^/(tf32, for scale) /'
  d=$(img_s "$OUT/$2_dive.log")
  p=$(sed -n 's/^pytorch train img\/s: //p' "$OUT/$2_torch.log" | tail -1)
  ratio_line "$1" "$d" "$p"
  grep "vulkan per step" "$OUT/$2_dive.log" | tail -1
}

echo "== ResNet-32 (100 classes) training step, Vulkan vs PyTorch strict fp32 ($R32)"
bench "ResNet-32 batch $(echo "$R32" | awk '{print $2}')" r32 "--arch resnet32 --classes 100 $R32" "--arch resnet32 --classes 100 $T32"

ab_env() { # label base-log log "VAR=VALUE [VAR=VALUE]" "bench args" [note]: a bench_resnet run
  # again with the switches set, against the base run's img/s -> "label: default X img/s,
  # VAR=VALUE Y img/s, speedup Z" (Z = default / switched: above 1 where the default is faster)
  env $4 timeout 600 ./build/bench_resnet --backend vulkan $5 > "$OUT/$3_dive.log" 2>&1
  echo "dive $4: rc=$? $(grep train_img_s "$OUT/$3_dive.log" | tail -1)"
  d=$(img_s "$OUT/$2_dive.log"); u=$(img_s "$OUT/$3_dive.log")
  if [ -n "$d" ] && [ -n "$u" ]; then
    echo "$1: default $d img/s, $4 $u img/s, speedup $($PY -c "print('%.3f' % ($d / $u))") (GPU: $GPU, driver: $DRV)"
  else
    echo "$1: not measured (default '$d', $4 '$u'$6)"
  fi
  grep "vulkan per step" "$OUT/$3_dive.log" | tail -1
}
B32="ResNet-32 batch $(echo "$R32" | awk '{print $2}')"

echo "== ResNet-32 step without the epilogue fusions (DIVE_VK_FUSE=0, $R32): the fusions' effect"
ab_env "$B32 epilogue fusions" r32 r32_nofuse DIVE_VK_FUSE=0 "--arch resnet32 --classes 100 $R32"

echo "== ResNet-32 step without the BN apply folded into the next conv (DIVE_VK_FOLD=0, $R32): the fold's effect"
ab_env "$B32 BN apply folded into the next conv" r32 r32_fold0 DIVE_VK_FOLD=0 "--arch resnet32 --classes 100 $R32"

echo "== ResNet-32 step with the reductions' shared-memory trees (DIVE_VK_SUBGROUP=0, $R32): the subgroup form's effect"
ab_env "$B32 subgroup reductions (default where supported)" r32 r32_sg0 DIVE_VK_SUBGROUP=0 \
  "--arch resnet32 --classes 100 $R32"

echo "== ResNet-32 step in the opt-in fp16 mode (DIVE_VK_FP16=1, $R32): fp16 GEMM tiles vs fp32"
ab_env "$B32 fp16 GEMM tiles + loss scaling (default fp32)" r32 r32_fp16 DIVE_VK_FP16=1 \
  "--arch resnet32 --classes 100 $R32" "; refused where the device lacks shaderFloat16"

echo "== ResNet-32 step in the fp16 mode without its loss scaling (DIVE_VK_LOSS_SCALE=0, $R32): what scaling costs"
ab_env "$B32 fp16 loss scaling (here default = DIVE_VK_FP16=1, scaled)" r32_fp16 r32_fp16_nols \
  "DIVE_VK_FP16=1 DIVE_VK_LOSS_SCALE=0" "--arch resnet32 --classes 100 $R32" "; refused where the device lacks shaderFloat16"

echo "== ResNet-50 (1000 classes) training step, Vulkan vs PyTorch strict fp32 ($R50)"
bench "ResNet-50 $(echo "$R50" | awk '{print $4 "x" $4}') batch $(echo "$R50" | awk '{print $8}')" r50 "$R50" "$T50"

echo "== ResNet-50 step with one invocation per channel in every BN merge (DIVE_VK_MERGE=0, $R50)"
ab_env "ResNet-50 batch $(echo "$R50" | awk '{print $8}') BN merge (default bn_merge_wg where many chunks)" r50 \
  r50_merge0 DIVE_VK_MERGE=0 "$R50"

echo "== ResNet-50 step without the BN apply folded into the next conv (DIVE_VK_FOLD=0, $R50)"
ab_env "ResNet-50 batch $(echo "$R50" | awk '{print $8}') BN apply folded into the next conv" r50 r50_fold0 \
  DIVE_VK_FOLD=0 "$R50"

echo "== ResNet-50 step with the reductions' shared-memory trees (DIVE_VK_SUBGROUP=0, $R50)"
ab_env "ResNet-50 batch $(echo "$R50" | awk '{print $8}') subgroup reductions (default where supported)" r50 r50_sg0 \
  DIVE_VK_SUBGROUP=0 "$R50"

echo "== per-kernel profile: ResNet-32 step ($PROF, DIVE_VK_PROFILE=1)"
DIVE_VK_PROFILE=1 timeout 300 ./build/bench_resnet --backend vulkan --arch resnet32 --classes 100 $PROF \
  > "$OUT/profile.log" 2>&1
sed -n '/dive vulkan profile/,/totals:/p' "$OUT/profile.log" | head -48
grep "vulkan per step" "$OUT/profile.log" | tail -1

echo "== cross-check: ResNet-32 step, CPU vs Vulkan, tensor by tensor"
if [ "$SMALL" = 1 ]; then CC="32 4 100"; else CC="32 128 100"; fi
timeout 300 ./build/cross_check $CC > "$OUT/cross_check.log" 2>&1; echo "rc=$? $(tail -1 "$OUT/cross_check.log")"
grep -- "<--" "$OUT/cross_check.log" | head -5

echo "== Fashion-MNIST-LT pipeline (ResNet-32, $PE epochs each) on Vulkan"
if [ -d "$FM" ] && [ "$SMALL" != 1 ]; then
  s=$(date +%s)
  timeout 420 ./build/fashion_mnist_lt --data "$FM" --pipeline --baseline --epochs "$PE" --T 3 --power 0.5 \
    --backend vulkan --quiet --out "$OUT/fmnist" > "$OUT/fmnist.log" 2>&1
  echo "rc=$? in $(( $(date +%s) - s )) s"
  grep -E "epoch|^ce |^bsce |^dive |method" "$OUT/fmnist.log" | tail -14
else
  echo "SKIP: no Fashion-MNIST at $FM (or GPU_RUN_SMALL=1)"
fi
