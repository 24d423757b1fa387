#!/bin/sh
# bench/gpu_run.sh - everything to check and time on a machine with a real GPU, in one run:
# build, the test suite on the Vulkan device, the ResNet-32 training step at batch 128 for
# dive.h (Vulkan) and for PyTorch CUDA (strict fp32) in the same run, and the Fashion-MNIST-LT
# pipeline end to end. Results go to stdout and to $OUT (default build/gpu).
#   sh bench/gpu_run.sh [FMNIST_DIR] [PIPELINE_EPOCHS]
FM=${1:-/usr/share/datasets/fashion-mnist}
PE=${2:-2}
OUT=${OUT:-build/gpu}
mkdir -p "$OUT"
echo "== machine"; date; nproc
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null
vulkaninfo --summary 2>/dev/null | grep -E "deviceName|apiVersion|driverVersion" | head -6
echo "== build"
if command -v cc >/dev/null 2>&1; then
  make -s -j8 build/test_vulkan build/test_ops build/test_loss build/test_ref build/test_train \
    build/resnet32_synthetic build/fashion_mnist_lt 2>&1 | grep -v "^make" | tail -5
else
  echo "no compiler here: using the carried build/"
fi
echo "== tests on the Vulkan device"
export DIVE_REQUIRE_VULKAN=1
for t in test_vulkan test_loss test_ops test_ref test_train; do
  s=$(date +%s)
  if [ "$t" = test_vulkan ]; then DIVE_BACKEND=vulkan timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?
  else timeout 300 ./build/$t > "$OUT/$t.log" 2>&1; rc=$?; fi
  echo "$t: rc=$rc $(tail -1 "$OUT/$t.log") ($(( $(date +%s) - s )) s)"
  [ $rc -ne 0 ] && grep -E "FAIL" "$OUT/$t.log" | head -8
done
echo "== cross-check: ResNet-32 step at batch 128, CPU vs Vulkan, tensor by tensor"
./build/cross_check 32 128 100 > "$OUT/cross_check.log" 2>&1; echo "rc=$? $(tail -1 "$OUT/cross_check.log")"
grep -- "<--" "$OUT/cross_check.log" | head -5
echo "== ResNet-32 (100 classes) training step, batch 128"
./build/resnet32_synthetic --backend vulkan --steps 40 --batch 128 --classes 100 2>&1 | tail -3 | tee "$OUT/dive_step.log"
python3 bench/gpu_torch.py --classes 100 --batch 128 --steps 200 2>&1 | tail -3 | tee "$OUT/torch_step.log"
python3 bench/gpu_torch.py --classes 100 --batch 128 --steps 200 --tf32 2>&1 | tail -2 | tee "$OUT/torch_step_tf32.log"
d=$(grep "train img/s" "$OUT/dive_step.log" | sed 's/.*: \([0-9.]*\).*/\1/')
p=$(grep "pytorch train img/s" "$OUT/torch_step.log" | sed 's/.*: //')
[ -n "$d" ] && [ -n "$p" ] && echo "train img/s: dive $d, pytorch $p, ratio $(python3 -c "print('%.3f' % ($d / $p))")"
echo "== Fashion-MNIST-LT pipeline (ResNet-32, $PE epochs each) on Vulkan"
s=$(date +%s)
timeout 420 ./build/fashion_mnist_lt --data "$FM" --pipeline --baseline --epochs "$PE" --T 3 --power 0.5 \
  --backend vulkan --quiet --out "$OUT/fmnist" > "$OUT/fmnist.log" 2>&1
echo "rc=$? in $(( $(date +%s) - s )) s"
grep -E "epoch|^ce |^bsce |^dive |method" "$OUT/fmnist.log" | tail -14
