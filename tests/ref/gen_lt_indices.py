#!/usr/bin/env python3
"""Writes tests/ref/lt_indices.bin: the CIFAR-LT selection exactly as LDAM-DRW's
IMBALANCECIFAR10.gen_imbalanced_data makes it, on synthetic label arrays.
Run by hand (needs numpy): /usr/bin/python3 tests/ref/gen_lt_indices.py

LDAM-DRW (imbalance_cifar.py): np.random.seed(0) once in __init__, then
  img_max = len(data) / cls_num
  n_i = int(img_max * (imb_factor ** (i / (cls_num - 1.0))))    # imb_factor = 1/IF
  for i, n_i in zip(classes, img_num_per_cls):
      idx = np.where(targets_np == i)[0]; np.random.shuffle(idx); keep idx[:n_i]

File format (little-endian):
  8 bytes magic "DIVELT01", u32 number of sets, then per set:
  u32 classes, u32 n, u32 kept, u32 IF, n x u8 labels, kept x u16 kept indices
  (0-based positions in the label array, in selection order).
"""
import os
import struct
import numpy as np


def lt_select(labels, classes, imb):
    np.random.seed(0)
    img_max = len(labels) / classes
    keep = []
    for i in range(classes):
        n_i = int(img_max * ((1.0 / imb) ** (i / (classes - 1.0))))
        idx = np.where(labels == i)[0]
        np.random.shuffle(idx)
        keep.extend(idx[:n_i].tolist())
    return keep


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lt_indices.bin")
    sets = []
    for classes, per, want in ((10, 5000, 12406), (100, 500, 10847)):
        # balanced labels in a shuffled order (its own generator: not the seeded global one)
        labels = np.repeat(np.arange(classes, dtype=np.int64), per)
        np.random.RandomState(1234 + classes).shuffle(labels)
        keep = lt_select(labels, classes, 100)
        assert len(keep) == want, (classes, len(keep))
        sets.append((classes, labels, keep))
    with open(out, "wb") as f:
        f.write(b"DIVELT01" + struct.pack("<I", len(sets)))
        for classes, labels, keep in sets:
            f.write(struct.pack("<IIII", classes, len(labels), len(keep), 100))
            f.write(labels.astype(np.uint8).tobytes())
            f.write(np.asarray(keep, dtype="<u2").tobytes())
    print("wrote", out, os.path.getsize(out), "bytes; numpy", np.__version__)


if __name__ == "__main__":
    main()
