"""pytorch_resnet32.py - the PyTorch side of bench/cpu.sh: CIFAR ResNet-32 (option-A
shortcuts, as dive.h builds it) training and inference img/s on the CPU, and peak RSS.

  python3 bench/pytorch_resnet32.py [--threads T] [--batch 128] [--steps 10]

Tries eager and TorchScript, each in the default (NCHW) and channels-last memory format, and
prints one line per variant plus the best:
  pytorch best train_img_s X infer_img_s Y peak_rss_mb Z threads T
Medians over the timed steps after 2 warm-up steps; random data; SGD with momentum 0.9."""
import argparse, resource, statistics, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.stride, self.pad = stride, (cout - cin) // 2

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        sc = x
        if self.stride != 1 or self.pad:  # option A: subsample, zero-pad the channels
            sc = F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, self.pad, self.pad))
        return F.relu(out + sc)


class ResNet32(nn.Module):
    def __init__(self, classes=10, n=5):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        layers, c = [], 16
        for stage, w in enumerate((16, 32, 64)):
            for i in range(n):
                layers.append(Block(c, w, 2 if i == 0 and stage > 0 else 1))
                c = w
        self.layers = nn.Sequential(*layers)
        self.linear = nn.Linear(64, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layers(x)
        return self.linear(F.adaptive_avg_pool2d(x, 1).flatten(1))


def run(script, channels_last, batch, steps):
    torch.manual_seed(0)
    model = ResNet32()
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=fmt)
    x = torch.randn(batch, 3, 32, 32).contiguous(memory_format=fmt)
    y = torch.randint(0, 10, (batch,))
    if script:
        model = torch.jit.script(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    model.train()
    tt = []
    for i in range(steps + 2):
        t = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        if i >= 2:
            tt.append(time.perf_counter() - t)
    model.eval()
    ti = []
    with torch.no_grad():
        for i in range(steps + 2):
            t = time.perf_counter()
            model(x)
            if i >= 2:
                ti.append(time.perf_counter() - t)
    return batch / statistics.median(tt), batch / statistics.median(ti)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=10)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    best_t = best_i = 0.0
    for script in (False, True):
        for cl in (False, True):
            tr, inf = run(script, cl, a.batch, a.steps)
            name = ("torchscript" if script else "eager") + ("/channels_last" if cl else "/nchw")
            print(f"pytorch {name} train_img_s {tr:.1f} infer_img_s {inf:.1f}", flush=True)
            best_t, best_i = max(best_t, tr), max(best_i, inf)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"pytorch best train_img_s {best_t:.1f} infer_img_s {best_i:.1f} "
          f"peak_rss_mb {rss:.1f} threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()
