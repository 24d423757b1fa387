#!/usr/bin/env python3
"""PyTorch CUDA anchor for the GPU benchmarks: a training step, forward + cross-entropy +
backward + SGD (momentum 0.9, weight decay 2e-4), eager mode, strict fp32 (TF32 off) unless
--tf32. --arch resnet32 (default): the CIFAR ResNet-32 of tests/ref/gen_ref.py (option-A
shortcuts) on 32x32x3 inputs; --arch resnet50 / resnext50_32x4d / ...: torchvision's model on
--size x --size inputs. Prints "pytorch train img/s: X" and "pytorch infer img/s: Y".
    python3 bench/gpu_torch.py [--arch resnet32] [--size 224] [--classes 100] [--batch 128]
                               [--steps 200] [--tf32]
"""
import argparse, os, sys, time
import torch
import torch.nn.functional as F
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "ref"))
from gen_ref import ResNet


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="resnet32")
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--classes", type=int, default=100)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--tf32", action="store_true")
    ap.add_argument("--device", default="cuda", help="cuda, or cpu for a dry run of bench/gpu_run.sh without a GPU")
    a = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = a.tf32
    torch.backends.cudnn.allow_tf32 = a.tf32
    torch.backends.cudnn.benchmark = True
    torch.set_default_dtype(torch.float32)
    dev = torch.device(a.device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    if a.arch == "resnet32":
        model, size = ResNet(classes=a.classes), 32
    else:
        import torchvision
        model, size = getattr(torchvision.models, a.arch)(num_classes=a.classes), a.size
    model = model.float().to(dev)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=2e-4)
    x = torch.randn(a.batch, 3, size, size, device=dev)
    y = torch.randint(0, a.classes, (a.batch,), device=dev)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss

    model.train()
    for _ in range(min(30, a.steps)):
        step()
    sync()
    t = time.perf_counter()
    for _ in range(a.steps):
        step()
    sync()
    train = a.steps * a.batch / (time.perf_counter() - t)
    model.eval()
    with torch.no_grad():
        for _ in range(min(30, a.steps)):
            model(x)
        sync()
        t = time.perf_counter()
        for _ in range(a.steps):
            model(x)
        sync()
    infer = a.steps * a.batch / (time.perf_counter() - t)
    print("device: %s, torch %s, cuda %s, tf32 %s, %s %dx%d batch %d" % (
        torch.cuda.get_device_name(0) if dev.type == "cuda" else "cpu (not a GPU: dry run)", torch.__version__, torch.version.cuda, a.tf32, a.arch, size, size, a.batch))
    # whole img/s on a GPU; two decimals below 10 (a dry run on a loaded CPU rounded to 0)
    rate = lambda v: "%.0f" % v if v >= 10 else "%.2f" % v
    print("pytorch train img/s: " + rate(train))
    print("pytorch infer img/s: " + rate(infer))


if __name__ == "__main__":
    main()
