#!/usr/bin/env python3
"""The torchvision half of tests/test_torchvision.sh (Debian's python3-torch and
python3-torchvision):

  tv_roundtrip.py check DIR    torchvision's own models load dive.h's checkpoints
                               DIR/dive_<case>.safetensors with load_state_dict(strict=True)
                               and give the eval logits dive.h gave (DIR/dive_<case>_io)
  tv_roundtrip.py export DIR   torchvision models (torch.manual_seed init, two training-mode
                               forwards for non-trivial BN statistics) saved as safetensors,
                               DIR/tv_<case>.safetensors, with an input batch and their eval
                               logits in DIR/tv_<case>_io.safetensors, for dive.h to load

Cases (tests/zoo_tv.c has the same list): "arch classes in_channels". With one input
channel, conv1 is torchvision's Conv2d(1, 64, 7, 2, 3, bias=False), as one adapts the
model to Fashion-MNIST. Prints one "OK ..." or "FAIL ..." line per case.
"""
import os, sys
import torch
import torch.nn as nn
import torchvision.models as tvm
from st_io import read_safetensors, write_safetensors  # the safetensors format, by hand

CASES = (("resnext50_32x4d", 10, 3), ("resnet50", 7, 1), ("resnet18", 5, 1))
TOL = 1e-5






def model(arch, classes, cin):
    m = getattr(tvm, arch)(num_classes=classes)
    if cin != 3:
        m.conv1 = nn.Conv2d(cin, 64, kernel_size=7, stride=2, padding=3, bias=False)
    return m.float()


def rel(a, b):
    return ((a.double() - b.double()).norm() / b.double().norm()).item()


def check(d):
    bad = 0
    for arch, classes, cin in CASES:
        name = "%s_%dc_%dch" % (arch, classes, cin)
        m = model(arch, classes, cin)
        try:
            m.load_state_dict(read_safetensors(os.path.join(d, "dive_%s.safetensors" % name)), strict=True)
        except Exception as e:  # the message names the keys that do not fit
            print("FAIL  torchvision %s load_state_dict(strict=True): %s" % (name, str(e).splitlines()[0]))
            bad += 1
            continue
        io = read_safetensors(os.path.join(d, "dive_%s_io.safetensors" % name))
        m.eval()
        with torch.no_grad():
            e = rel(m(io["x"]), io["logits"])
        print("%s  torchvision %s takes the dive.h checkpoint (strict), eval logits relerr %.2e" %
              ("OK  " if e < TOL else "FAIL", name, e))
        bad += e >= TOL
    return bad


def export(d):
    for i, (arch, classes, cin) in enumerate(CASES):
        name = "%s_%dc_%dch" % (arch, classes, cin)
        torch.manual_seed(i)
        m = model(arch, classes, cin)
        x = torch.randn(2, cin, 64, 64)
        m.train()
        with torch.no_grad():  # two batches: running statistics and num_batches_tracked = 2
            m(torch.randn(4, cin, 64, 64))
            m(torch.randn(4, cin, 64, 64))
        m.eval()
        with torch.no_grad():
            logits = m(x)
        write_safetensors(os.path.join(d, "tv_%s.safetensors" % name), m.state_dict(), {"format": "pt"}, True)
        write_safetensors(os.path.join(d, "tv_%s_io.safetensors" % name), {"x": x, "logits": logits}, {"format": "pt"}, True)
        print("OK    torchvision %s saved as safetensors" % name)
    return 0


if __name__ == "__main__":
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    sys.exit(1 if {"check": check, "export": export}[sys.argv[1]](sys.argv[2]) else 0)
