#!/bin/sh
# test_cli_arch: the examples' --arch / --teacher-arch / --size flags and per-example
# defaults; short runs of the ImageNet family through fashion_mnist_lt (1-channel stem) and
# imagenet_lt (list files of generated PNG images).
#   make build/fashion_mnist_lt build/imagenet_lt build/inat2018 build/cifar_lt && sh tests/test_cli_arch.sh
B=${B:-build}
T=$(mktemp -d /tmp/dive_cliarch.XXXXXX)
pass=0; fail=0; skip=0
ok() { echo "OK    $1"; pass=$((pass + 1)); }
no() { echo "FAIL  $1"; fail=$((fail + 1)); }
expect_fail() {
  name=$1; pat=$2; shift 2
  if "$@" >"$T/out" 2>"$T/err"; then no "$name (exit 0)"; return; fi
  if grep -q -- "$pat" "$T/err"; then ok "$name: $(head -1 "$T/err")"; else no "$name: wanted '$pat', got: $(head -2 "$T/err")"; fi
}
# the safetensors header of a file (its first 64 KB, enough for the names)
names() { head -c 65536 "$1" | grep -ao '"[a-z0-9_.]*":{"dtype"' | cut -d'"' -f2; }

for p in fashion_mnist_lt cifar_lt imagenet_lt inat2018; do
  $B/$p --help >"$T/help" 2>&1
  grep -q -- "--arch A" "$T/help" && grep -q -- "--teacher-arch A" "$T/help" && grep -q "resnext50_32x4d" "$T/help" &&
    grep -q "wide_resnet101_2" "$T/help" && grep -q "resnet110" "$T/help" && ok "$p --help lists --arch and the architectures" ||
    no "$p --help: $(grep -c arch "$T/help") arch lines"
done
$B/fashion_mnist_lt --help | grep -q "network, one of the architectures below (default resnet32)" && ok "fashion_mnist_lt: default resnet32" || no "fashion_mnist_lt default arch"
$B/cifar_lt --help | grep -q "(default resnet32)" && ok "cifar_lt: default resnet32" || no "cifar_lt default arch"
$B/imagenet_lt --help >"$T/h1"; $B/inat2018 --help >"$T/h2"
grep -q "(default resnext50_32x4d)" "$T/h1" && grep -q "input side after cropping (default 224)" "$T/h1" && ok "imagenet_lt: default resnext50_32x4d at 224" || no "imagenet_lt defaults"
grep -q "(default resnet50)" "$T/h2" && grep -q "(default 224)" "$T/h2" && ok "inat2018: default resnet50 at 224" || no "inat2018 defaults"
expect_fail "unknown --arch lists the names" "resnext50_32x4d" $B/fashion_mnist_lt --arch resnet51
expect_fail "unknown --arch is named" "--arch resnet51: unknown architecture" $B/fashion_mnist_lt --arch resnet51
expect_fail "unknown --teacher-arch" "--teacher-arch vgg16: unknown architecture" $B/imagenet_lt --teacher-arch vgg16
expect_fail "--arch needs a value" "--arch needs a value" $B/cifar_lt --arch

FAST="--batch 16 --limit-train 300 --limit-test 100 --backend cpu --quiet --threads 2 --epochs 1"
if [ -f /usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz ]; then
  # the pipeline with a resnet18 student (1-channel stem) and a CIFAR resnet8 teacher
  $B/fashion_mnist_lt --pipeline --arch resnet18 --width 8 --teacher-arch resnet8 $FAST --out "$T/p" >"$T/log" 2>&1 ||
    no "pipeline --arch resnet18 --teacher-arch resnet8: $(tail -2 "$T/log")"
  grep -q "resnet18, teacher resnet8" "$T/log" && ok "banner names the student and teacher architectures" || no "banner: $(head -1 "$T/log")"
  names "$T/p/dive/model.safetensors" >"$T/sn"; names "$T/p/bsce/model.safetensors" >"$T/tn"
  grep -qx "fc.weight" "$T/sn" && grep -qx "layer4.1.bn2.running_var" "$T/sn" && ! grep -q "linear" "$T/sn" &&
    ok "student: a resnet18 checkpoint (torchvision names)" || no "student names: $(head -3 "$T/sn")"
  grep -qx "linear.weight" "$T/tn" && grep -qx "layer3.0.conv1.weight" "$T/tn" && ! grep -q "layer4" "$T/tn" &&
    ok "teacher: a resnet8 checkpoint (CIFAR names)" || no "teacher names: $(head -3 "$T/tn")"
  head -c 400 "$T/p/dive/model.safetensors" | grep -q '"conv1.weight":{"dtype":"F32","shape":\[8,1,7,7\]' &&
    ok "1-channel stem: conv1 (8,1,7,7)" || no "conv1 shape"
  # a teacher checkpoint of another architecture than --teacher-arch: the hint names it
  expect_fail "teacher of the wrong architecture" "a resnet8 checkpoint loaded as resnet18?" \
    $B/fashion_mnist_lt --method dive --teacher "$T/p/bsce/model.safetensors" --teacher-arch resnet18 --width 8 $FAST --out "$T/q"
  $B/fashion_mnist_lt --method dive --teacher "$T/p/dive/model.safetensors" --arch resnet8 --teacher-arch resnet18 --width 8 \
    $FAST --out "$T/q" >"$T/log2" 2>&1 && grep -q "^dive " "$T/log2" && ok "--teacher CKPT --teacher-arch resnet18 for a resnet8 student" ||
    no "teacher of another arch: $(tail -2 "$T/log2")"
else
  echo "SKIP  6 checks: no Fashion-MNIST (apt-get install dataset-fashion-mnist)"; skip=6
fi

# imagenet_lt on generated images: the default architecture (resnext50_32x4d) at --size 32
python3 - "$T/img" <<'PY'
import os, struct, sys, zlib
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
def png(path, w, h, rgb):
    raw = b"".join(b"\0" + b"".join(bytes(rgb(x, y)) for x in range(w)) for y in range(h))
    def chunk(t, b): return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
tr, te = [], []
for i in range(24):
    c = i % 2
    name = "c%d_%02d.png" % (c, i)
    png(os.path.join(d, name), 40 + i, 36, lambda x, y, c=c, i=i: ((x * 7 + i) % 256, (y * 5 * (c + 1)) % 256, 128 * c))
    (tr if i < 16 else te).append("%s %d\n" % (name, c))
open(os.path.join(d, "ImageNet_LT_train.txt"), "w").writelines(tr)
open(os.path.join(d, "ImageNet_LT_test.txt"), "w").writelines(te)
PY
$B/imagenet_lt --data "$T/img" --classes 2 --size 32 --width 16 --batch 8 --epochs 1 --backend cpu --quiet --threads 2 \
  --method bsce --out "$T/in" >"$T/log3" 2>&1 || no "imagenet_lt run: $(tail -2 "$T/log3")"
grep -q "resnext50_32x4d" "$T/log3" && [ -s "$T/in/model.safetensors" ] && ok "imagenet_lt trains its default resnext50_32x4d (--size 32)" ||
  no "imagenet_lt: $(head -2 "$T/log3")"
names "$T/in/model.safetensors" | grep -qx "layer1.0.downsample.0.weight" &&
  head -c 20000 "$T/in/model.safetensors" | grep -q '"layer1.0.conv2.weight":{"dtype":"F32","shape":\[32,1,3,3\]' &&
  ok "imagenet_lt model: torchvision names, 32 groups" || no "imagenet_lt model names"
rm -rf "$T"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
