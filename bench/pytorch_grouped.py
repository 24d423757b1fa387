"""pytorch_grouped.py - PyTorch's times for ResNeXt-50 (32x4d)'s grouped 3x3 convs, to set
beside `bench_zoo_layers resnext50_32x4d N S g32`: F.conv2d with groups=32, forward and
backward (data + weights), NCHW and channels-last, the fastest of 5 by process CPU time.
    OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_grouped.py [batch] [size] [threads]"""
import sys
import time
import torch
import torch.nn.functional as F

N = int(sys.argv[1]) if len(sys.argv) > 1 else 8
S = int(sys.argv[2]) if len(sys.argv) > 2 else 224
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
# (channels, input size, stride) of every distinct grouped conv: width 128 * 2^stage at
# S/4 >> stage, the first block of stages 2-4 with stride 2 on the larger input
shapes = [(128, S // 4, 1)]
for st in range(1, 4):
    c = 128 << st
    shapes += [(c, S // 4 >> (st - 1), 2), (c, S // 4 >> st, 1)]
counts = {(128, 1): 3, (256, 2): 1, (256, 1): 3, (512, 2): 1, (512, 1): 5, (1024, 2): 1, (1024, 1): 2}


def best(f, reps=5):
    f()
    ts = []
    for _ in range(reps):
        t0 = time.process_time()
        f()
        ts.append(time.process_time() - t0)
    return min(ts) * 1e3


print(f"torch {torch.__version__}, batch {N}, {S}x{S}, {torch.get_num_threads()} thread(s)")
print(f"{'conv':32s} {'n':>2s} {'layout':>13s} {'fwd ms':>8s} {'bwd ms':>8s}")
tot = {}
for c, h, s in shapes:
    for fmt in (torch.contiguous_format, torch.channels_last):
        torch.manual_seed(0)
        x = torch.randn(N, c, h, h).to(memory_format=fmt).requires_grad_(True)
        w = (torch.randn(c, c // 32, 3, 3) * 0.1).to(memory_format=fmt).requires_grad_(True)
        with torch.no_grad():
            tf = best(lambda: F.conv2d(x, w, None, s, 1, 1, 32))
        y = F.conv2d(x, w, None, s, 1, 1, 32)
        g = torch.randn_like(y)

        def bwd():
            x.grad = None
            w.grad = None
            yy = F.conv2d(x, w, None, s, 1, 1, 32)
            yy.backward(g)
        tb = best(bwd) - tf  # backward alone: the step less the forward
        name = f"{c},{h}x{h} -> {c},{h // s}x{h // s}, 3/{s}, g32"
        lay = "NCHW" if fmt == torch.contiguous_format else "channels-last"
        print(f"{name:32s} {counts[(c, s)]:2d} {lay:>13s} {tf:8.2f} {tb:8.2f}", flush=True)
        tot[lay] = tot.get(lay, 0.0) + counts[(c, s)] * (tf + tb)
for lay, t in tot.items():
    print(f"grouped convs of one training step, {lay}: {t:.1f} ms")
