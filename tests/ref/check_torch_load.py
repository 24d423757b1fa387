#!/usr/bin/env python3
"""Checks that PyTorch's load_state_dict takes a dive.h checkpoint and predicts the same.

Run by hand (Debian's python3-torch):
    make build/test_checkpoint && mkdir -p /tmp/dx && DIVE_TORCH_EXPORT=/tmp/dx ./build/test_checkpoint
    /usr/bin/python3 tests/ref/check_torch_load.py /tmp/dx
"""
import json, os, struct, sys
import numpy as np
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_ref import ResNet  # the reference module


def read_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        dt = {"F32": np.float32, "I64": np.int64, "I32": np.int32}[v["dtype"]]
        b, e = v["data_offsets"]
        out[k] = torch.from_numpy(np.frombuffer(data[b:e], dtype=dt).reshape(v["shape"]).copy())
    return out


def main():
    d = sys.argv[1]
    torch.set_default_dtype(torch.float32)
    model = ResNet().float()
    sd = read_safetensors(os.path.join(d, "model.safetensors"))
    model.load_state_dict(sd, strict=True)
    io = read_safetensors(os.path.join(d, "io.safetensors"))
    model.eval()
    with torch.no_grad():
        logits = model(io["x"])
    err = (logits - io["logits"]).abs().max().item()
    print("load_state_dict(strict=True): ok; max |logits diff| = %.3g" % err)
    sys.exit(0 if err < 1e-4 else 1)


if __name__ == "__main__":
    main()
