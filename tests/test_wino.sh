#!/bin/sh
# test_wino.sh: the model against PyTorch (test_ref's fixture) with the CPU's Winograd
# F(2x2, 3x3) in every stride-1 3x3 conv, forward and backward-data (DIVE_CPU_WINOGRAD=1);
# test_wino compares it with the direct convs. CPU only (test_ref -b cpu): the Vulkan half
# of test_ref is left to its own run.
unset DIVE_REQUIRE_VULKAN DIVE_VK_VALIDATION
out=$(DIVE_CPU_WINOGRAD=1 VK_DRIVER_FILES=/dev/null VK_ICD_FILENAMES=/dev/null ./build/test_ref -b cpu 2>&1); rc=$?
echo "$out"
line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
[ -n "$line" ] && [ "$rc" -eq 0 ]
