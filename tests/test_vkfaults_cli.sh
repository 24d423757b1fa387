#!/bin/sh
# test_vkfaults_cli: the example programs after a Vulkan device lost / out of device memory,
# injected (build/cifar_lt_vkfaults is cifar_lt built with -DDIVE_VK_FAULTS; docs/reliability.md).
# On tiny generated CIFAR-10 binaries, ResNet-8, Vulkan:
# each fault ends with exit 1, a message naming the fault and the last good checkpoint,
# which is byte-identical and valid, no temp file; --resume then finishes the run.
# No Vulkan device (or DIVE_BACKEND=cpu): its VKF_CLI_CHECKS checks are counted as skipped
# (failed when DIVE_REQUIRE_VULKAN=1).
#   make build/cifar_lt_vkfaults build/ckpt_check && . tests/vk_env.sh && sh tests/test_vkfaults_cli.sh
B=${B:-build}
P=$B/cifar_lt_vkfaults
C=$B/ckpt_check
T=$(mktemp -d /tmp/dive_vkcli.XXXXXX)
pass=0; fail=0
VKF_CLI_CHECKS=10 # the checks of a run: its skip count (a full run verifies it)
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
skip() {
  if [ "${DIVE_REQUIRE_VULKAN:-0}" != 0 ]; then
    echo "FAIL  $VKF_CLI_CHECKS checks cannot run (DIVE_REQUIRE_VULKAN=1): $1"; echo "0 passed, $VKF_CLI_CHECKS failed, 0 skipped"
  else
    echo "SKIP  $VKF_CLI_CHECKS checks not run: $1"; echo "0 passed, 0 failed, $VKF_CLI_CHECKS skipped"
  fi
  rm -rf "$T"; [ "${DIVE_REQUIRE_VULKAN:-0}" = 0 ]; exit
}
[ "$DIVE_BACKEND" = cpu ] && skip "the environment sets DIVE_BACKEND=cpu"
# CIFAR-10 binaries (records of 1 label byte + 3072 pixels): 8 images per class in each
# of the 5 training files, 4 per class in the test file
python3 - "$T/data" <<'PY' || { echo "FAIL  python3 could not write the CIFAR-10 files"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
import os, sys
d = sys.argv[1]; os.makedirs(d)
pix = bytes(range(256)) * 24
def write(name, n):
    with open(os.path.join(d, name), "wb") as f:
        for i in range(n):
            f.write(bytes([i % 10]) + pix[(i * 37) % 256:][:3072])
for k in range(1, 6):
    write("data_batch_%d.bin" % k, 80)
write("test_batch.bin", 40)
PY
F="--data $T/data --classes 10 --imb 1 --method bsce --depth 8 --width 4 --batch 32 --limit-train 64 --backend vulkan --quiet --threads 2"
unset DIVE_VK_FAULT
$P $F --epochs 1 --out "$T/run" >"$T/log" 2>&1 || {
  grep -q "no device" "$T/log" && skip "no Vulkan device ($(grep -m1 error "$T/log"))"
  no "first epoch without a fault: $(tail -n 2 "$T/log")"; }
cp "$T/run/state.safetensors" "$T/state.before" 2>/dev/null

# fault RUN_NAME DIVE_VK_FAULT PATTERN: --resume with the fault injected must fail cleanly
fault() {
  DIVE_VK_FAULT=$2 $P $F --epochs 3 --resume --out "$T/run" >"$T/log" 2>&1
  rc=$?
  if [ $rc -eq 1 ] && grep -q -- "$3" "$T/log" && grep -q "the last good checkpoint is $T/run/state.safetensors" "$T/log"; then
    ok "$1: exit 1: $(grep -m1 -- "$3" "$T/log" | cut -c1-150)"
  else
    no "$1: exit $rc, wanted 1, '$3' and the last good checkpoint: $(tail -n 3 "$T/log")"
  fi
  cmp -s "$T/state.before" "$T/run/state.safetensors" && $C "$T/run/state.safetensors" >/dev/null \
    && [ -z "$(ls "$T/run" | grep '\.tmp')" ] && ok "$1: state.safetensors unchanged and valid, no temp file" \
    || no "$1: state.safetensors changed, invalid, or a temp file left"
}
# the faults count submits and waits: here 1-2 load the state, 3 and 4 submit the two
# (recorded, replayed) steps of epoch 2, 5 is step 2's wait for step 1, 6 the epoch's
# dive_resnet_sync waiting for step 2, then the evaluation (all before epoch 2's checkpoint)
fault "lost:1 (resume)" lost:1 "device lost: vkQueueSubmit: VK_ERROR_DEVICE_LOST"
fault "lost:5 (a train step)" lost:5 "device lost: vkWaitForFences (replay): VK_ERROR_DEVICE_LOST"
fault "lost:9 (after the epoch)" lost:9 "device lost: vkQueueSubmit: VK_ERROR_DEVICE_LOST"
fault "oom:2 (the model)" oom:2 "out of memory: vkAllocateMemory: VK_ERROR_OUT_OF_DEVICE_MEMORY"
$P $F --epochs 3 --resume --out "$T/run" >"$T/log" 2>&1 && grep -q "resuming after epoch 1 " "$T/log" \
  && $C "$T/run/model.safetensors" >/dev/null && ok "--resume without a fault goes on from epoch 1 and finishes" \
  || no "resume: $(tail -n 2 "$T/log")"
n=$(grep -c "vulkan validation" "$T/log")
[ "$n" -eq 0 ] && ok "no validation messages in the resumed run" || no "$n validation messages"
rm -rf "$T"
[ "$fail" -eq 0 ] && [ "$pass" -ne "$VKF_CLI_CHECKS" ] && no "ran $pass checks, VKF_CLI_CHECKS says $VKF_CLI_CHECKS: update it"
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
