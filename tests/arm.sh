#!/bin/sh
# arm.sh - `make test-arm`: the aarch64 build (NEON kernels, -DDIVE_NO_VULKAN, cross-built
# into build-arm/ by Debian's gcc-aarch64-linux-gnu) run under qemu-user against the serial
# reference and the PyTorch fixture: every op row of test_ops (the conv rows again on the
# portable path, and with Winograd), test_ref on the NEON path, on the portable one with
# its own Winograd rule (F(2x2) and F(4x4) where it picks them), with Winograd in every 3x3
# conv and with F(4x4) in every one (forward and backward-data, forced: NEON's rule does
# not pick it), each of the last three required to have run Winograd (test_ref's "cpu
# Winograd convs" line), and test_wino. Every row counts: the fixture keeps the ReLU inputs
# of its batch away from zero (tests/ref/gen_ref.py). qemu says nothing about speed. Ends
# with the total:
#   N passed, N failed, N skipped   (test_ops's Vulkan rows are the skipped ones)
RUN=${ARM_RUN:-qemu-aarch64-static -L /usr/aarch64-linux-gnu}
unset DIVE_REQUIRE_VULKAN DIVE_CPU_ISA DIVE_BACKEND
pass=0; fail=0; skip=0
one() { # label, then the command (environment assignments first)
  label=$1; shift
  s=$(date +%s)
  out=$(env "$@" 2>&1); rc=$?
  echo "== $label (aarch64 under qemu, $(( $(date +%s) - s )) s)"
  echo "$out"
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then echo "FAIL  $label printed no 'N passed, N failed' line"; fail=$((fail + 1)); return; fi
  p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then echo "FAIL  $label exited $rc"; f=1; fi
  if ! echo "$out" | grep -q "$want"; then echo "FAIL  $label did not run the $want kernels"; f=$((f + 1)); fi
  k=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
  pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + ${k:-0}))
}
want="kernels neon"; one "test_ops" $RUN ./build-arm/test_ops -b cpu
want="relerr"; one "test_ref (neon)" $RUN ./build-arm/test_ref -b cpu
want="Winograd convs: forward [1-9]"; one "test_ref (generic, its Winograd rule)" DIVE_CPU_ISA=generic $RUN ./build-arm/test_ref -b cpu
want="Winograd convs: forward [1-9].*backward-data [1-9]"; one "test_ref (Winograd in every 3x3 conv)" DIVE_CPU_WINOGRAD=1 $RUN ./build-arm/test_ref -b cpu
want="(F(4x4) [1-9][0-9]*), backward-data [0-9]* (F(4x4) [1-9]"; one "test_ref (F(4x4) in every 3x3 conv)" DIVE_CPU_WINOGRAD=1 DIVE_CPU_WINO4=1 $RUN ./build-arm/test_ref -b cpu
want="kernels neon"; one "test_wino" $RUN ./build-arm/test_wino
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
