#!/bin/sh
# Runs every libFuzzer target (built by `make fuzz` into build-fuzz/): first on its
# regression inputs (tests/fuzz/regress/<target>/, inputs that once crashed), then fuzzing
# for FUZZ_SECONDS from the generated seed corpus, two targets at a time. Any sanitizer
# report, crash, leak, timeout, or allocation over the limits fails the run; the failing
# input is left in build-fuzz/ (crash-*, oom-*, timeout-*, leak-*).
#   make fuzz FUZZ_SECONDS=60      fuzz each target for 60 s (new inputs every run)
#   make fuzz FUZZ_RUNS=ci         a fixed number of inputs per target from seed 1: the
#                                  same inputs on every machine (what CI runs)
B=build-fuzz
S=${FUZZ_SECONDS:-60}
R=${FUZZ_RUNS:-}
# -malloc_limit_mb: one allocation over 256 MB fails (a header claiming absurd sizes
# must be refused before allocating); -rss_limit_mb: the whole process over 1.5 GB fails
OPTS="-rss_limit_mb=1536 -malloc_limit_mb=256 -timeout=10 -print_final_stats=1 -artifact_prefix=$B/"
TARGETS="idx cifar list image safetensors"
rm -rf "$B/corpus" "$B/work" && "$B/make_seeds" "$B/corpus" || exit 1
fail=0
one() {
  t=$1
  mkdir -p "$B/work/$t"
  if [ -d "tests/fuzz/regress/$t" ]; then
    "$B/fuzz_$t" $OPTS tests/fuzz/regress/$t/* >"$B/regress_$t.log" 2>&1 ||
      { echo "FAIL  fuzz_$t: a regression input fails (see $B/regress_$t.log)"; tail -n 30 "$B/regress_$t.log"; return 1; }
  fi
  if [ -n "$R" ]; then # deterministic: about a minute per target on a 2-core machine
    case $t in image) n=20000 ;; safetensors) n=150000 ;; *) n=400000 ;; esac
    [ "$R" != ci ] && n=$R
    "$B/fuzz_$t" $OPTS -seed=1 -runs="$n" "$B/work/$t" "$B/corpus/$t" >"$B/fuzz_$t.log" 2>&1
  else
    "$B/fuzz_$t" $OPTS -max_total_time="$S" "$B/work/$t" "$B/corpus/$t" >"$B/fuzz_$t.log" 2>&1
  fi
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/fuzz_$t.log")
  cov=$(grep -o 'cov: [0-9]*' "$B/fuzz_$t.log" | tail -n 1)
  if [ $rc -ne 0 ]; then
    echo "FAIL  fuzz_$t (exit $rc after $runs runs):"; grep -E "ERROR|SUMMARY|runtime error|Test unit" "$B/fuzz_$t.log" | head -n 8
    return 1
  fi
  echo "OK    fuzz_$t: $runs runs, $cov, corpus $(ls "$B/work/$t" | wc -l) files, nothing found"
}
set -- $TARGETS
while [ $# -gt 0 ]; do
  one "$1" & p1=$!
  p2=
  [ $# -gt 1 ] && { one "$2" & p2=$!; }
  wait $p1 || fail=1
  [ -n "$p2" ] && { wait $p2 || fail=1; }
  shift; [ $# -gt 0 ] && shift
done
[ $fail -eq 0 ] && echo "fuzz: all targets clean" || echo "fuzz: FAILED"
exit $fail
