"""pytorch_zoo_layers.py - the PyTorch side of bench/bench_zoo_layers.c: every distinct conv of
torchvision's ResNet-50 / ResNeXt-50 timed forward and backward (data + weights; the stem's
input needs no gradient) with torch.nn.functional.conv2d, NCHW and channels-last, on one
thread by process CPU time (the fastest of 5 after a warm-up), and the non-conv part of a
training step (a whole torchvision step minus the sum of its convs: BN, ReLU, add, max-pool,
pooling, the classifier, SGD).

  OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_zoo_layers.py [arch] [batch] [size] [dive.txt]

dive.txt: the output of `OMP_NUM_THREADS=1 ./build/bench_zoo_layers arch batch size` (and a
line `step_ms X` with dive's whole step in CPU ms, if known); with it every row also prints
dive's ms, the ratio dive / best PyTorch and the deficit in ms per step (count x difference),
and the rows come sorted by that deficit."""
import sys, time
import torch
import torch.nn.functional as F
import torchvision.models as tvm


def shapes(arch, size):
    """(name, C, H, W, K, k, stride, pad, groups, count) of every distinct conv, in model order"""
    m = getattr(tvm, arch)(num_classes=1000)
    seen, out, hw = {}, [], {}
    # track input sizes with forward hooks on one small pass
    recs = []

    def hook(mod, inp, outp):
        recs.append((mod, inp[0].shape, outp.shape))
    hs = [mod.register_forward_hook(hook) for mod in m.modules() if isinstance(mod, torch.nn.Conv2d)]
    with torch.no_grad():
        m(torch.zeros(1, 3, size, size))
    for h in hs:
        h.remove()
    for mod, ish, osh in recs:
        key = (mod.in_channels, ish[2], ish[3], mod.out_channels, osh[2], osh[3], mod.kernel_size[0],
               mod.stride[0], mod.groups)
        if key not in seen:
            seen[key] = len(out)
            out.append([key, mod.padding[0], 0])
        out[seen[key]][2] += 1
    return out


def cpu():
    return time.process_time()


def time_conv(N, key, pad, cl, first):
    C, H, W, K, P, Q, k, s, g = key
    fmt = torch.channels_last if cl else torch.contiguous_format
    x = torch.randn(N, C, H, W).contiguous(memory_format=fmt).requires_grad_(not first)
    w = torch.randn(K, C // g, k, k).contiguous(memory_format=fmt).requires_grad_(True)
    tf, tb = [], []
    for t in range(6):
        w.grad = None
        x.grad = None
        t0 = cpu()
        y = F.conv2d(x, w, None, s, pad, 1, g)
        t1 = cpu()
        dy = torch.ones_like(y)
        t2 = cpu()
        y.backward(dy)
        t3 = cpu()
        if t:
            tf.append(t1 - t0)
            tb.append(t3 - t2)
    return 1e3 * min(tf), 1e3 * min(tb)


def step_ms(arch, N, size, cl):
    m = getattr(tvm, arch)(num_classes=1000)
    fmt = torch.channels_last if cl else torch.contiguous_format
    m = m.to(memory_format=fmt)
    x = torch.randn(N, 3, size, size).contiguous(memory_format=fmt)
    y = torch.randint(0, 1000, (N,))
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    ts = []
    for i in range(4):
        t = cpu()
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(m(x), y).backward()
        opt.step()
        if i:
            ts.append(cpu() - t)
    return 1e3 * min(ts)


def read_dive(path):
    rows, step = {}, None
    for line in open(path):
        if line.startswith("step_ms"):
            step = float(line.split()[1])
        parts = line.split()
        if "->" in line and "," in line and len(parts) >= 9:
            try:
                name = line[:40].strip()
                rows[name] = (float(parts[-4]), float(parts[-3]))
            except ValueError:
                pass
    return rows, step


def main():
    arch = sys.argv[1] if len(sys.argv) > 1 else "resnet50"
    N = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 224
    dive, dstep = read_dive(sys.argv[4]) if len(sys.argv) > 4 else ({}, None)
    torch.set_num_threads(1)
    rows = []
    tot = {False: 0.0, True: 0.0}
    dtot = 0.0
    for i, (key, pad, n) in enumerate(shapes(arch, size)):
        C, H, W, K, P, Q, k, s, g = key
        name = "%d,%dx%d -> %d,%dx%d, %d/%d, g%d" % (C, H, W, K, P, Q, k, s, g)
        f0, b0 = time_conv(N, key, pad, False, i == 0)
        f1, b1 = time_conv(N, key, pad, True, i == 0)
        best = min(f0 + b0, f1 + b1)
        tot[False] += n * (f0 + b0)
        tot[True] += n * (f1 + b1)
        d = dive.get(name)
        if d:
            dtot += n * (d[0] + d[1])
        rows.append((name, n, f0, b0, f1, b1, best, d))
    if dive:
        rows.sort(key=lambda r: -(r[1] * (r[7][0] + r[7][1] - r[6])) if r[7] else 0)
    print("%s, batch %d, %dx%d, 1 thread, torch %s, CPU ms (fastest of 5)" % (arch, N, size, size, torch.__version__))
    print("%-36s %3s %8s %8s %8s %8s %8s %8s %6s %9s" % ("conv", "n", "nchw f", "nchw b", "cl f", "cl b", "dive f",
                                                        "dive b", "ratio", "deficit"))
    for name, n, f0, b0, f1, b1, best, d in rows:
        if d:
            print("%-36s %3d %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %6.2f %9.1f" % (name, n, f0, b0, f1, b1, d[0], d[1],
                  (d[0] + d[1]) / best, n * (d[0] + d[1] - best)))
        else:
            print("%-36s %3d %8.2f %8.2f %8.2f %8.2f" % (name, n, f0, b0, f1, b1))
    s0, s1 = step_ms(arch, N, size, False), step_ms(arch, N, size, True)
    print("convs of a step: nchw %.0f ms, channels-last %.0f ms%s" % (tot[False], tot[True],
          ", dive %.0f ms" % dtot if dive else ""))
    print("whole step: nchw %.0f ms, channels-last %.0f ms%s" % (s0, s1, ", dive %.0f ms" % dstep if dstep else ""))
    print("step minus convs: nchw %.0f ms, channels-last %.0f ms%s" % (s0 - tot[False], s1 - tot[True],
          ", dive %.0f ms" % (dstep - dtot) if dstep else ""))


if __name__ == "__main__":
    main()
