#!/bin/sh
# dist.sh - data-parallel training on this machine's CPU: 1 and 2 ranks of 1 thread each
# (mpirun), the same global batch; images/s of the whole job, the time per step and the
# part of it spent in the gradient allreduce (mean over the ranks; it includes waiting for
# the slower rank). Prints the CPU model and the load average first: other work on the
# machine moves these numbers.
#   sh bench/dist.sh [bench_dist flags]    e.g. sh bench/dist.sh --arch resnet50 --size 64 --batch 16
set -e
cd "$(dirname "$0")/.."
make -s build/bench_dist
MPIRUN="mpirun --oversubscribe --bind-to none"
[ "$(id -u)" = 0 ] && MPIRUN="$MPIRUN --allow-run-as-root"
echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) ($(nproc) cpus); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
for n in 1 2; do
  OMP_NUM_THREADS=1 $MPIRUN -np $n ./build/bench_dist "$@"
done
