#!/bin/sh
# Runs the test programs given as arguments from the repository root, TEST_JOBS at a time
# (default: the number of cores), prints each one's output in the order given, and ends with
# the total of their checks:  N passed, N failed, N skipped
# Every program ends its output with its own "N passed, N failed, N skipped" line, where a
# part that could not run here is counted as skipped (tests/test_util.h). A program that
# exits non-zero while reporting no failure, prints no such line, or reports no check at
# all counts as one failed check more. Exits 1 if any check failed.
J=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
# The programs run side by side, each with its own OpenMP team on the same cores: a thread
# that waits sleeps instead of spinning (libgomp spins for a while by default), so one
# program's waits do not take a core from the other. Results do not depend on it; it cut the
# suite's CPU time by a third on 2 cores.
OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
export OMP_WAIT_POLICY
T=$(mktemp -d /tmp/dive_run.XXXXXX)
i=0
for t in "$@"; do
  i=$((i + 1))
  echo "$i $t"
done > "$T/list"
# each line of the list is "index program"; xargs appends it after the folder
xargs -P "$J" -L 1 sh -c '
  d=$1; i=$2; t=$3
  case "$t" in *.sh) cmd="sh $t" ;; *) cmd="./$t" ;; esac
  s=$(date +%s)
  $cmd > "$d/$i.log" 2>&1; echo $? > "$d/$i.rc"
  echo $(( $(date +%s) - s )) > "$d/$i.sec"
  echo "   finished $t ($(cat "$d/$i.sec") s)" >&2
' sh "$T" < "$T/list"
pass=0; fail=0; skip=0; bad=""
while read -r i t; do
  echo "== $t ($(cat "$T/$i.sec") s)"
  cat "$T/$i.log"
  rc=$(cat "$T/$i.rc")
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$T/$i.log" | tail -n 1)
  p=0; f=0; k=0
  if [ -n "$line" ]; then
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    k=$(echo "$line" | sed -E 's/.* ([0-9]+) skipped$/\1/')
    if [ $((p + f + k)) -eq 0 ]; then echo "FAIL  $t reports no check at all"; f=1; fi
  else
    echo "FAIL  $t printed no 'N passed, N failed, N skipped' line"
    f=1
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then echo "FAIL  $t exited $rc"; f=1; fi
  [ "$f" -ne 0 ] && bad="$bad $t"
  pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + k))
done < "$T/list"
rm -rf "$T"
[ -n "$bad" ] && echo "failed:$bad"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
