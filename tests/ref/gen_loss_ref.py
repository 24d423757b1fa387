#!/usr/bin/env python3
"""Writes tests/ref/loss_ref.safetensors, the PyTorch oracle for the losses and SGD in
tests/test_loss.c.

Run by hand (needs Debian's python3-torch and python3-numpy):  /usr/bin/python3 tests/ref/gen_loss_ref.py

Everything is computed in float64 by PyTorch's own functions (cross_entropy, log_softmax,
kl_div, autograd, torch.optim.SGD) from inputs stored as float32, so the fixture is the
exact answer for exactly the inputs the C test reads.

Losses: a few input sets (logits s, labels y, teacher logits z, log prior log n_j) of
different shapes, and for every case the per-example loss, the batch mean and
d mean / d s. A case's settings are stored beside it as
    case.N.params = [kind, alpha, alpha_set, T, power, no_bsce, mix_groundtruth, set]
with kind as in dive_loss_kind (CE 0, BSCE 1, KD 2, DIVE 3, KD_CE 4) and T, power already
resolved (the C side passes them as given). The loss of a row, as the paper states it:
    CE     -log softmax(s)_y                  BSCE   CE on s + log n
    KD     T^2 KL(t || softmax(s/T)),  t = softmax(z p / T)
    KD_CE  (1-alpha) CE + alpha T^2 KL        DIVE   (1-alpha) BSCE + alpha T^2 KL
    no_bsce: the first term dropped (alpha T^2 KL); mix_groundtruth: the KL target is
    (1-alpha) onehot + alpha t.
SGD: a parameter vector and three steps of gradients; for each configuration (lr,
momentum, weight decay, nesterov) the parameters and momentum buffers after the three
steps of torch.optim.SGD.
"""
import os
import numpy as np
import torch
import torch.nn.functional as F
from st_io import write_safetensors  # the safetensors format, by hand

torch.set_default_dtype(torch.float64)
CE, BSCE, KD, DIVE, KD_CE = 0, 1, 2, 3, 4


def input_set(seed, B, C, s_scale, z_scale):
    r = np.random.RandomState(seed)
    s = (s_scale * r.uniform(-1, 1, (B, C))).astype(np.float32)
    z = (z_scale * r.uniform(-1, 1, (B, C))).astype(np.float32)
    y = r.randint(0, C, B).astype(np.int32)
    counts = np.maximum(1, np.floor(5000 * (0.01 ** (np.arange(C) / max(1, C - 1))))).astype(np.int64)
    r.shuffle(counts)
    logp = np.log(counts).astype(np.float32)
    return {"logits": s, "teacher": z, "labels": y, "log_prior": logp}


SETS = [
    input_set(1, 7, 10, 3.0, 3.0),     # 0: the common shape
    input_set(2, 5, 33, 8.0, 6.0),     # 1: larger logits
    input_set(3, 2, 1000, 3.0, 3.0),   # 2: many classes
    input_set(4, 4, 10, 400.0, 30.0),  # 3: extreme logits (log-sum-exp stability)
    input_set(5, 3, 2, 3.0, 3.0),      # 4: two classes
]

# (kind, alpha, alpha_set, T, power, no_bsce, mix, set)
CASES = [
    (CE, 0.5, 0, 3, 0.5, 0, 0, 0),
    (CE, 0.5, 0, 3, 0.5, 0, 0, 4),
    (BSCE, 0.5, 0, 3, 0.5, 0, 0, 0),
    (BSCE, 0.5, 0, 3, 0.5, 0, 0, 2),
    (BSCE, 0.5, 0, 3, 0.5, 0, 0, 3),
    (KD, 0.5, 0, 3, 0.5, 0, 0, 0),
    (KD, 0.5, 0, 1, 1.0, 0, 0, 1),
    (KD, 0.5, 0, 3, 0.5, 0, 1, 0),
    (KD_CE, 0.5, 0, 3, 0.5, 0, 0, 0),
    (KD_CE, 0.3, 1, 2, 1.0, 0, 0, 1),
    (KD_CE, 0.0, 1, 3, 0.5, 0, 0, 0),
    (KD_CE, 0.5, 0, 4, 1.0, 1, 0, 0),
    (DIVE, 0.5, 0, 3, 0.5, 0, 0, 0),
    (DIVE, 0.3, 1, 2, 1.0, 0, 0, 0),
    (DIVE, 0.5, 0, 5, 0.5, 0, 0, 1),
    (DIVE, 0.7, 1, 2, 0.5, 0, 0, 2),
    (DIVE, 0.5, 0, 5, 1.0, 0, 0, 4),
    (DIVE, 0.5, 0, 3, 0.5, 1, 0, 0),
    (DIVE, 0.5, 0, 3, 0.5, 0, 1, 0),
    (DIVE, 0.8, 1, 6, 1.0, 1, 1, 1),
    (DIVE, 0.5, 0, 3, 0.5, 0, 1, 2),
    (DIVE, 0.0, 1, 3, 0.5, 0, 0, 0),
    (DIVE, 1.0, 1, 3, 0.5, 0, 0, 0),
    (DIVE, 0.5, 0, 3, 0.5, 0, 0, 3),
    (DIVE, 0.5, 0, 10, 0.5, 0, 0, 3),
]


def per_example_loss(s, y, z, logp, kind, alpha, T, p, no_bsce, mix):
    """Per-row loss (B) in float64 from PyTorch's own functions."""
    C = s.shape[1]
    hard = None
    if kind in (CE, KD_CE):
        hard = F.cross_entropy(s, y, reduction="none")
    elif kind in (BSCE, DIVE):
        hard = F.cross_entropy(s + logp, y, reduction="none")
    if kind in (CE, BSCE):
        return hard
    t = F.softmax(z * p / T, dim=1)
    q = (1 - alpha) * F.one_hot(y, C).double() + alpha * t if mix else t
    # kl_div(input = log softmax(s/T), target = q) = q (log q - input), 0 where q = 0
    kl = F.kl_div(F.log_softmax(s / T, dim=1), q, reduction="none").sum(1)
    if kind == KD:
        return T * T * kl
    if no_bsce:
        return alpha * T * T * kl
    return (1 - alpha) * hard + alpha * T * T * kl


def sgd_fixture(out):
    r = np.random.RandomState(7)
    n = 263  # 16 * 16 + 7: a vector tail after the 16-wide loops
    p0 = r.uniform(-1, 1, n).astype(np.float32)
    grads = r.uniform(-1, 1, (3, n)).astype(np.float32)
    configs = [(0.1, 0.0, 0.0, 0), (0.1, 0.0, 1e-2, 0), (0.1, 0.9, 0.0, 0), (0.05, 0.9, 5e-4, 0),
               (0.2, 0.8, 1e-3, 1)]
    out["sgd.param0"] = p0
    out["sgd.grads"] = grads
    out["num_sgd"] = np.array([len(configs)], dtype=np.int32)
    for i, (lr, mom, wd, nest) in enumerate(configs):
        w = torch.tensor(p0.astype(np.float64), requires_grad=True)
        opt = torch.optim.SGD([w], lr=lr, momentum=mom, weight_decay=wd, nesterov=bool(nest))
        for k in range(3):
            w.grad = torch.tensor(grads[k].astype(np.float64))
            opt.step()
        buf = opt.state[w].get("momentum_buffer")
        out["sgd.%d.config" % i] = np.array([lr, mom, wd, nest], dtype=np.float32)
        out["sgd.%d.param" % i] = w.detach().numpy().astype(np.float32)
        out["sgd.%d.momentum" % i] = (buf.numpy() if buf is not None else np.zeros(n)).astype(np.float32)




def main():
    out = {}
    for k, st in enumerate(SETS):
        for name, arr in st.items():
            out["set%d.%s" % (k, name)] = arr
    out["num_cases"] = np.array([len(CASES)], dtype=np.int32)
    for i, (kind, alpha, alpha_set, T, p, no_bsce, mix, si) in enumerate(CASES):
        st = SETS[si]
        s = torch.tensor(st["logits"].astype(np.float64), requires_grad=True)
        y = torch.tensor(st["labels"].astype(np.int64))
        z = torch.tensor(st["teacher"].astype(np.float64))
        logp = torch.tensor(st["log_prior"].astype(np.float64))
        pe = per_example_loss(s, y, z, logp, kind, alpha, float(T), p, no_bsce, mix)
        mean = pe.mean()
        mean.backward()
        out["case.%d.params" % i] = np.array([kind, alpha, alpha_set, T, p, no_bsce, mix, si], dtype=np.float32)
        out["case.%d.per_example" % i] = pe.detach().numpy().astype(np.float32)
        out["case.%d.loss" % i] = mean.detach().numpy().reshape(1).astype(np.float32)
        out["case.%d.dlogits" % i] = s.grad.numpy().astype(np.float32)
    sgd_fixture(out)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "loss_ref.safetensors")
    write_safetensors(path, out, {"generator": "tests/ref/gen_loss_ref.py"})
    print("wrote %s (%d tensors, %d bytes): %d loss cases" % (path, len(out), os.path.getsize(path), len(CASES)))


if __name__ == "__main__":
    main()
