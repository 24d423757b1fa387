#!/bin/sh
# Installs the Debian packages dive.h's build, tests, examples and benchmarks use, when
# any is missing. Needs root (or sudo). `make deps` runs it; `make demo` and `make test`
# depend on it.
#   build + tests : gcc make libstb-dev zlib1g-dev libvulkan-dev
#   Vulkan tests  : mesa-vulkan-drivers (lavapipe) vulkan-validationlayers vulkan-tools
#   shaders       : glslang-tools spirv-tools
#   demo data     : dataset-fashion-mnist
#   report, Fig. 8: chromium (tests/test_modes.sh renders report.html headless),
#                   python3-sklearn python3-matplotlib python3-numpy (examples/tsne.py)
#   fuzzing       : clang libclang-rt-14-dev (libFuzzer, `make fuzz`)
#   data parallel : openmpi-bin libopenmpi-dev (`make mpi`, `make test-mpi`)
#   torchvision   : python3-torch python3-torchvision, only with DIVE_DEPS_TORCH=1 (CI sets
#                   it): tests/test_torchvision.sh checks checkpoints against torchvision
#                   itself, and skips without them (fails with DIVE_REQUIRE_TORCH=1). On a
#                   fresh Debian 12 with the rest installed they add 297 packages, ~200 MB
#                   to download and ~800 MB installed. libjemalloc2 comes with them: the
#                   benchmarks (bench/cpu.sh, bench/zoo.sh) also time PyTorch with it.
#   aarch64 tests : gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static (`make test-arm`;
#                   about 106 MB to download, 550 MB installed)
set -e
PKGS="gcc make libc6-dev libstb-dev libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools glslang-tools spirv-tools dataset-fashion-mnist python3 chromium python3-sklearn python3-matplotlib python3-numpy clang libclang-rt-14-dev openmpi-bin libopenmpi-dev gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static"
[ "${DIVE_DEPS_TORCH:-0}" = 1 ] && PKGS="$PKGS python3-torch python3-torchvision libjemalloc2"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing
