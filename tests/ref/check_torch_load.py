#!/usr/bin/env python3
"""Checks that PyTorch's load_state_dict takes a dive.h checkpoint and predicts the same.

Run by hand (Debian's python3-torch):
    make build/test_checkpoint && mkdir -p /tmp/dx && DIVE_TORCH_EXPORT=/tmp/dx ./build/test_checkpoint
    /usr/bin/python3 tests/ref/check_torch_load.py /tmp/dx
"""
import os, sys
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_ref import ResNet  # the reference module
from st_io import read_safetensors  # the safetensors format, by hand




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
    ref = io["logits"]
    err = ((logits - ref).norm() / ref.norm()).item()  # relative L2, as the C tests measure
    print("load_state_dict(strict=True): ok; logits relerr %.3g (max |logit| %.3g)" % (err, ref.abs().max().item()))
    sys.exit(0 if err < 1e-5 else 1)


if __name__ == "__main__":
    main()
