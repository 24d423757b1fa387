#!/bin/sh
# test_compile: dive.h instantiates cleanly (-Wall -Wextra -Werror) as C99 with gcc and
# clang, with and without -fopenmp and DIVE_NO_VULKAN, and as C++11 with g++; also with
# DIVE_VK_FAULTS. A compiler that is not installed counts its builds as skipped.
T=$(mktemp -d /tmp/dive_compile.XXXXXX)
printf '#define DIVE_IMPLEMENTATION\n#include "dive.h"\nint main(void){return 0;}\n' > "$T/u.c"
cp "$T/u.c" "$T/u.cpp"
pass=0; fail=0; skip=0
try() {
  if ! command -v "$1" >/dev/null; then echo "SKIP  $* ($1 not installed)" | sed "s|$T/||"; skip=$((skip + 1)); return; fi
  if "$@" -Wall -Wextra -Werror -fsyntax-only -I. 2>"$T/err"; then echo "OK    $*" | sed "s|$T/||"; pass=$((pass + 1))
  else echo "FAIL  $*" | sed "s|$T/||"; head -5 "$T/err"; fail=$((fail + 1)); fi
}
for cc in gcc clang; do
  for omp in "" -fopenmp; do
    for nv in "" -DDIVE_NO_VULKAN; do
      [ $cc = clang ] && [ -n "$omp" ] && continue # Debian's clang has no libomp headers by default
      try $cc -std=c99 $omp $nv "$T/u.c"
    done
  done
done
for omp in "" -fopenmp; do try g++ -std=c++11 $omp "$T/u.cpp"; done
try g++ -std=c++11 -DDIVE_NO_VULKAN "$T/u.cpp"
# the Vulkan fault-injection hook of the tests (DIVE_VK_FAULTS)
try gcc -std=c99 -DDIVE_VK_FAULTS "$T/u.c"
try g++ -std=c++11 -DDIVE_VK_FAULTS "$T/u.cpp"
# the MPI build (DIVE_MPI) as C99 and C++11
if command -v mpicc >/dev/null; then
  try mpicc -std=c99 -DDIVE_MPI "$T/u.c"
  try mpicxx -std=c++11 -DDIVE_MPI "$T/u.cpp"
fi
rm -rf "$T"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
