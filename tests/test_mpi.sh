#!/bin/sh
# test_mpi: the MPI layer on 2 ranks of this machine (make test-mpi builds what it needs).
# Open MPI refuses root without --allow-run-as-root, and binds each rank to one core
# (--bind-to none: the ranks' OpenMP threads share the cores); --oversubscribe lets 2
# ranks run on a machine that reports fewer slots.
B=${B:-build}
pass=0; fail=0
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
MPIRUN="mpirun --oversubscribe --bind-to none"
[ "$(id -u)" = 0 ] && MPIRUN="$MPIRUN --allow-run-as-root"
T=$(mktemp -d /tmp/dive_mpi.XXXXXX)

# the layer's own checks; rank 0 prints them and their total, which joins this script's
if OMP_NUM_THREADS=1 $MPIRUN -np 2 $B/test_dist > "$T/dist" 2>&1; then rc=0; else rc=$?; fi
sed 's/^/  /' "$T/dist"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$T/dist" | tail -1)
if [ -n "$line" ] && [ $rc -eq 0 ]; then
  pass=$((pass + $(echo "$line" | cut -d' ' -f1))); fail=$((fail + $(echo "$line" | cut -d' ' -f3)))
else
  no "test_dist on 2 ranks: rc $rc, $(grep -E 'FAIL|rank' "$T/dist" | head -3)"
fi

# a rank that hangs: the watchdog (3 s) ends the job, non-zero, with a message, well
# before the hung rank would have woken up (30 s)
s=$(date +%s)
OMP_NUM_THREADS=1 $MPIRUN -np 2 $B/test_dist hang > "$T/hang" 2>&1; rc=$?
e=$(( $(date +%s) - s ))
if [ $rc -ne 0 ] && [ $e -lt 25 ] && grep -q "got no answer from the other ranks" "$T/hang"; then
  ok "a hung rank: the job ends in $e s with rc $rc: $(grep -o 'rank [0-9]: a barrier got no answer[^;]*' "$T/hang" | head -1)"
else
  no "a hung rank: rc $rc after $e s: $(tail -3 "$T/hang")"
fi
rm -rf "$T"
echo "$pass passed, $fail failed, 0 skipped"
[ $fail -eq 0 ]
