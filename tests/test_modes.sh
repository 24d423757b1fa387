#!/bin/sh
# test_modes: what the example programs do besides one training run - the schedule flags,
# --seeds, --eval, --predict, --eval-shift, --features (+ examples/tsne.py), report.html
# rendered in headless Chromium - on the real Fashion-MNIST files with a tiny ResNet.
#   make build/fashion_mnist_lt build/imagenet_lt && sh tests/test_modes.sh
# Ends with "N passed, N failed, N skipped"; a part whose tool is missing (Chromium,
# scikit-learn) prints SKIP and counts as skipped (CI installs them: scripts/deps.sh).
B=${B:-build}
P=$B/fashion_mnist_lt
T=$(mktemp -d /tmp/dive_modes.XXXXXX)
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
pass=0; fail=0; skip=0
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
sk() { echo "SKIP  $1"; skip=$((skip + 1)); }
expect_fail() {
  name=$1; pat=$2; shift 2
  if "$@" >"$T/out" 2>"$T/err"; then no "$name (exit 0)"; return; fi
  if grep -q -- "$pat" "$T/err"; then ok "$name: $(head -1 "$T/err")"; else no "$name: wanted '$pat', got: $(head -2 "$T/err")"; fi
}
FAST="--depth 8 --width 4 --batch 32 --limit-train 500 --limit-test 200 --backend cpu --quiet --threads 1"
ARCH="--depth 8 --width 4 --backend cpu --threads 1"

# ---- every new flag names itself and what it expected
expect_fail "--milestones abc" "--milestones abc: expected up to 8 ascending epochs" $P --milestones abc
expect_fail "--milestones 5,3" "--milestones 5,3: expected up to 8 ascending epochs" $P --milestones 5,3
expect_fail "--milestones past the end" "--milestones: epoch 12 is not before the end (--epochs 10)" $P --milestones 4,12 --epochs 10
expect_fail "--milestones with cosine" "--milestones: applies to --sched multistep" $P --milestones 4 --sched cosine
expect_fail "--gamma 0" "--gamma 0: expected a number in (0, 1]" $P --gamma 0
expect_fail "--gamma 2" "--gamma 2: expected a number in (0, 1]" $P --gamma 2
expect_fail "--warmup -1" "--warmup -1: expected a number in \[0, 100000\]" $P --warmup -1
expect_fail "--warmup 1.5" "--warmup 1.5: expected an integer" $P --warmup 1.5
expect_fail "--warmup >= epochs" "--warmup 10: expected fewer warm-up epochs than --epochs 10" $P --warmup 10 --epochs 10
expect_fail "--sched bogus" "--sched bogus: expected multistep, cosine, cosine-step or constant" $P --sched bogus
expect_fail "--seeds 0" "--seeds 0: expected a number in \[1, 100\]" $P --seeds 0
expect_fail "--seeds without value" "--seeds needs a value" $P --seeds
expect_fail "--eval missing file" "--eval /nonexistent.safetensors: no such file" $P --eval /nonexistent.safetensors
expect_fail "--eval with --pipeline" "--eval: evaluates a trained model, expected without --pipeline" $P --eval "$0" --pipeline
expect_fail "--predict missing" "--predict /nonexistent: no such file or folder" $P --predict /nonexistent
expect_fail "--predict without --model" "--predict $T: expected --model CKPT" $P --predict "$T"
expect_fail "--model without --predict" "--model $0: goes with --predict" $P --model "$0"
expect_fail "--names missing" "--names /nonexistent: no such file (expected class names" $P --names /nonexistent
expect_fail "--eval-shift without checkpoints" "--eval-shift needs at least one checkpoint" $P --eval-shift --epochs 1
expect_fail "--eval-shift missing file" "--eval-shift x=/nonexistent: no such file" $P --eval-shift x=/nonexistent
expect_fail "--features missing" "--features /nonexistent: no such file" $P --features /nonexistent
expect_fail "--no-bsce --alpha 0" "--no-bsce with --alpha 0 leaves no loss term" $P --no-bsce --alpha 0
expect_fail "--method kd without teacher" "--method kd needs --teacher" $P --method kd
$P --help >"$T/help" && for f in --milestones --gamma --warmup --seeds --eval --predict --model --names --eval-shift --features; do
  grep -q -- "$f" "$T/help" || echo "$f" >>"$T/missing"; done
[ ! -s "$T/missing" ] && ok "--help lists the new flags" || no "--help lacks $(cat "$T/missing" 2>/dev/null)"
$B/imagenet_lt --help | grep -q "power normalization, 1 = off (default 1)" && $B/imagenet_lt --help | grep -q "warm-up from lr/3, 0 = none (default none)" \
  && ok "imagenet_lt: the paper's recipe (no power normalization, no warm-up) by default" || no "imagenet_lt defaults"

if [ ! -f /usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz ]; then
  no "Fashion-MNIST files not installed (dataset-fashion-mnist): nothing below ran"
  echo "$pass passed, $fail failed, $skip skipped"
  rm -rf "$T"; exit 1
fi

# ---- schedules: train.csv records the lr of each epoch's last step
lr_col() { sed -n "$(($2 + 1))p" "$1/train.csv" | cut -d, -f3; }
$P --method ce $FAST --limit-train 300 --limit-test 50 --imb 10 --epochs 3 --milestones 1,2 --gamma 0.1 --warmup 0 --out "$T/ms" >"$T/log" 2>&1
[ "$(lr_col "$T/ms" 1),$(lr_col "$T/ms" 2),$(lr_col "$T/ms" 3)" = "0.100000,0.010000,0.001000" ] \
  && ok "--milestones 1,2 --gamma 0.1 --warmup 0: lr 0.1, 0.01, 0.001" || no "milestones: lr $(cut -d, -f3 "$T/ms/train.csv" | tr '\n' ' ') $(tail -1 "$T/log")"
$P --method ce $FAST --limit-train 300 --limit-test 50 --imb 10 --epochs 2 --sched cosine --warmup 0 --out "$T/cos" >/dev/null 2>&1
$P --method ce $FAST --limit-train 300 --limit-test 50 --imb 10 --epochs 2 --sched cosine-step --warmup 0 --out "$T/coss" >/dev/null 2>&1
[ "$(lr_col "$T/cos" 1),$(lr_col "$T/cos" 2)" = "0.100000,0.050000" ] && ok "--sched cosine: decayed once per epoch (0.1, 0.05)" \
  || no "cosine per epoch: $(cut -d, -f3 "$T/cos/train.csv" | tr '\n' ' ')"
$PY -c "import sys; a=float(sys.argv[1]); b=float(sys.argv[2]); sys.exit(not (0.05 < a < 0.1 and 0 < b < 0.05))" \
  "$(lr_col "$T/coss" 1)" "$(lr_col "$T/coss" 2)" 2>/dev/null && ok "--sched cosine-step: decays within the epochs" \
  || no "cosine per step: $(cut -d, -f3 "$T/coss/train.csv" | tr '\n' ' ')"

# ---- the pipeline the rest reuses (CE baseline, BSCE teacher, VE, DiVE), one epoch each
$P --pipeline --baseline $FAST --epochs 1 --out "$T/pipe" >"$T/log3" 2>&1 || no "pipeline: $(tail -3 "$T/log3")"
[ -s "$T/pipe/report.html" ] \
  && ok "the pipeline writes report.html" || no "no report.html after the pipeline"

# ---- --eval: the checkpoint alone gives the pipeline's numbers
$P --eval "$T/pipe/dive/model.safetensors" $FAST --out "$T/ev" >"$T/log4" 2>&1 || no "--eval: $(tail -2 "$T/log4")"
$PY - "$T/ev/results.json" "$T/pipe/dive/results.json" <<'PY' && ok "--eval: results.json (top-1, top-5, groups, per class) equals the training run's" || no "--eval results.json"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["method"] == "dive" and a["checkpoint"].endswith("dive/model.safetensors")
assert len(a["per_class"]) == 10
for k in ("top1", "top5", "many", "medium", "few", "per_class"):
    assert a[k] == b[k], (k, a[k], b[k])
PY
grep -q "^dive " "$T/log4" && grep -q "top-5" "$T/log4" && [ -s "$T/ev/report.html" ] && ok "--eval prints the table and writes report.html" || no "--eval table/report"

# ---- --predict: good images predicted, bad ones named and skipped, exit status 3
mkdir -p "$T/img/sub"
$PY - "$T/img" <<'PY'
import os, random, struct, sys, zlib
d = sys.argv[1]
def png(path, w, h, rgb, seed):
    r = random.Random(seed)
    raw = b"".join(b"\0" + bytes(r.getrandbits(8) for _ in range(w * (3 if rgb else 1))) for _ in range(h))
    ch = lambda t, x: struct.pack(">I", len(x)) + t + x + struct.pack(">I", zlib.crc32(t + x) & 0xffffffff)
    open(os.path.join(d, path), "wb").write(b"\x89PNG\r\n\x1a\n" + ch(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2 if rgb else 0, 0, 0, 0))
                                            + ch(b"IDAT", zlib.compress(raw)) + ch(b"IEND", b""))
png("a.png", 28, 28, True, 1); png("sub/b,comma.png", 40, 30, False, 2); png("c.png", 64, 48, True, 3)
open(os.path.join(d, "bad.png"), "wb").write(b"\x89PNG\r\n\x1a\n this is not an image")
open(os.path.join(d, "trunc.jpg"), "wb").write(open(os.path.join(d, "c.png"), "rb").read()[:90])
open(os.path.join(d, "notes.txt"), "w").write("not an image")
PY
$P --predict "$T/img" --model "$T/pipe/dive/model.safetensors" $ARCH --out "$T/pr" >"$T/log5" 2>"$T/err5"; rc=$?
[ $rc = 3 ] && ok "--predict with two bad images: exit status 3" || no "--predict exit $rc: $(tail -2 "$T/err5")"
grep -q "bad.png" "$T/err5" && grep -q "trunc.jpg" "$T/err5" && ok "--predict names each unreadable image: $(grep -c skipped "$T/err5") skipped" \
  || no "--predict did not name the bad images: $(cat "$T/err5")"
$PY - "$T/pr/predictions.csv" <<'PY' && ok "predictions.csv: the 3 good images, top-5 classes with Fashion-MNIST names and probabilities" || no "predictions.csv: $(cat "$T/pr/predictions.csv")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}
assert rows[0][:4] == ["path", "class_1", "name_1", "prob_1"] and len(rows[0]) == 16, rows[0]
assert sorted(r[0].rsplit("/", 1)[1] for r in rows[1:]) == ["a.png", "b,comma.png", "c.png"], rows
for r in rows[1:]:
    p = [float(r[3 + 3 * k]) for k in range(5)]
    assert all(r[2 + 3 * k] in names for k in range(5)) and len({r[1 + 3 * k] for k in range(5)}) == 5
    assert p == sorted(p, reverse=True) and 0 < sum(p) <= 1.000001, p
PY
printf 'zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n' >"$T/names10"
printf 'img/a.png 3\n# a comment\n\nimg/c.png\n' >"$T/list"
(cd "$T" && "$OLDPWD/$P" --predict list --model pipe/dive/model.safetensors $ARCH --names names10 --out pr2 >log6 2>&1); rc=$?
[ $rc = 0 ] && [ "$(wc -l <"$T/pr2/predictions.csv")" = 3 ] && grep -q "^img/a.png,[0-9],[a-z]*,0\." "$T/pr2/predictions.csv" \
  && ok "--predict LIST (relative paths, labels and comments) with --names: exit 0, names from the file" \
  || no "--predict LIST: rc $rc $(tail -2 "$T/log6") $(cat "$T/pr2/predictions.csv" 2>/dev/null)"
head -9 "$T/names10" >"$T/names9"
expect_fail "--names with 9 lines" "expected 10 class names, one per line" $P --predict "$T/list" --model "$T/pipe/dive/model.safetensors" $ARCH --names "$T/names9" --out "$T/pr3"

# ---- --eval-shift: Table 8's layout; the protocol's class sizes; PC leaves balanced models' Uniform alone
$P --eval-shift "$T/pipe/ce/model.safetensors" "$T/pipe/bsce/model.safetensors" "DiVE=$T/pipe/dive/model.safetensors" $FAST \
  --out "$T/sh" >"$T/log7" 2>&1 || no "--eval-shift: $(tail -2 "$T/log7")"
$PY - "$T/sh/shift.csv" "$T/sh/shift.md" "$T/log7" <<'PY' && ok "--eval-shift: shift.csv / shift.md as Table 8, class sizes M (1/IF)^(r/(C-1)), PC leaves BSCE and DiVE Uniform unchanged" || no "--eval-shift outputs: $(cat "$T/sh/shift.csv")"
import csv, math, re, sys
rows = list(csv.reader(open(sys.argv[1])))
assert rows[0] == ["method"] + ["Forward %d" % f for f in (50, 25, 10, 5, 2)] + ["Uniform"] + ["Backward %d" % f for f in (2, 5, 10, 25, 50)], rows[0]
assert [r[0] for r in rows[1:]] == ["ce", "bsce", "DiVE", "PC ce", "PC bsce", "PC DiVE"], [r[0] for r in rows]
u = {r[0]: float(r[6]) for r in rows[1:]}
assert u["PC bsce"] == u["bsce"] and u["PC DiVE"] == u["DiVE"], u
md = open(sys.argv[2]).read()
assert "| Imbalance factor | 50 | 25 | 10 | 5 | 2 | 1 | 2 | 5 | 10 | 25 | 50 |" in md and "| PC DiVE |" in md
log = open(sys.argv[3]).read()
M = int(re.search(r"at most (\d+) test images per class", log).group(1))
got = {m.group(1): int(m.group(2)) for m in re.finditer(r"^  (Forward \d+|Backward \d+|Uniform)\s+(\d+) images", log, re.M)}
for f in (50, 25, 10, 5, 2):
    want = sum(math.floor(M * (1.0 / f) ** (r / 9) + 1e-9) for r in range(10))
    assert got["Forward %d" % f] == want == got["Backward %d" % f], (f, got, want)
assert got["Uniform"] == 10 * M
PY

# ---- --features and examples/tsne.py (the paper's Fig. 8)
$P --features "$T/pipe/dive/model.safetensors" $FAST --out "$T/fe" >"$T/log8" 2>&1 || no "--features: $(tail -2 "$T/log8")"
$PY - "$T/fe/features.safetensors" <<'PY' && ok "--features: features (200, 16) F32, labels (200) I32, train counts, class names" || no "features.safetensors"
import json, struct, sys
b = open(sys.argv[1], "rb").read()
n = struct.unpack("<Q", b[:8])[0]
h = json.loads(b[8:8 + n])
assert h["features"]["dtype"] == "F32" and h["features"]["shape"] == [200, 16], h["features"]
assert h["labels"]["dtype"] == "I32" and h["labels"]["shape"] == [200] and h["train_counts"]["shape"] == [10]
assert json.loads(h["__metadata__"]["class_names"])[9] == "Ankle boot"
assert len(b) == 8 + n + max(e["data_offsets"][1] for k, e in h.items() if k != "__metadata__")
PY
if $PY -c "import sklearn, matplotlib" 2>/dev/null; then
  $PY examples/tsne.py "$T/fe/features.safetensors" --per-class 12 --out "$T/fe/fig8" >"$T/log9" 2>&1
  [ -s "$T/fe/fig8.png" ] && head -c 8 "$T/fe/fig8.png" | grep -q PNG && grep -q "<svg" "$T/fe/fig8.svg" \
    && ok "examples/tsne.py: Fig. 8 as PNG and SVG ($(tail -1 "$T/log9"))" || no "tsne.py: $(tail -3 "$T/log9")"
else
  sk "examples/tsne.py: python3-sklearn / python3-matplotlib not installed"
fi

# ---- --seeds 2: per-seed runs, mean +- std
$P --method bsce $FAST --limit-train 300 --limit-test 50 --imb 10 --epochs 1 --seeds 2 --seed 5 --out "$T/seeds" >"$T/log10" 2>&1 || no "--seeds: $(tail -2 "$T/log10")"
$PY - "$T/seeds" <<'PY' && ok "--seeds 2: seed_5 and seed_6 runs, results.json mean and sample std of each group" || no "--seeds results: $(cat "$T/seeds/results.json")"
import json, statistics, sys
d = sys.argv[1]
agg = json.load(open(d + "/results.json"))
runs = [json.load(open("%s/seed_%d/results.json" % (d, s))) for s in (5, 6)]
assert agg["seeds"] == [5, 6]
r = agg["runs"][0]
assert r["method"] == "bsce"
for k in ("top1", "top5", "many", "medium", "few"):
    v = [x[k] for x in runs]
    assert abs(r[k] - statistics.mean(v)) < 1e-3 and abs(r[k + "_std"] - statistics.stdev(v)) < 1e-3, (k, r, v)
PY
grep -q "mean +- std over 2 seeds" "$T/log10" && grep -q "^bsce .*+-" "$T/log10" && ok "--seeds: the table shows mean +- std" || no "--seeds table"
grep -q "&plusmn;" "$T/seeds/report.html" && ok "--seeds: report.html shows mean +- std" || no "--seeds report"

# ---- report.html: self-contained, and a real browser shows the table and the plots
R="$T/pipe/report.html"
grep -Eq '(src|href)=|https?://[^"w]|@import|<script' "$R" && no "report.html refers to something outside itself" || ok "report.html is self-contained (no src/href/script/import)"
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  sk "report.html in a browser: chromium not installed (CI installs it: scripts/deps.sh)"
else
  CF="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  timeout 120 "$CHROME" $CF --user-data-dir="$T/chrome1" --dump-dom "file://$R" >"$T/dom.html" 2>"$T/chrome.err"
  $PY - "$T/dom.html" <<'PY' && ok "chromium renders report.html: results table (ce, bsce, dive), loss and top-1 curves, per-class plot with bands, VE plot, settings" || no "chromium DOM: $(head -c 300 "$T/dom.html") $(tail -2 "$T/chrome.err")"
import re, sys
d = open(sys.argv[1]).read()
assert re.search(r'<table id="results">', d)
rows = re.findall(r'<tr class="run"><td>(\w+)</td>((?:<td>[0-9.]+</td>){5})', d)
assert [r[0] for r in rows] == ["ce", "bsce", "dive"], rows
for sid in ("curve-loss", "curve-top1", "per-class"):
    m = re.search(r'<svg id="%s".*?</svg>' % sid, d, re.S)
    assert m and len(re.findall(r'<polyline class="series"', m.group(0))) == 3, sid
assert len(re.findall(r'<rect class="band"', d)) >= 2
assert re.search(r'<div id="ve">\s*<svg', d) and "picked" in d
assert '<table id="settings">' in d and "resnet-8" in d
PY
  timeout 120 "$CHROME" $CF --user-data-dir="$T/chrome2" --window-size=1100,2400 --screenshot="$T/shot.png" "file://$R" >/dev/null 2>>"$T/chrome.err"
  $PY - "$T/shot.png" <<'PY' && ok "chromium screenshot of report.html is not blank" || no "screenshot blank or unreadable: $(tail -2 "$T/chrome.err")"
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(b):
    n, t = struct.unpack(">I4s", b[pos:pos + 8])
    c = b[pos + 8:pos + 8 + n]
    if t == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", c[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif t == b"IDAT":
        idat += c
    pos += 12 + n
raw, stride = zlib.decompress(idat), w * bpp
prev, dark, colors, i = bytearray(stride), 0, set(), 0
for y in range(h):  # undo the PNG row filters
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        up, ul = prev[x], (prev[x - bpp] if x >= bpp else 0)
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + up) & 255
        elif f == 3: line[x] = (line[x] + (a + up) // 2) & 255
        elif f == 4:
            p = a + up - ul; pa, pb, pc = abs(p - a), abs(p - up), abs(p - ul)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
    for x in range(0, stride, bpp * 4):
        px = tuple(line[x:x + 3]); colors.add(px); dark += sum(px) < 600
    prev = line
assert dark > 2000 and len(colors) > 20, (dark, len(colors))
PY
fi
rm -rf "$T"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
