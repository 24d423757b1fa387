"""st_io: the safetensors format written and read by hand (Debian has no safetensors
package), for the fixture generators and the PyTorch/torchvision round trips in tests/ref/.
The format: an 8-byte little-endian header length, a JSON header (padded with spaces to a
multiple of 8), then the raw little-endian tensor bytes."""
import json, struct
import numpy as np
import torch

_DT = {np.dtype("float32"): "F32", np.dtype("int64"): "I64", np.dtype("int32"): "I32"}
_NP = {"F32": np.float32, "I64": np.int64, "I32": np.int32}


def write_safetensors(path, tensors, metadata, exact_shapes=False):
    """tensors: name -> numpy array or torch tensor, in file order. exact_shapes keeps 0-d
    tensors 0-d (a state_dict's num_batches_tracked); without it they are written with
    shape [1], as the committed fixtures have them."""
    header, blobs, off = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        if exact_shapes:
            arr = t.detach().cpu().contiguous().numpy() if torch.is_tensor(t) else np.asarray(t)
        else:
            arr = np.ascontiguousarray(t)
        b = arr.tobytes()
        header[name] = {"dtype": _DT[arr.dtype], "shape": list(arr.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def read_safetensors(path):
    """name -> torch tensor (a copy)"""
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        b, e = v["data_offsets"]
        out[k] = torch.from_numpy(np.frombuffer(data[b:e], dtype=_NP[v["dtype"]]).reshape(v["shape"]).copy())
    return out
