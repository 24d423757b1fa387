#!/bin/sh
# test_wino.sh: the model against PyTorch (test_ref's fixture) with the CPU's Winograd in
# every stride-1 3x3 conv (DIVE_CPU_WINOGRAD=1): as F(2x2, 3x3) forward and backward-data;
# as F(2x2) forward and F(4x4, 3x3) backward-data (DIVE_CPU_WINO4=2); as F(4x4) in both
# (DIVE_CPU_WINO4=1); and as F(2x2) with backward-weights as Winograd F(3x3, 2x2) too
# (DIVE_CPU_WGW=1, its count on test_ref's "cpu Winograd backward-weights" line). Every row of each run counts, the gradients after F(4x4)'s forward
# too: the fixture keeps every ReLU input of its batch at least 5e-4 of its layer's RMS from
# zero (tests/ref/gen_ref.py), far beyond F(4x4)'s rounding (a few 1e-6 of the largest
# output), so no float32 path lands on the other side of a ReLU from PyTorch's; the worst
# F(4x4) rows (layer3's weight gradients) reach about 9e-6 of the 1e-5 tolerance.
# Each run must also have taken the Winograd path it asks for (test_ref's "cpu Winograd
# convs" line; one check each). test_wino compares all of it with the direct convs. CPU only (test_ref -b cpu): the
# Vulkan half of test_ref is left to its own run. Ends with the runs' checks added up.
unset DIVE_REQUIRE_VULKAN DIVE_VK_VALIDATION
p=0; f=0; s=0
for run in 0:0 2:0 1:0 0:1; do
  w4=${run%:*}; wgw=${run#*:}
  out=$(DIVE_CPU_WINOGRAD=1 DIVE_CPU_WINO4=$w4 DIVE_CPU_WGW=$wgw VK_DRIVER_FILES=/dev/null VK_ICD_FILENAMES=/dev/null \
        ./build/test_ref -b cpu 2>&1); rc=$?
  echo "DIVE_CPU_WINOGRAD=1 DIVE_CPU_WINO4=$w4 DIVE_CPU_WGW=$wgw:"
  echo "$out"
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' | tail -n 1)
  if [ -z "$line" ]; then f=$((f + 1)); continue; fi
  # forward, its F(4x4), backward-data, its F(4x4): what each mode must show (1: every
  # Winograd conv as F(4x4); 2: backward-data's, none of the forward's; 0: none)
  ran=$(echo "$out" | sed -nE 's/^cpu Winograd convs: forward ([0-9]+) \(F\(4x4\) ([0-9]+)\), backward-data ([0-9]+) \(F\(4x4\) ([0-9]+)\)$/\1 \2 \3 \4/p')
  set -- $ran
  case "$w4" in 0) ok=$([ "${1:-0}" -gt 0 ] && [ "$2" = 0 ] && [ "$3" -gt 0 ] && [ "$4" = 0 ] && echo 1) ;;
                2) ok=$([ "${1:-0}" -gt 0 ] && [ "$2" = 0 ] && [ "$4" -gt 0 ] && echo 1) ;;
                1) ok=$([ "${2:-0}" -gt 0 ] && [ "$2" = "$1" ] && [ "$4" -gt 0 ] && [ "$4" = "$3" ] && echo 1) ;; esac
  if [ "$ok" = 1 ]; then echo "OK    DIVE_CPU_WINO4=$w4 ran its Winograd convs ($ran)"; p=$((p + 1))
  else echo "FAIL  DIVE_CPU_WINO4=$w4 did not run the Winograd convs it asks for (${ran:-no count})"; f=$((f + 1)); fi
  nw=$(echo "$out" | sed -nE 's/^cpu Winograd backward-weights: ([0-9]+)$/\1/p')
  if [ "$wgw" = 1 ] && [ "${nw:-0}" -gt 0 ]; then echo "OK    DIVE_CPU_WGW=1 ran backward-weights as Winograd ($nw)"; p=$((p + 1))
  elif [ "$wgw" = 1 ]; then echo "FAIL  DIVE_CPU_WGW=1 did not run backward-weights as Winograd (${nw:-no count})"; f=$((f + 1)); fi
  [ "$rc" -ne 0 ] && [ "$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')" = 0 ] && f=$((f + 1))
  p=$((p + $(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')))
  s=$((s + $(echo "$line" | sed -E 's/.* ([0-9]+) skipped$/\1/')))
done
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]
