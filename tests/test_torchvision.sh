#!/bin/sh
# test_torchvision: dive.h's ImageNet-family checkpoints against torchvision itself, live.
#   - torchvision's resnext50_32x4d / resnet50 (1 input channel) / resnet18 (1 channel)
#     take dive.h checkpoints with load_state_dict(strict=True) and give dive.h's eval logits;
#   - dive.h loads checkpoints written from torchvision and gives torchvision's eval logits;
#   - the CIFAR ResNet: PyTorch's module (tests/ref/gen_ref.py) takes test_checkpoint's
#     export with load_state_dict(strict=True) and gives its eval logits (check_torch_load.py).
# Needs build/zoo_tv, build/test_checkpoint and python3-torch + python3-torchvision (DIVE_DEPS_TORCH=1 sh
# scripts/deps.sh installs them; CI does). Without them: SKIP, or FAIL when
# DIVE_REQUIRE_TORCH=1. Run from the repository root: sh tests/test_torchvision.sh
PY=${PYTHON:-/usr/bin/python3}
if ! "$PY" -c "import torch, torchvision" 2>/dev/null; then
  if [ "${DIVE_REQUIRE_TORCH:-0}" = 1 ]; then
    echo "FAIL  $PY cannot import torch and torchvision (DIVE_REQUIRE_TORCH=1)"
    echo "0 passed, 13 failed, 0 skipped"
    exit 1
  fi
  echo "SKIP  $PY cannot import torch and torchvision (DIVE_DEPS_TORCH=1 sh scripts/deps.sh)"
  echo "0 passed, 0 failed, 13 skipped" # the 13 checks below
  exit 0
fi
D=$(mktemp -d /tmp/dive_tv.XXXXXX)
L=$D/log
{
  ./build/zoo_tv export "$D" || echo "FAIL  zoo_tv export exited $?"
  "$PY" tests/ref/tv_roundtrip.py check "$D" || echo "FAIL  tv_roundtrip.py check exited $?"
  "$PY" tests/ref/tv_roundtrip.py export "$D" || echo "FAIL  tv_roundtrip.py export exited $?"
  ./build/zoo_tv check "$D" || echo "FAIL  zoo_tv check exited $?"
  mkdir "$D/cifar" && DIVE_TORCH_EXPORT="$D/cifar" ./build/test_checkpoint > "$D/cifar/log" 2>&1 ||
    { cat "$D/cifar/log"; echo "FAIL  test_checkpoint (export) exited $?"; }
  if out=$("$PY" tests/ref/check_torch_load.py "$D/cifar" 2>&1); then echo "OK    resnet32 (CIFAR): $out"
  else echo "FAIL  resnet32 (CIFAR): $out"; fi
} > "$L" 2>&1
cat "$L"
p=$(grep -c '^OK' "$L")
f=$(grep -c '^FAIL' "$L")
rm -rf "$D"
[ $((p + f)) -ne 13 ] && { echo "FAIL  $((p + f)) checks ran, 13 expected"; f=$((f + 1)); }
echo "$p passed, $f failed, 0 skipped"
[ "$f" -eq 0 ]
