#!/bin/sh
# bench/gpu_run.sh - everything to check and time on a machine with a real GPU, in one run
# (docs/vulkan.md "Measuring on a GPU"):
#   1. the machine: GPU, driver, Vulkan device;
#   2. build;
#   3. the Vulkan tests on the device (test_vulkan with every tile shape, test_ops, test_ref,
#      test_train, test_loss; validation on when the layer is installed);
#   4. ResNet-32 (100 classes) training step at batch 128: dive.h on Vulkan and PyTorch CUDA
#      strict fp32 (TF32 off) in the same run -> "train img/s: dive X, pytorch Y, ratio Z";
#   5. ResNet-50 at 224x224, batch 64, the same line: MARKED STEP, runs only when the model
#      driver with ImageNet architectures is in this build (bench_resnet --arch);
#   6. the per-kernel profile of the ResNet-32 step (DIVE_VK_PROFILE=1: microseconds,
#      GFLOP/s, GB/s per kernel; submits, host waits, dispatches, barriers, descriptor writes);
#   7. the CPU-vs-Vulkan cross-check and the Fashion-MNIST-LT pipeline (when time allows).
# Results go to stdout and to $OUT (default build/gpu). Every step has a timeout.
#   sh bench/gpu_run.sh [FMNIST_DIR] [PIPELINE_EPOCHS]
FM=${1:-/usr/share/datasets/fashion-mnist}
PE=${2:-2}
OUT=${OUT:-build/gpu}
PY=${PYTHON:-python3}
mkdir -p "$OUT"
cd "$(dirname "$0")/.." || exit 1

echo "== machine"; date; nproc
GPU=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)
DRV=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -1)
[ -z "$GPU" ] && GPU=$(vulkaninfo --summary 2>/dev/null | sed -n 's/^ *deviceName *= *//p' | head -1)
[ -z "$DRV" ] && DRV=$(vulkaninfo --summary 2>/dev/null | sed -n 's/^ *driverInfo *= *//p' | head -1)
echo "GPU: ${GPU:-unknown}, driver: ${DRV:-unknown}"
vulkaninfo --summary 2>/dev/null | grep -E "deviceName|deviceType|apiVersion|driverName|driverInfo" | head -8

echo "== build"
if command -v cc >/dev/null 2>&1; then
  make -s -j8 build/test_vulkan build/test_ops build/test_loss build/test_ref build/test_train \
    build/resnet32_synthetic build/bench_resnet build/cross_check build/fashion_mnist_lt 2>&1 | grep -v "^make" | tail -5
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
for t in test_vulkan test_loss test_ops test_ref test_train; do
  s=$(date +%s)
  if [ "$t" = test_vulkan ]; then
    DIVE_VK_VALIDATION=$VAL DIVE_BACKEND=vulkan timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?
  elif [ "$t" = test_ops ]; then
    timeout 300 ./build/$t -b vulkan > "$OUT/$t.log" 2>&1; rc=$?
  else
    timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?
  fi
  echo "$t: rc=$rc $(tail -1 "$OUT/$t.log") ($(( $(date +%s) - s )) s)"
  [ $rc -ne 0 ] && grep -E "FAIL" "$OUT/$t.log" | head -8
done
grep -E "capture:" "$OUT/test_vulkan.log" | head -1

ratio_line() { # label dive_img_s torch_img_s
  if [ -n "$2" ] && [ -n "$3" ]; then
    echo "$1 train img/s: dive $2, pytorch $3, ratio $($PY -c "print('%.3f' % ($2 / $3))") (GPU: $GPU, driver: $DRV)"
  else
    echo "$1 train img/s: not measured (dive '$2', pytorch '$3')"
  fi
}

echo "== ResNet-32 (100 classes) training step, batch 128, Vulkan vs PyTorch CUDA strict fp32"
timeout 300 ./build/resnet32_synthetic --backend vulkan --steps 40 --batch 128 --classes 100 > "$OUT/dive_step.log" 2>&1
tail -2 "$OUT/dive_step.log"
timeout 300 $PY bench/gpu_torch.py --classes 100 --batch 128 --steps 200 > "$OUT/torch_step.log" 2>&1
timeout 300 $PY bench/gpu_torch.py --classes 100 --batch 128 --steps 200 --tf32 > "$OUT/torch_step_tf32.log" 2>&1
tail -2 "$OUT/torch_step.log"; tail -1 "$OUT/torch_step_tf32.log" | sed 's/^/(tf32) /'
d=$(sed -n 's/^train img\/s: \([0-9.]*\).*/\1/p' "$OUT/dive_step.log" | tail -1)
p=$(sed -n 's/^pytorch train img\/s: //p' "$OUT/torch_step.log" | tail -1)
ratio_line "ResNet-32 batch 128" "$d" "$p"

echo "== ResNet-50 224x224, batch 64 (MARKED STEP: needs the ImageNet model driver in bench_resnet)"
# Expected interface once it lands: bench_resnet --backend vulkan --arch resnet50 --size 224
# --batch 64 --steps N, printing "dive train_img_s X ..." (as bench_resnet does for the CPU).
if ./build/bench_resnet --help 2>&1 | grep -q -- "--arch"; then
  timeout 400 ./build/bench_resnet --backend vulkan --arch resnet50 --size 224 --batch 64 --steps 10 \
    > "$OUT/dive_r50.log" 2>&1
  tail -2 "$OUT/dive_r50.log"
  timeout 300 $PY bench/gpu_torch.py --arch resnet50 --size 224 --classes 1000 --batch 64 --steps 50 \
    > "$OUT/torch_r50.log" 2>&1
  tail -2 "$OUT/torch_r50.log"
  d=$(awk '{for (i = 1; i < NF; i++) if ($i == "train_img_s") print $(i + 1)}' "$OUT/dive_r50.log" | tail -1)
  p=$(sed -n 's/^pytorch train img\/s: //p' "$OUT/torch_r50.log" | tail -1)
  ratio_line "ResNet-50 224x224 batch 64" "$d" "$p"
  grep "vulkan per step" "$OUT/dive_r50.log" | tail -1
else
  echo "SKIP: this build's bench_resnet has no --arch (the ImageNet architectures are not in it yet)"
  timeout 300 $PY bench/gpu_torch.py --arch resnet50 --size 224 --classes 1000 --batch 64 --steps 50 2>&1 | tail -1 \
    | sed 's/^/(pytorch alone) /'
fi

echo "== per-kernel profile: ResNet-32 step, batch 128 (DIVE_VK_PROFILE=1)"
DIVE_VK_PROFILE=1 timeout 300 ./build/resnet32_synthetic --backend vulkan --steps 8 --batch 128 --classes 100 \
  > "$OUT/profile.log" 2>&1
sed -n '/dive vulkan profile/,/totals:/p' "$OUT/profile.log" | head -48
tail -1 "$OUT/profile.log"

echo "== cross-check: ResNet-32 step at batch 128, CPU vs Vulkan, tensor by tensor"
timeout 300 ./build/cross_check 32 128 100 > "$OUT/cross_check.log" 2>&1; echo "rc=$? $(tail -1 "$OUT/cross_check.log")"
grep -- "<--" "$OUT/cross_check.log" | head -5

echo "== Fashion-MNIST-LT pipeline (ResNet-32, $PE epochs each) on Vulkan"
if [ -d "$FM" ]; then
  s=$(date +%s)
  timeout 420 ./build/fashion_mnist_lt --data "$FM" --pipeline --baseline --epochs "$PE" --T 3 --power 0.5 \
    --backend vulkan --quiet --out "$OUT/fmnist" > "$OUT/fmnist.log" 2>&1
  echo "rc=$? in $(( $(date +%s) - s )) s"
  grep -E "epoch|^ce |^bsce |^dive |method" "$OUT/fmnist.log" | tail -14
else
  echo "SKIP: no Fashion-MNIST at $FM"
fi
