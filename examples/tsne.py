#!/usr/bin/python3
"""tsne.py - the paper's Fig. 8 (Appendix D): a t-SNE picture of the test set's features.

    ./build/cifar_lt --data DIR --features out/cifar_lt/dive/model.safetensors --out out/feat
    python3 examples/tsne.py out/feat/features.safetensors        (writes ...tsne.png and .svg)

As in the paper: the classes are ordered by their number of training images (head to
tail) and split into ten groups; one class is drawn from each group, and the features of
its test images are embedded in 2-D by t-SNE, one colour per class. Needs Debian's
python3-sklearn, python3-matplotlib and python3-numpy.

options: --out PREFIX (default: the input without .safetensors, + "_tsne"),
         --per-class N (test images per class, default 300), --seed S (default 0),
         --title TEXT
"""
import argparse
import json
import struct
import sys

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError("%s: not a safetensors file (%d bytes)" % (path, len(blob)))
    (n,) = struct.unpack("<Q", blob[:8])
    if 8 + n > len(blob):
        raise ValueError("%s: header of %d bytes runs past the end of the file" % (path, n))
    header = json.loads(blob[8:8 + n])
    data = blob[8 + n:]
    meta = header.pop("__metadata__", {})
    dtypes = {"F32": np.float32, "I32": np.int32, "I64": np.int64, "F64": np.float64}
    out = {}
    for name, e in header.items():
        b, end = e["data_offsets"]
        out[name] = np.frombuffer(data[b:end], dtype=dtypes[e["dtype"]]).reshape(e["shape"])
    return out, meta


def pick_classes(train_counts, groups, rng):
    """one class drawn from each of `groups` groups of the classes ordered head to tail"""
    order = sorted(range(len(train_counts)), key=lambda j: (-int(train_counts[j]), j))
    return [int(rng.choice(g)) for g in np.array_split(np.array(order), min(groups, len(order))) if len(g)]


def main(argv):
    ap = argparse.ArgumentParser(description="t-SNE of the features written by --features (the paper's Fig. 8)")
    ap.add_argument("features", help="features.safetensors from an example program's --features CKPT")
    ap.add_argument("--out", help="output prefix (writes PREFIX.png and PREFIX.svg)")
    ap.add_argument("--per-class", type=int, default=300, help="test images per class (default 300)")
    ap.add_argument("--seed", type=int, default=0, help="class draw, image draw and t-SNE seed (default 0)")
    ap.add_argument("--title", help="figure title")
    a = ap.parse_args(argv)
    if a.per_class < 2:
        ap.error("--per-class %d: expected at least 2" % a.per_class)
    try:
        t, meta = read_safetensors(a.features)
        feats, labels, counts = t["features"], t["labels"], t["train_counts"]
    except (OSError, ValueError, KeyError) as e:
        sys.exit("error: %s: %s (expected the features.safetensors of --features)" % (a.features, e))
    names = json.loads(meta.get("class_names", "[]")) or [str(j) for j in range(len(counts))]
    from sklearn.manifold import TSNE
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = np.random.RandomState(a.seed)
    classes = [c for c in pick_classes(counts, 10, rng) if (labels == c).any()]
    idx, col = [], []
    for k, c in enumerate(classes):
        mine = np.flatnonzero(labels == c)
        if len(mine) > a.per_class:
            mine = np.sort(rng.choice(mine, a.per_class, replace=False))
        idx.extend(mine)
        col.extend([k] * len(mine))
    if len(idx) < 5:
        sys.exit("error: %s: only %d test images in the drawn classes: t-SNE needs more" % (a.features, len(idx)))
    x = feats[np.array(idx)].astype(np.float64)
    emb = TSNE(n_components=2, init="pca", learning_rate="auto", perplexity=min(30.0, (len(idx) - 1) / 3.0),
               random_state=a.seed).fit_transform(x)
    col = np.array(col)
    fig, ax = plt.subplots(figsize=(7, 6))
    cmap = plt.get_cmap("tab10")
    for k, c in enumerate(classes):
        m = col == k
        ax.scatter(emb[m, 0], emb[m, 1], s=8, color=cmap(k % 10),
                   label="%s (%d train)" % (names[c] if c < len(names) else c, int(counts[c])))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(a.title or "t-SNE of the test features: %s (%s)" % (meta.get("checkpoint_label", ""), a.features))
    ax.legend(title="head to tail", fontsize=8, markerscale=2, loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    prefix = a.out or (a.features[:-12] if a.features.endswith(".safetensors") else a.features) + "_tsne"
    fig.savefig(prefix + ".png", dpi=120)
    fig.savefig(prefix + ".svg")
    print("wrote %s.png and %s.svg: %d classes, %d test images" % (prefix, prefix, len(classes), len(idx)))


if __name__ == "__main__":
    main(sys.argv[1:])
