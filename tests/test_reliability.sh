#!/bin/sh
# test_reliability: SIGKILL at random moments never leaves a corrupt checkpoint, and
# --resume after any number of kills ends with the same weights as a run never killed;
# a full disk while writing the training state fails cleanly and keeps the last one.
# Uses the example fashion_mnist_lt on Debian's Fashion-MNIST (docs/reliability.md).
#   make test-reliability    (KILLS=N to change the number of kills per phase)
B=${B:-build}
P=$B/fashion_mnist_lt
C=$B/ckpt_check
KILLS=${KILLS:-8}
T=$(mktemp -d /tmp/dive_rel.XXXXXX)
pass=0; fail=0
REL_CHECKS=9 # the checks of a run: its skip count without the dataset (a full run verifies it)
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
rand() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); } # 0 .. $1-1
if [ ! -f /usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz ]; then
  echo "SKIP  $REL_CHECKS checks not run: Fashion-MNIST files not installed (dataset-fashion-mnist)"
  echo "0 passed, 0 failed, $REL_CHECKS skipped"; rm -rf "$T"; exit 0
fi

# killrun NAME FLAGS MAXMS: run to the end, killed with SIGKILL after 0..MAXMS ms each time
# (KILLS times at most, then left to finish), --resume after each kill; after every kill
# every *.safetensors in the folder must be complete and valid.
killrun() {
  name=$1; flags=$2; maxms=$3; out=$T/$name; kills=0; corrupt=0; temps=0; resume=
  while :; do
    $P $flags --out "$out" $resume >"$T/log" 2>&1 &
    pid=$!
    if [ $kills -lt "$KILLS" ]; then
      ms=$(rand "$maxms")
      sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
      [ -n "$REL_DEBUG" ] && echo "  $name: kill after $ms ms"
      if kill -9 $pid 2>/dev/null; then
        wait $pid 2>/dev/null
        kills=$((kills + 1))
        ls "$out"/*.safetensors >/dev/null 2>&1 && { $C "$out"/*.safetensors || corrupt=$((corrupt + 1)); }
        n=$(ls "$out" 2>/dev/null | grep -c '\.tmp'); temps=$((temps + n))
        rm -f "$out"/*.tmp*   # left by a kill inside the write; the checkpoint itself is whole
        resume=--resume
        continue
      fi
    fi
    wait $pid || { no "$name: run failed: $(tail -n 2 "$T/log")"; return; }
    break
  done
  [ $corrupt -eq 0 ] && ok "$name: $kills kills at random times, every checkpoint valid after each ($temps kills inside a write)" \
    || no "$name: $corrupt kills left an invalid checkpoint"
}

# 1. a 3-epoch run (about 1 s an epoch) killed at random points up to 1.5 s
F1="--method bsce --depth 8 --width 4 --batch 32 --limit-train 1000 --limit-test 200 --backend cpu --quiet --threads 2 --epochs 3"
$P $F1 --out "$T/ref1" >"$T/log" 2>&1 || no "uninterrupted run: $(tail -n 2 "$T/log")"
killrun kill1 "$F1" 1500
cmp -s "$T/ref1/model.safetensors" "$T/kill1/model.safetensors" && ok "kill1: resumed model equals the uninterrupted one bit for bit" \
  || no "kill1: resumed model differs from the uninterrupted run"

# 2. the write window: epochs of 2 steps, so a large share of the time is spent in
# dive_resnet_save_state (write, fsync, rename); sub-second kills
F2="--method ce --imb 1 --depth 8 --width 4 --batch 32 --limit-train 64 --limit-test 32 --backend cpu --quiet --threads 2 --epochs 100"
$P $F2 --out "$T/ref2" >"$T/log" 2>&1 || no "uninterrupted run 2: $(tail -n 2 "$T/log")"
KILLS=$((KILLS * 3)) killrun kill2 "$F2" 700
cmp -s "$T/ref2/model.safetensors" "$T/kill2/model.safetensors" && ok "kill2: resumed model equals the uninterrupted one bit for bit" \
  || no "kill2: resumed model differs from the uninterrupted run"

# 3. a full disk while writing the training state: RLIMIT_FSIZE below its size, SIGXFSZ
# ignored, so write() fails with EFBIG as on a full disk
F3="--method ce --imb 1 --depth 8 --width 4 --batch 32 --limit-train 64 --limit-test 32 --backend cpu --quiet --threads 2"
$P $F3 --epochs 1 --out "$T/fd" >"$T/log" 2>&1 || no "full disk: first epoch: $(tail -n 2 "$T/log")"
cp "$T/fd/state.safetensors" "$T/state.before"
kb=$(( $(wc -c <"$T/fd/state.safetensors") / 1024 / 2 ))
( ulimit -f $((kb * 2)); trap '' XFSZ; exec $P $F3 --epochs 2 --resume --out "$T/fd" ) >"$T/log" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q "File too large" "$T/log" && ok "full disk: exit $rc: $(grep -m1 'File too large' "$T/log")" \
  || no "full disk: exit $rc, wanted an error naming the failed write: $(tail -n 2 "$T/log")"
cmp -s "$T/state.before" "$T/fd/state.safetensors" && $C "$T/fd/state.safetensors" && ok "full disk: the last good state is unchanged and valid" \
  || no "full disk: state.safetensors changed or invalid"
[ -z "$(ls "$T/fd" | grep '\.tmp')" ] && ok "full disk: no temp file left" || no "full disk: temp file left"
$P $F3 --epochs 2 --resume --out "$T/fd" >"$T/log" 2>&1 && grep -q "resuming after epoch 1 " "$T/log" && ok "full disk: --resume goes on from it" \
  || no "full disk: resume: $(tail -n 2 "$T/log")"

# 4. the checker itself: it must reject a cut and a flipped checkpoint
head -c 3000 "$T/ref1/state.safetensors" >"$T/cut.safetensors"
cp "$T/ref1/model.safetensors" "$T/flip.safetensors"
printf 'X' | dd of="$T/flip.safetensors" bs=1 seek=$(( $(wc -c <"$T/flip.safetensors") - 5 )) conv=notrunc 2>/dev/null
! $C "$T/cut.safetensors" >/dev/null && ! $C "$T/flip.safetensors" >/dev/null && ok "ckpt_check rejects a cut and a flipped file" \
  || no "ckpt_check accepts a broken file"
rm -rf "$T"
[ "$fail" -eq 0 ] && [ "$pass" -ne "$REL_CHECKS" ] && no "ran $pass checks, REL_CHECKS says $REL_CHECKS: update it"
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
