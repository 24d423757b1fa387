#!/bin/sh
# Runs each test program given as an argument from the repository root, prints its
# output, and ends with one "N passed, N failed" line; exits 1 if any program failed.
pass=0; fail=0; failed=""
for t in "$@"; do
  echo "== $t"
  case "$t" in *.sh) cmd="sh $t" ;; *) cmd="./$t" ;; esac
  if $cmd; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
