#!/usr/bin/env python3
"""Greedy expression rate of a model file on the validation images of a data pack (CROHME 2014):
the share of images whose decoded tokens equal the caption, as the Java trainer's validation.

    python3 evaluate.py --model runs/gpu/best.safetensors --pack data/pack.npz [--subset 100]
"""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import comer  # noqa: E402
import data  # noqa: E402
import modelfile  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description="Greedy expression rate of an inkmath model file on a pack's validation set.")
    p.add_argument("--model", required=True)
    p.add_argument("--pack", required=True)
    p.add_argument("--subset", type=int, default=0, help="first N validation images; 0 all")
    p.add_argument("--batch", type=int, default=16, help="images per decoding batch")
    p.add_argument("--max-decode-length", type=int, default=200)
    p.add_argument("--device", default="auto")
    args = p.parse_args(argv)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available()
                          else ("cpu" if args.device == "auto" else args.device))
    model, vocabulary, _ = modelfile.load(args.model, device)
    pack = data.Pack(args.pack)
    if list(vocabulary) != pack.vocabulary:
        raise SystemExit("evaluate.py: the model's vocabulary differs from the pack's")
    model.eval()
    split = pack.valid
    start = time.time()
    correct = total = 0
    input_scale = model.config.inputScale
    image = data.validation_images(split, input_scale)
    for idx in data.validation_batches(split, args.batch, 320000 * args.batch // 8, args.subset, input_scale):
        pixels, padding, _ = data.make_batch([image(i) for i in idx], [split.caption(i) for i in idx])
        images = torch.as_tensor(pixels).to(device).float().div(255).unsqueeze(1)
        decoded = comer.greedy_decode(model, images, torch.as_tensor(padding).to(device), args.max_decode_length)
        correct += sum(tokens == split.caption(i) for i, tokens in zip(idx, decoded))
        total += len(idx)
    print(f"{args.model}: greedy expression rate {100 * correct / max(total, 1):.2f}% "
          f"({correct}/{total} CROHME 2014 images) in {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
