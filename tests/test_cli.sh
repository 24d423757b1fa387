#!/bin/sh
# test_cli: the example programs' command line, outputs and resume, on the real
# Fashion-MNIST files (Debian's dataset-fashion-mnist) with a tiny ResNet. Without them
# that part's FMNIST_CHECKS checks are counted as skipped.
#   make build/fashion_mnist_lt build/cifar_lt && sh tests/test_cli.sh
B=${B:-build}
P=$B/fashion_mnist_lt
T=$(mktemp -d /tmp/dive_cli.XXXXXX)
pass=0; fail=0; skip=0
FMNIST_CHECKS=21 # the checks of the Fashion-MNIST part: its skip count (a full run verifies it)
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
# expect_fail NAME PATTERN CMD...: exit code 2 or 1 and PATTERN in stderr
expect_fail() {
  name=$1; pat=$2; shift 2
  if "$@" >"$T/out" 2>"$T/err"; then no "$name (exit 0)"; return; fi
  if grep -q -- "$pat" "$T/err"; then ok "$name: $(head -1 "$T/err")"; else no "$name: wanted '$pat', got: $(head -2 "$T/err")"; fi
}
FAST="--depth 8 --width 4 --batch 32 --limit-train 500 --limit-test 200 --backend cpu --quiet --threads 2"

$P --help >"$T/help" && grep -q -- "--pipeline" "$T/help" && grep -q -- "--dump-indices" "$T/help" && ok "--help lists the flags" || no "--help"
expect_fail "unknown flag" "unknown flag --frobnicate" $P --frobnicate
expect_fail "bad method" "--method xyz: expected ce, bsce, dive or kd" $P --method xyz
expect_fail "bad number" "--epochs abc: expected a number" $P --epochs abc
expect_fail "non-integer" "--batch 1.5: expected an integer" $P --batch 1.5
expect_fail "out of range" "--lr -1: expected a number in" $P --lr -1
expect_fail "missing value" "--out needs a value" $P --out
expect_fail "bad depth" "--depth 9: expected 6n+2" $P --depth 9
expect_fail "dive without teacher" "needs --teacher" $P --method dive
expect_fail "missing data folder" "HINT" $P --data /nonexistent --epochs 1
expect_fail "cifar without data" "HINT: download the CIFAR" $B/cifar_lt
expect_fail "missing teacher file" "cannot open" $P --method dive --teacher /nonexistent.safetensors $FAST --epochs 1 --out "$T/x"

# --dump-indices: Fashion-MNIST-LT IF 100 keeps 14,886 images, the first n_i per class
if [ -f /usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz ]; then
  p0=$pass; f0=$fail
  $P --dump-indices "$T/idx" >/dev/null && [ "$(wc -l <"$T/idx")" = 14886 ] && ok "--dump-indices: 14886 lines" || no "--dump-indices count"
  # IF 10: n_i = floor(6000 * 0.1^(i/9)) = 6000 4645 3596 2784 2156 1669 1292 1000 774 600
  $P --imb 10 --dump-indices "$T/idx10" >/dev/null && [ "$(wc -l <"$T/idx10")" = 24516 ] \
    && ok "--imb 10 --dump-indices: 24516 lines" || no "--imb 10 --dump-indices: $(wc -l <"$T/idx10" 2>/dev/null) lines, wanted 24516"
  # a two-epoch run, and the same run killed after epoch 1 and resumed: same weights
  # two epochs straight, and the same run killed (SIGKILL) in epoch 2 and resumed: the
  # final weights must be bit-identical. 3000 images make an epoch last about a second.
  RES="--method bsce --depth 8 --width 4 --batch 32 --limit-train 3000 --limit-test 200 --backend cpu --quiet --threads 2 --epochs 2"
  $P $RES --out "$T/full" >"$T/log1" 2>&1 || no "two-epoch run: $(tail -2 "$T/log1")"
  for f in model.safetensors state.safetensors train.csv results.json; do
    [ -s "$T/full/$f" ] && ok "output $f" || no "output $f missing"
  done
  grep -q '"top1"' "$T/full/results.json" && grep -q '"per_class"' "$T/full/results.json" && ok "results.json fields" || no "results.json fields"
  [ "$(wc -l <"$T/full/train.csv")" = 3 ] && ok "train.csv: header + 2 epochs" || no "train.csv lines"
  $P $RES --out "$T/res" >/dev/null 2>&1 &
  pid=$!
  # epoch 1 is over once its train.csv line and its state file are both written (the line
  # comes first: waiting for the line alone can kill the run before the state is saved)
  while [ ! -s "$T/res/train.csv" ] || [ "$(wc -l <"$T/res/train.csv")" -lt 2 ] || [ ! -s "$T/res/state.safetensors" ]; do
    sleep 0.02; kill -0 $pid 2>/dev/null || break
  done
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  $P $RES --out "$T/res" --resume >"$T/log2" 2>&1 || no "resume run: $(tail -2 "$T/log2")"
  grep -q "resuming after epoch 1 " "$T/log2" && ok "killed in epoch 2, resumed after epoch 1" || no "resume did not start after epoch 1: $(grep -m1 -e resuming -e error "$T/log2")"
  cmp -s "$T/full/model.safetensors" "$T/res/model.safetensors" && ok "resumed run ends with bit-identical weights" || no "resumed model differs"
  [ "$(wc -l <"$T/res/train.csv")" = 3 ] && ok "resumed train.csv: header + 2 epochs" || no "resumed train.csv lines"
  # the pipeline end to end: ve.json, ve.svg, results table
  $P --pipeline --baseline $FAST --epochs 1 --out "$T/pipe" >"$T/log3" 2>&1 || no "pipeline: $(tail -3 "$T/log3")"
  for f in ve.json ve.svg results.json ce/model.safetensors bsce/model.safetensors dive/model.safetensors; do
    [ -s "$T/pipe/$f" ] && ok "pipeline output $f" || no "pipeline output $f missing"
  done
  grep -q "rule of thumb: T=" "$T/log3" && grep -q "^dive " "$T/log3" && grep -q "^ce " "$T/log3" && ok "pipeline prints the VE table and the results table" || no "pipeline tables"
  grep -q "<svg" "$T/pipe/ve.svg" && grep -q "</svg>" "$T/pipe/ve.svg" && ok "ve.svg is an svg" || no "ve.svg"
  python3 -c "import json,sys; d=json.load(open('$T/pipe/ve.json')); assert len(d['settings'])==20 and len(d['input_counts'])==10" \
    && ok "ve.json parses: 20 settings, 10 classes" || no "ve.json does not parse with 20 settings and 10 classes"
  # --analyze on the teacher alone gives the same pick as inside the pipeline
  $P --analyze "$T/pipe/bsce/model.safetensors" $FAST --out "$T/an" >"$T/log4" 2>&1 && \
    [ "$(grep 'rule of thumb' "$T/log4")" = "$(grep 'rule of thumb' "$T/log3")" ] && ok "--analyze matches the pipeline's analysis" || no "--analyze"
  n=$((pass + fail - p0 - f0))
  [ "$fail" -eq "$f0" ] && [ "$n" -ne "$FMNIST_CHECKS" ] && no "the Fashion-MNIST part ran $n checks, FMNIST_CHECKS says $FMNIST_CHECKS: update it"
else
  echo "SKIP  Fashion-MNIST part: $FMNIST_CHECKS checks not run: files not installed (dataset-fashion-mnist)"
  skip=$((skip + FMNIST_CHECKS))
fi

# cifar_lt on generated CIFAR-10 binaries (records of 1 label byte + 3072 pixels): 60
# images per class in each of the 5 training files' worth, 20 per class for the test file
python3 - "$T/cifar-10-batches-bin" <<'PY'
import os, sys, random
d = sys.argv[1]; os.makedirs(d)
random.seed(1)
def write(name, per_class):
    with open(os.path.join(d, name), "wb") as f:
        for i in range(10 * per_class):
            f.write(bytes([i % 10]) + bytes(random.getrandbits(8) for _ in range(3072)))
for k in range(1, 6):
    write("data_batch_%d.bin" % k, 12)
write("test_batch.bin", 20)
PY
# IF 10 with n_max = 60: n_i = floor(60 * 0.1^(i/9)) sums to 240
$B/cifar_lt --data "$T" --classes 10 --imb 10 --dump-indices "$T/cidx" >/dev/null 2>&1 && [ "$(wc -l <"$T/cidx")" = 240 ] \
  && ok "cifar_lt --dump-indices on generated CIFAR-10: 240 images" || no "cifar_lt --dump-indices ($(wc -l <"$T/cidx" 2>/dev/null))"
$B/cifar_lt --data "$T/cifar-10-batches-bin" --classes 10 --imb 10 --method ce $FAST --epochs 1 --out "$T/c10" >"$T/log5" 2>&1 \
  && grep -q '"top1"' "$T/c10/results.json" && ok "cifar_lt trains on the folder itself" || no "cifar_lt run: $(tail -2 "$T/log5")"
expect_fail "cifar_lt --classes 7" "expected 10 or 100" $B/cifar_lt --data "$T" --classes 7
rm -rf "$T"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
