"""pytorch_zoo.py - the PyTorch side of bench/zoo.sh: torchvision's own ResNet-50 /
ResNeXt-50 (32x4d) training and inference img/s on the CPU, and peak RSS.

  python3 bench/pytorch_zoo.py --arch resnet50 [--threads T] [--batch 16] [--size 224] [--steps 5]

Tries eager and TorchScript, each in the default (NCHW) and channels-last memory format
(oneDNN's preferred layout), and prints one line per variant plus the best:
  pytorch ARCH best train_img_s X infer_img_s Y peak_rss_mb Z threads T train_img_cpus X2 infer_img_cpus Y2
Medians over the timed steps after 1 warm-up step; random data, 1000 classes, CE loss, SGD
with momentum 0.9 and weight decay 1e-4 (as bench/bench_zoo.c). *_cpus: images per second of
the process's CPU time (time.process_time), as bench_zoo.c."""
import argparse, resource, statistics, time
import torch
import torch.nn.functional as F
import torchvision.models as tvm


def run(arch, script, channels_last, batch, size, steps):
    torch.manual_seed(0)
    model = getattr(tvm, arch)(num_classes=1000)
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=fmt)
    x = torch.randn(batch, 3, size, size).contiguous(memory_format=fmt)
    y = torch.randint(0, 1000, (batch,))
    if script:
        model = torch.jit.script(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    model.train()
    tt, ct = [], []
    for i in range(steps + 1):
        t, c = time.perf_counter(), time.process_time()
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        if i >= 1:
            tt.append(time.perf_counter() - t)
            ct.append(time.process_time() - c)
    model.eval()
    ti, ci = [], []
    with torch.no_grad():
        for i in range(steps + 1):
            t, c = time.perf_counter(), time.process_time()
            model(x)
            if i >= 1:
                ti.append(time.perf_counter() - t)
                ci.append(time.process_time() - c)
    m = statistics.median
    return batch / m(tt), batch / m(ti), batch / m(ct), batch / m(ci)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="resnet50")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--variants", default="eager/nchw,eager/channels_last,torchscript/nchw,torchscript/channels_last")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    best = [0.0] * 4
    for v in a.variants.split(","):
        script, cl = v.startswith("torchscript"), v.endswith("channels_last")
        r = run(a.arch, script, cl, a.batch, a.size, a.steps)
        print(f"pytorch {a.arch} {v} train_img_s {r[0]:.2f} infer_img_s {r[1]:.2f} train_img_cpus {r[2]:.2f} "
              f"infer_img_cpus {r[3]:.2f}", flush=True)
        best = [max(b, x) for b, x in zip(best, r)]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"pytorch {a.arch} best train_img_s {best[0]:.2f} infer_img_s {best[1]:.2f} "
          f"peak_rss_mb {rss:.1f} threads {torch.get_num_threads()} train_img_cpus {best[2]:.2f} "
          f"infer_img_cpus {best[3]:.2f}")


if __name__ == "__main__":
    main()
