#!/usr/bin/env python3
"""Runs the PyTorch model on fixed inputs for the Java parity test (TorchParityTest):

    python3 parity.py CASES.json RESULT.json

CASES.json: {"cases": [{"model": FILE, "batch": B, "height": H, "width": W, "pixels": [B*H*W floats],
"padding": [B*H*W 0/1], "inputs": [[ids]], "outputs": [[ids]], "train": bool, "stats": [names]}],
"resizes": [{"pixels": [h*w bytes], "height": h, "width": w, "to": [h2, w2]}]}.
For each case RESULT.json holds the eval-mode logits (flat), and when "train" is set (a model
without dropout) the training-mode logits, the masked cross-entropy and the named running
statistics after that one training forward pass; and each image of "resizes" resampled by
data.resize, for comparison with the Java ImageOps.resize.
"""
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import comer  # noqa: E402
import data  # noqa: E402
import modelfile  # noqa: E402


def run_case(case):
    model, _, _ = modelfile.load(case["model"])
    shape = (case["batch"], case["height"], case["width"])
    images = torch.tensor(case["pixels"], dtype=torch.float32).reshape(shape).unsqueeze(1)
    padding = torch.tensor(case["padding"], dtype=torch.bool).reshape(shape)
    inputs = torch.tensor(case["inputs"], dtype=torch.int64)
    outputs = torch.tensor(case["outputs"], dtype=torch.int64)
    result = {}
    model.eval()
    with torch.no_grad():
        result["eval_logits"] = model(images, padding, inputs).reshape(-1).tolist()
    if case.get("train"):
        model.train()
        with torch.no_grad():
            logits = model(images, padding, inputs)
            result["train_logits"] = logits.reshape(-1).tolist()
            result["train_loss"] = float(comer.masked_cross_entropy(logits, outputs))
        state = model.state_dict()
        result["stats"] = {name: state[name].reshape(-1).tolist() for name in case.get("stats", [])}
    return result


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: parity.py CASES.json RESULT.json")
    with open(argv[0]) as f:
        request = json.load(f)
    torch.set_num_threads(min(2, torch.get_num_threads()) or 1)
    results = [run_case(c) for c in request.get("cases", [])]
    resized = []
    for r in request.get("resizes", []):
        image = np.array(r["pixels"], dtype=np.uint8).reshape(r["height"], r["width"])
        resized.append(data.resize(image, *r["to"]).reshape(-1).tolist())
    with open(argv[1], "w") as f:
        json.dump({"torch": torch.__version__, "results": results, "resizes": resized}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
