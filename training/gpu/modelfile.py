"""inkmath model files (recognizer/MODEL-FORMAT.md) read and written with numpy alone, so that
no `safetensors` package is needed: 8-byte little-endian header length, a JSON header padded
with spaces to a multiple of 8 (`__metadata__` with format, format_version, config, vocabulary),
then the tensors, little-endian, in state_dict order.

    save(path, model, vocabulary, dtype="F16", extra={"training": "{...}"})
    model, vocabulary, metadata = load(path)
"""
import json
import os
import struct

import numpy as np
import torch

from comer import Comer, ModelConfig

FORMAT = "inkmath-comer"
VERSION = "1"
_NUMPY = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "F64": np.dtype("<f8"),
          "I64": np.dtype("<i8"), "I32": np.dtype("<i4")}
_F16_MAX = 65504.0


def write_safetensors(path, metadata, arrays):
    """arrays: name -> (dtype name, float32 numpy array); written atomically (temp file, rename)."""
    header = {"__metadata__": dict(metadata)}
    offset = 0
    blobs = []
    for name, (dtype, values) in arrays.items():
        data = np.ascontiguousarray(values, dtype=_NUMPY[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(values.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((-len(text)) % 8)
    tmp = str(path) + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)
    os.replace(tmp, path)


def read_safetensors(path):
    """(metadata dict, name -> float32 numpy array); BF16 widened by hand."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path}: too short for a safetensors file")
    (n,) = struct.unpack("<Q", raw[:8])
    if n <= 0 or 8 + n > len(raw):
        raise ValueError(f"{path}: not a safetensors file (header length {n})")
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = memoryview(raw)[8 + n:]
    metadata = header.pop("__metadata__", {}) or {}
    tensors = {}
    for name, entry in header.items():
        start, end = entry["data_offsets"]
        chunk = data[start:end]
        if entry["dtype"] == "BF16":
            bits = np.frombuffer(chunk, dtype="<u2").astype(np.uint32) << 16
            values = bits.view(np.float32)
        elif entry["dtype"] in _NUMPY:
            values = np.frombuffer(chunk, dtype=_NUMPY[entry["dtype"]]).astype(np.float32)
        else:
            raise ValueError(f"{path}: tensor '{name}' has dtype {entry['dtype']}, not one this reader knows")
        tensors[name] = values.reshape(entry["shape"])
    return metadata, tensors


def state_arrays(model):
    """The model's state_dict as float32 numpy arrays, num_batches_tracked counters left out."""
    return {name: t.detach().float().cpu().numpy() for name, t in model.state_dict().items()
            if not name.endswith("num_batches_tracked")}


def save(path, model, vocabulary, dtype="F32", extra=None):
    """Writes an inkmath model file; with dtype F16 a tensor beyond the float16 range stays F32."""
    metadata = {"format": FORMAT, "format_version": VERSION, "config": model.config.to_json(),
                "vocabulary": json.dumps(list(vocabulary), ensure_ascii=False)}
    metadata.update(extra or {})
    arrays = {}
    for name, values in state_arrays(model).items():
        half = dtype == "F16" and (values.size == 0 or float(np.abs(values).max()) <= _F16_MAX)
        arrays[name] = ("F16" if half else "F32", values)
    write_safetensors(path, metadata, arrays)


def load(path, device="cpu"):
    """(model, vocabulary, metadata) from an inkmath model file; names and shapes must all match."""
    metadata, tensors = read_safetensors(path)
    if metadata.get("format") != FORMAT:
        raise ValueError(f"{path}: not an inkmath model (metadata 'format' is {metadata.get('format')!r})")
    if metadata.get("format_version") != VERSION:
        raise ValueError(f"{path}: model format version {metadata.get('format_version')} is not supported")
    config = ModelConfig.from_json(metadata["config"])
    vocabulary = json.loads(metadata["vocabulary"])
    model = Comer(config, len(vocabulary))
    load_weights(model, tensors, path)
    return model.to(device), vocabulary, metadata


def load_weights(model, tensors, path="weights"):
    """Copies tensors (name -> array) into the model; the Lightning prefix 'comer_model.' is accepted."""
    tensors = {(k[len("comer_model."):] if k.startswith("comer_model.") else k): v for k, v in tensors.items()}
    state = model.state_dict()
    for name, target in state.items():
        if name.endswith("num_batches_tracked"):
            continue
        if name not in tensors:
            raise ValueError(f"{path}: tensor '{name}' is missing (expected shape {list(target.shape)})")
        if tuple(tensors[name].shape) != tuple(target.shape):
            raise ValueError(f"{path}: tensor '{name}' has shape {list(tensors[name].shape)}, "
                             f"the configuration needs {list(target.shape)}")
    for name in tensors:
        if name not in state and not name.endswith("num_batches_tracked"):
            raise ValueError(f"{path}: tensor '{name}' is not a parameter of this configuration")
    with torch.no_grad():
        for name, target in state.items():
            if name in tensors:
                target.copy_(torch.from_numpy(np.array(tensors[name], dtype=np.float32)))
