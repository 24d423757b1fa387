#!/usr/bin/env python3
"""Writes tests/ref/tiny-{images-idx3,labels-idx1}-ubyte.gz: a 12-image 28x28 IDX pair
compressed by python's gzip (real deflate blocks, FNAME set), so the gzip path is tested
on data dive.h did not write. Pixel (i, y, x) = (i * 31 + y * 7 + x * 3) % 256, label i % 10.
Run by hand: /usr/bin/python3 tests/ref/gen_idx_gz.py"""
import gzip
import os
import struct

d = os.path.dirname(os.path.abspath(__file__))
n = 12
img = bytes((i * 31 + y * 7 + x * 3) % 256 for i in range(n) for y in range(28) for x in range(28))
lab = bytes(i % 10 for i in range(n))
for name, data in (("tiny-images-idx3-ubyte", struct.pack(">IIII", 0x803, n, 28, 28) + img),
                   ("tiny-labels-idx1-ubyte", struct.pack(">II", 0x801, n) + lab)):
    p = os.path.join(d, name + ".gz")
    with open(p, "wb") as raw:
        # fixed mtime so the fixture is byte-identical on every run
        with gzip.GzipFile(filename=name, mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
            g.write(data)
    print("wrote", p, os.path.getsize(p), "bytes")
