#!/usr/bin/env python3
"""Writes tests/ref/zoo_ref.safetensors and tests/ref/zoo_keys.txt, the torchvision oracle
for tests/test_zoo.c (the ImageNet-family ResNets).

Run by hand (Debian's python3-torch, python3-torchvision, python3-numpy):
    /usr/bin/python3 tests/ref/gen_zoo.py

Every model is built by torchvision's own classes (torchvision.models.resnet: ResNet,
Bottleneck, BasicBlock, _make_layer, forward), in float64, with deterministic weights from
the hash that tests/test_ref.c and tests/test_zoo.c compute the same way (so no weight is
stored). The reduced models keep torchvision's structure and rebuild the stem and layers
at base width 8 through ResNet._make_layer (torchvision fixes it at 64):
  r18  resnet18 layout (basic blocks, projection shortcuts), base 8
  r50  resnet50 layout (bottleneck, groups 1, width per group 64), base 8
  x50  resnext50 layout with groups 4, width per group 32 (4 channels per group in
       layer1, 8, 16, 32 after it: the per-group widths of resnext50_32x4d), base 8
  R50, X50  torchvision.models.resnet50 / resnext50_32x4d at full width, 10 classes
Input: 4 images of 3x64x64 (x = h(xseed, i), per model the first seed from 1001 on where
it is well-conditioned, see conditioned(); teacher logits 3 h(998, i)), 10 classes (the
full-width models: the first 2 images). Stored per model (prefix "r50." ...): the
training-mode logits; for the reduced models also the loss family (value and d/dlogits),
every parameter gradient of the DiVE loss, the BN running statistics after the forward,
the parameters after one SGD step (lr 0.1, momentum 0.9, weight decay 5e-4) and the
eval-mode logits after it; for the full-width ones the eval-mode logits after the forward
and the gradients of the last layers (FULL_GRADS). A kind of tensors ("r50.grad": every parameter gradient
in state_dict order; "r50.step", "r50.state") is one array, each tensor in turn: in full
when it has at most NPROJ elements, else as NPROJ projections onto hash vectors,
proj[k] = sum_j g[j] h(PROJ_T + k, j). The relative error of the projections is that of
the tensor itself (within ~20%: a random projection keeps norms), so the fixture stays
small while every element still counts.
zoo_keys.txt: torchvision's state_dict of resnet18, resnet50 and resnext50_32x4d (name,
dtype, shape per line, in order), to check dive.h's checkpoint names without torch.
"""
import os
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.models.resnet as R
from st_io import write_safetensors  # the safetensors format, by hand

torch.set_default_dtype(torch.float64)
M32 = 0xFFFFFFFF
PROJ_T = 200000
NPROJ = 32
# the gradients checked at full width: the last layers (the early ones are ill-conditioned
# there: a few ReLU inputs near 0 change side between float32 and float64)
FULL_GRADS = ("layer4.0.downsample.0.weight", "layer4.2.conv3.weight", "fc.weight", "fc.bias")
HERE = os.path.dirname(os.path.abspath(__file__))


def hash_uniform(t, n, start=0):
    """u in [-1, 1) for elements start..start+n-1 of tensor t (a 32-bit integer hash)."""
    i = np.arange(start, start + n, dtype=np.uint64)
    h = (i * np.uint64(0x9E3779B1) + np.uint64(((t + 1) * 0x85EBCA77) & M32)) & np.uint64(M32)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x7FEB352D)) & np.uint64(M32)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(0x846CA68B)) & np.uint64(M32)
    h ^= h >> np.uint64(16)
    return h.astype(np.float64) / 4294967296.0 * 2.0 - 1.0


def project(v, k):
    """k hash projections of the flattened tensor v (float64, in chunks)."""
    v = v.detach().reshape(-1).numpy().astype(np.float64)
    out = np.zeros(k)
    step = 1 << 16
    for j0 in range(0, v.size, step):
        seg = v[j0:j0 + step]
        for q in range(k):
            out[q] += np.dot(hash_uniform(PROJ_T + q, seg.size, j0), seg)
    return out


def tv_model(block, layers, base, groups=1, wpg=64, classes=10):
    """torchvision's ResNet; below base 64 the stem and layers are rebuilt at `base` with
    torchvision's own _make_layer (the same code path, fewer channels)."""
    m = R.ResNet(block, layers, num_classes=classes, groups=groups, width_per_group=wpg)
    if base != 64:
        m.inplanes = base
        m.conv1 = nn.Conv2d(3, base, kernel_size=7, stride=2, padding=3, bias=False)
        m.bn1 = nn.BatchNorm2d(base)
        m.layer1 = m._make_layer(block, base, layers[0])
        m.layer2 = m._make_layer(block, base * 2, layers[1], stride=2)
        m.layer3 = m._make_layer(block, base * 4, layers[2], stride=2)
        m.layer4 = m._make_layer(block, base * 8, layers[3], stride=2)
        m.fc = nn.Linear(base * 8 * block.expansion, classes)
    return m.double()


def set_weights(model):
    """Trainable tensors in state_dict order get hash values (index t counts them). Each
    block's last BN weight is scaled by 0.1 (the residual branches start small, as with
    zero_init_residual): with every BN weight near 1 the deep bottleneck nets are so badly
    conditioned that torchvision itself in float32 misses its float64 gradients by up to
    1e-2; scaled, float32 torchvision is within 6e-6 of them for a suitable input (see
    conditioned(): a ReLU input within float32 noise of 0, or the stem's bias gradient,
    a cancelling sum under the BNs after it, can still spoil one input)."""
    last = ".bn3.weight" if isinstance(model.layer1[0], R.Bottleneck) else ".bn2.weight"
    with torch.no_grad():
        for t, (name, p) in enumerate(model.named_parameters()):
            u = torch.from_numpy(hash_uniform(t, p.numel())).reshape(p.shape)
            if p.dim() >= 2:
                fan_in = p.numel() // p.shape[0]
                p.copy_(u * np.sqrt(3.0) * np.sqrt(2.0 / fan_in))
            elif name == "fc.bias":
                p.copy_(0.1 * u)
            elif name.endswith(".weight"):  # BN
                p.copy_((0.1 if name.endswith(last) else 1.0) * (1.0 + 0.2 * u))
            else:
                p.copy_(0.2 * u)


def kl_term(s, q, T):
    logsT = F.log_softmax(s / T, dim=1)
    logq = torch.where(q > 0, torch.log(q.clamp_min(1e-300)), torch.zeros_like(q))
    return (q * (logq - logsT)).sum(1).mean()


def losses(s, y, z, counts, T=3.0, p=0.5, alpha=0.5):
    logp = torch.log(counts.double())
    bsce = F.cross_entropy(s + logp, y)
    t = F.softmax(z * p / T, dim=1)
    kd = T * T * kl_term(s, t, T)
    q = (1 - alpha) * F.one_hot(y, s.shape[1]).double() + alpha * t
    return {
        "ce": F.cross_entropy(s, y),
        "bsce": bsce,
        "kd": kd,
        "dive": (1 - alpha) * bsce + alpha * kd,
        "dive_nobsce": kd,
        "dive_mix": (1 - alpha) * bsce + alpha * T * T * kl_term(s, q, T),
        "dive_mix_nobsce": T * T * kl_term(s, q, T),
    }


def pack(tensors):
    """one array: each tensor in full (at most NPROJ elements) or as NPROJ projections"""
    parts = [t.detach().reshape(-1).numpy() if t.numel() <= NPROJ else project(t, NPROJ) for t in tensors]
    return torch.from_numpy(np.concatenate(parts))




def grads_of(model, x, y, z, counts):
    model.train()
    logits = model(x)
    model.zero_grad()
    losses(logits, y, z, counts)["dive"].backward()
    return logits.detach(), {n: p.grad.detach() for n, p in model.named_parameters()}


def relu_margin(make, x):
    """the smallest |ReLU input| / std(that input) over every ReLU call of the float64 model"""
    m = make()
    set_weights(m)
    m.train()
    worst = [float("inf")]

    def pre(mod, inp):
        v = inp[0].detach()
        worst[0] = min(worst[0], (v.abs().min() / v.std()).item())
    for mod in m.modules():
        if isinstance(mod, nn.ReLU):
            mod.register_forward_pre_hook(pre)
    with torch.no_grad():
        m(x)
    return worst[0]


def conditioned(prefix, make, x, y, z, counts, names, full):
    """The fixture is only worth its tolerance where the problem is well-conditioned: no
    ReLU input within float32 noise of 0 (its mask could flip; checked for the reduced
    models: the full-width ones have too many inputs, and only their logits and last
    gradients are stored), and the same model in float32 (torchvision's kernels) within
    6e-6 of the float64 answer for the logits and every gradient that is checked."""
    def rel(a, b):
        return ((a.double() - b).norm() / b.norm()).item()
    margin = float("inf") if full else relu_margin(make, x)
    if margin < 3e-6:
        print("%s ReLU input %.1e std from 0" % (prefix, margin))
        return False
    m64, m32 = make(), make()
    set_weights(m64)
    set_weights(m32)
    l64, g64 = grads_of(m64, x, y, z, counts)
    l32, g32 = grads_of(m32.float(), x.float(), y, z.float(), counts)
    worst = max([(rel(l32, l64), "logits")] + [(rel(g32[n], g64[n]), n) for n in names])
    print("%s ReLU margin %.1e std; float32 torchvision vs float64: worst %.2e (%s)" % (prefix, margin, worst[0],
                                                                                         worst[1]))
    return worst[0] <= 6e-6


def run(prefix, make, x, y, z, counts, out, full):
    model = make()
    set_weights(model)
    model.train()
    logits = model(x)
    out[prefix + "logits"] = logits
    lf = losses(logits, y, z, counts)
    if not full:
        for name in lf:
            s = logits.detach().clone().requires_grad_(True)
            l = losses(s, y, z, counts)[name]
            l.backward()
            out[prefix + "loss." + name] = l.detach().reshape(1)
            out[prefix + "dlogits." + name] = s.grad
    model.zero_grad()
    lf["dive"].backward()
    params = dict(model.named_parameters())
    if full:
        model.eval()
        with torch.no_grad():
            out[prefix + "logits_eval"] = model(x)
        out[prefix + "grad"] = pack([params[n].grad for n in FULL_GRADS])
        return
    out[prefix + "grad"] = pack([p.grad for p in params.values()])
    out[prefix + "state"] = pack([b for n, b in model.named_buffers() if "running" in n])
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
    opt.step()
    out[prefix + "step"] = pack(list(params.values()))
    model.eval()
    with torch.no_grad():
        out[prefix + "logits_eval_after_step"] = model(x)


MODELS = (  # prefix, constructor, full width
    ("r18.", lambda: tv_model(R.BasicBlock, [2, 2, 2, 2], 8), False),
    ("r50.", lambda: tv_model(R.Bottleneck, [3, 4, 6, 3], 8), False),
    ("x50.", lambda: tv_model(R.Bottleneck, [3, 4, 6, 3], 8, groups=4, wpg=32), False),
    ("R50.", lambda: R.resnet50(num_classes=10).double(), True),
    ("X50.", lambda: R.resnext50_32x4d(num_classes=10).double(), True),
)


def main():
    B, C, S = 4, 10, 64
    y = torch.tensor([3, 7, 1, 5])
    z = torch.from_numpy(3.0 * hash_uniform(998, B * C).reshape(B, C))
    counts = torch.tensor([500, 300, 180, 108, 65, 39, 23, 14, 8, 5], dtype=torch.int32)
    out = {"labels": y.int(), "counts": counts}  # x and z are the hash, computed by the test too
    for p, mk, full in MODELS:  # full width: the first 2 images
        n = 2 if full else B
        names = FULL_GRADS if full else [k for k, _ in mk().named_parameters()]
        for xseed in range(1001, 1200):  # the first input on which the model is well-conditioned
            x = torch.from_numpy(hash_uniform(xseed, n * 3 * S * S).reshape(n, 3, S, S))
            if conditioned("%s input %d:" % (p, xseed), mk, x, y[:n], z[:n], counts, names, full):
                break
        else:
            raise SystemExit("%s: no well-conditioned input found" % p)
        out[p + "xseed"] = torch.tensor([xseed], dtype=torch.int32)
        run(p, mk, x, y[:n], z[:n], counts, out, full)
    arrs = {}
    for k, v in out.items():
        v = v.detach().numpy()
        arrs[k] = v.astype(np.int32) if v.dtype.kind in "iu" else v.astype(np.float32)
    path = os.path.join(HERE, "zoo_ref.safetensors")
    write_safetensors(path, arrs, {"generator": "tests/ref/gen_zoo.py"})
    print("wrote %s (%d tensors, %d bytes)" % (path, len(arrs), os.path.getsize(path)))
    path = os.path.join(HERE, "zoo_keys.txt")
    with open(path, "w") as f:
        f.write("# torchvision %s state_dict keys: arch name dtype shape (written by tests/ref/gen_zoo.py)\n"
                % __import__("torchvision").__version__)
        for arch in ("resnet18", "resnet50", "resnext50_32x4d"):
            for name, v in getattr(R, arch)(num_classes=C).float().state_dict().items():
                dt = {torch.float32: "F32", torch.int64: "I64"}[v.dtype]
                f.write("%s %s %s %s\n" % (arch, name, dt, ",".join(str(d) for d in v.shape) or "-"))
    print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))


if __name__ == "__main__":
    main()
