#!/usr/bin/env python3
"""Trains the inkmath CoMER-style model on a data pack (`./inkmath export-data`) with the
published recipe, on a GPU (bf16 autocast) or, slowly, on a CPU; see README.md beside this file.

    python3 train.py --pack data/pack.npz --out runs/a --minutes 8 --batch 64

Writes into --out: last.safetensors (every --checkpoint-minutes and at the end), best.safetensors
(the best validated weights), epochs/epoch-NNN.safetensors (the weights after each of the last
KEPT_EPOCHS epochs, to average with `./inkmath convert-model`), log.csv (the Java trainer's
columns), curves.svg and summary.json.
The weight files are inkmath model files that the Java ComerModel.load reads; their metadata
'training' holds the schedule, so that --resume FILE continues the run (fresh momentum).
The --minutes budget counts from the start of this process and is never overrun: training stops,
and a validation in progress is cut short, early enough to save the files.
"""
import argparse
import json
import math
import os
import re
import signal
import sys
import time

START = time.time()

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import comer  # noqa: E402
import data  # noqa: E402
import modelfile  # noqa: E402

# the Java trainer's columns; the mean_ ones (its validation of snapshot means) stay empty here
LOG_HEADER = ("step,epoch,loss,lr,images_per_s,val_exprate,wall_s,val_within1,val_within2,"
              "mean_exprate,mean_within1,mean_within2")
SAVE_MARGIN_S = 20.0
KEPT_EPOCHS = 5  # as the Java Trainer: enough to average the last few
EPOCH_FILE = re.compile(r"epoch-(\d+)\.safetensors")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Train the inkmath CoMER-style model on a data pack.")
    p.add_argument("--pack", required=True, help="the .npz written by ./inkmath export-data")
    p.add_argument("--out", required=True, help="folder for weights, log.csv, curves.svg, summary.json")
    p.add_argument("--model", default="compact", help="preset: compact, reference, compact-small-input (default compact)")
    p.add_argument("--model-config", help="a ModelConfig JSON file instead of --model")
    p.add_argument("--init", help="start from this model file's weights (and its configuration)")
    p.add_argument("--resume", help="continue the run that wrote this model file (weights, epoch, step, schedule)")
    p.add_argument("--minutes", type=float, default=0, help="hard time budget of this process; 0 none")
    p.add_argument("--checkpoint-minutes", type=float, default=3, help="write last.safetensors this often")
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--steps", type=int, default=0, help="stop after this many steps in all; 0 none")
    p.add_argument("--batch", type=int, default=8, help="images per batch at most (the recipe: 8)")
    p.add_argument("--batch-pixels", type=int, default=0, help="padded pixels per batch; 0: 320000 x batch / 8")
    p.add_argument("--packing", choices=["area", "height"], default="area",
                   help="order in which images fill batches: area (the recipe) or height bands, then width (less padding)")
    p.add_argument("--lr", type=float, default=0, help="learning rate; 0: 0.08 x batch / 32 (the published run: 4 GPUs x 8 images at 0.08)")
    p.add_argument("--warmup-steps", type=int, default=-1,
                   help="linear warm-up of the rate; -1: none at batch 8, else 300 steps")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--plateau-factor", type=float, default=0.25)
    p.add_argument("--plateau-epochs", type=int, default=20)
    p.add_argument("--clip-norm", type=float, default=10.0, help="global gradient norm limit; 0 off")
    p.add_argument("--validate-every", type=int, default=2, help="epochs between validations; 0 never")
    p.add_argument("--validation-subset", type=int, default=0, help="first N validation images; 0 all")
    p.add_argument("--max-decode-length", type=int, default=200)
    p.add_argument("--directions", choices=["both", "l2r"], default="both")
    p.add_argument("--augmentation", choices=["comer", "none"], default="comer",
                   help="comer: scale 0.7-1.4 (resizing the base rendering); none")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--device", default="auto", help="auto (cuda when there), cuda or cpu")
    p.add_argument("--amp", choices=["auto", "bf16", "off"], default="auto", help="auto: bf16 on CUDA, off on CPU")
    p.add_argument("--workers", type=int, default=-1, help="batch-building processes; -1: 8 on CUDA, 0 on CPU")
    p.add_argument("--weights-dtype", choices=["F32", "F16"], default="F32", help="dtype of the written weights")
    p.add_argument("--threads", type=int, default=0, help="CPU threads of torch; 0 leave as is")
    return p.parse_args(argv)


class Plateau:
    """The Java PlateauSchedule: the rate times factor once more than patience validations in a row
    have not beaten the best."""

    def __init__(self, lr, best=-1.0, bad=0):
        self.lr, self.best, self.bad = lr, best, bad

    def after_validation(self, rate, factor, patience):
        if rate > self.best:
            self.best, self.bad = rate, 0
            return True
        self.bad += 1
        if self.bad > patience:
            self.lr *= factor
            self.bad = 0
        return False


class Budget:
    def __init__(self, minutes):
        self.deadline = START + minutes * 60 if minutes > 0 else math.inf
        self.stop_requested = False

    def left(self):
        return self.deadline - time.time()

    def over(self, next_task_s=0.0):
        """Whether to stop now: asked to, or too little time left for the next task and the save."""
        return self.stop_requested or self.left() < SAVE_MARGIN_S + 1.5 * next_task_s


def pick_device(name):
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise SystemExit("train.py: --device cuda, but torch sees no CUDA device")
    return torch.device(name)


def to_device(batch, device, bidirectional):
    pixels, padding, captions = batch
    pixels = torch.as_tensor(pixels)
    padding = torch.as_tensor(padding)
    if device.type == "cuda":
        pixels, padding = pixels.pin_memory(), padding.pin_memory()
    images = pixels.to(device, non_blocking=True).to(torch.float32).div_(255.0).unsqueeze(1)
    padding = padding.to(device, non_blocking=True)
    inputs, outputs = comer.teacher_forcing(captions, bidirectional)
    return images, padding, inputs.to(device), outputs.to(device), len(captions)


def validate(model, pack, device, amp, args, budget):
    """Greedy decoding of the validation images: the shares decoded exactly, within one token edit and
    within two (the Java Validation.Score); None when the time budget cut it short."""
    split = pack.valid
    if len(split) == 0:
        return None
    input_scale = model.config.inputScale
    batches = data.validation_batches(split, max(8, args.batch), 320000 * max(8, args.batch) // 8,
                                      args.validation_subset, input_scale)
    image = data.validation_images(split, input_scale)
    model.eval()
    within = [0, 0, 0]
    total = 0
    slowest = 0.0
    try:
        for idx in batches:
            if budget.over(slowest):
                return None
            started = time.time()
            images, padding, _, _, _ = to_device(
                data.make_batch([image(i) for i in idx], [split.caption(i) for i in idx]), device, False)
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
                decoded = comer.greedy_decode(model, images, padding, args.max_decode_length)
            for i, tokens in zip(idx, decoded):
                distance = edit_distance(tokens, split.caption(i))
                for e in range(distance, 3):
                    within[e] += 1
                total += 1
            slowest = max(slowest, time.time() - started)
    finally:
        model.train()
    return tuple(w / max(total, 1) for w in within)


def edit_distance(a, b):
    """Levenshtein distance between two token sequences, each edit costing 1."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j - 1] + (a[i - 1] != b[j - 1]), previous[j] + 1, current[j - 1] + 1)
        previous = current
    return previous[len(b)]


def write_curves(rows, path):
    """log.csv rows as a small SVG: training loss (per epoch mean) and validation expression rate."""
    losses, rates = {}, []
    for r in rows:
        if r["val"] is None:
            losses.setdefault(r["epoch"], []).append(r["loss"])
        else:
            rates.append((r["epoch"], r["val"][0]))
    epochs = sorted(losses)
    mean_loss = [(e, sum(losses[e]) / len(losses[e])) for e in epochs]
    width, height, pad = 640, 300, 40
    last_epoch = max([e for e, _ in mean_loss] + [e for e, _ in rates] + [1])
    top_loss = max([v for _, v in mean_loss] + [1e-9])

    def x(e):
        return pad + (width - 2 * pad) * (e / last_epoch)

    def poly(points, top, colour):
        if not points:
            return ""
        coords = " ".join(f"{x(e):.1f},{height - pad - (height - 2 * pad) * v / top:.1f}" for e, v in points)
        return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>'

    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>',
           f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>',
           poly(mean_loss, top_loss, "steelblue"), poly(rates, 1.0, "darkorange"),
           f'<text x="{pad}" y="20" font-size="12">training loss (blue, top {top_loss:.3g}), validation '
           f'expression rate (orange, top 100%), epochs 0-{last_epoch}</text>', "</svg>"]
    with open(path, "w") as f:
        f.write("\n".join(svg))


def main(argv=None):
    args = parse_args(argv)
    budget = Budget(args.minutes)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: setattr(budget, "stop_requested", True))
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = pick_device(args.device)
    amp = args.amp == "bf16" or (args.amp == "auto" and device.type == "cuda")
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    workers = args.workers if args.workers >= 0 else (8 if device.type == "cuda" else 0)
    os.makedirs(args.out, exist_ok=True)

    pack = data.Pack(args.pack)
    training_state = {}
    if args.resume or args.init:
        model, vocabulary, metadata = modelfile.load(args.resume or args.init)
        if args.resume:
            training_state = json.loads(metadata.get("training", "{}"))
    else:
        config = (comer.ModelConfig.from_json(open(args.model_config).read()) if args.model_config
                  else comer.ModelConfig.named(args.model))
        torch.manual_seed(args.seed)
        model = comer.Comer(config, len(pack.vocabulary))
        vocabulary = pack.vocabulary
    if list(vocabulary) != pack.vocabulary:
        raise SystemExit("train.py: the model's vocabulary differs from the pack's")
    model.to(device).train()

    batch = args.batch
    max_pixels = args.batch_pixels or 320000 * batch // 8
    base_lr = args.lr or 0.08 * batch / 32
    warmup = args.warmup_steps if args.warmup_steps >= 0 else (0 if batch <= 8 else 300)
    plateau = Plateau(training_state.get("learning_rate", base_lr), training_state.get("best_rate", -1.0),
                      training_state.get("bad_validations", 0))
    patience = max(1, args.plateau_epochs // max(1, args.validate_every))
    epoch = int(training_state.get("epoch", 0))
    step = int(training_state.get("step", 0))
    trained_s = float(training_state.get("trained_s", 0.0))
    # the best weights are chosen on exact matches, ties broken by the edit rates (as in Java)
    best_score = tuple(training_state.get("best_score", (plateau.best, -1.0, -1.0)))
    optimizer = torch.optim.SGD(model.parameters(), lr=plateau.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)
    scales = (0.7, 1.4) if args.augmentation == "comer" else (1.0, 1.0)
    bidirectional = args.directions == "both"

    log_path = os.path.join(args.out, "log.csv")
    rows = []
    log = open(log_path, "a" if args.resume and os.path.exists(log_path) else "w")
    if log.tell() == 0:
        log.write(LOG_HEADER + "\n")

    def write_row(loss=None, lr=None, rate=None, val=None):
        rows.append({"epoch": epoch + (0 if val is not None else 1), "loss": loss, "val": val})
        cells = [str(step), str(epoch + (0 if val is not None else 1)),
                 "" if loss is None else f"{loss:.6f}", "" if lr is None else f"{lr:.6g}",
                 "" if rate is None else f"{rate:.3f}", "" if val is None else f"{val[0]:.6f}",
                 f"{trained_s + time.time() - session_start:.1f}"]
        cells += ["", ""] if val is None else [f"{val[1]:.6f}", f"{val[2]:.6f}"]
        cells += ["", "", ""]
        log.write(",".join(cells) + "\n")

    def save(name):
        state = {"epoch": epoch, "step": step, "learning_rate": plateau.lr, "best_rate": plateau.best,
                 "bad_validations": plateau.bad, "best_score": list(best_score),
                 "trained_s": trained_s + time.time() - session_start,
                 "batch": batch, "seed": args.seed, "pack_train_images": len(pack.train)}
        modelfile.save(os.path.join(args.out, name), model, vocabulary, args.weights_dtype,
                       {"training": json.dumps(state)})

    def save_epoch():
        folder = os.path.join(args.out, "epochs")
        os.makedirs(folder, exist_ok=True)
        save(os.path.join("epochs", f"epoch-{epoch:03d}.safetensors"))
        # Only our own names: a stray file in the folder must neither stop training nor be deleted.
        kept = sorted((int(m.group(1)), f) for f in os.listdir(folder)
                      for m in [EPOCH_FILE.fullmatch(f)] if m)
        for _, old in kept[:-KEPT_EPOCHS]:
            os.remove(os.path.join(folder, old))

    print(f"train.py: torch {torch.__version__}, device {device}"
          f"{' (' + torch.cuda.get_device_name(0) + ')' if device.type == 'cuda' else ''}, bf16 autocast {amp}, "
          f"{model.parameter_count():,} weights, {len(pack.train)} training images, {len(pack.valid)} validation "
          f"images, batch {batch} ({max_pixels} pixels), lr {plateau.lr:.4g}, warm-up {warmup} steps, "
          f"budget {args.minutes} min", flush=True)
    session_start = time.time()
    last_checkpoint = time.time()
    stop = "finished"
    last_loss = float("nan")
    slowest_step = 0.0
    try:
        while epoch < args.epochs and stop == "finished":
            plan = data.TrainEpoch(pack.train, epoch, args.seed, scales, batch, max_pixels, model.config.inputScale,
                                   args.packing)
            loader = torch.utils.data.DataLoader(plan, batch_size=None, shuffle=False, num_workers=workers,
                                                 persistent_workers=False)
            seen, epoch_start = 0, time.time()
            for b in loader:
                if budget.over(slowest_step):
                    stop = "requested" if budget.stop_requested else "time limit"
                    break
                step_start = time.time()
                if args.steps and step >= args.steps:
                    stop = "step limit"
                    break
                images, padding, inputs, outputs, count = to_device(b, device, bidirectional)
                lr = plateau.lr * min(1.0, (step + 1) / warmup) if warmup > 0 else plateau.lr
                for group in optimizer.param_groups:
                    group["lr"] = lr
                with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
                    logits = model(images, padding, inputs)
                loss = comer.masked_cross_entropy(logits, outputs)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                norm = torch.nn.utils.clip_grad_norm_(model.parameters(),
                                                      args.clip_norm if args.clip_norm > 0 else float("inf"))
                loss_value = float(loss)
                if math.isfinite(loss_value) and math.isfinite(float(norm)):
                    optimizer.step()
                    last_loss = loss_value
                else:
                    print(f"train.py: step {step} skipped: loss {loss_value}, gradient norm {float(norm)}", flush=True)
                step += 1
                seen += count
                slowest_step = max(slowest_step, time.time() - step_start)
                write_row(loss=loss_value, lr=lr, rate=seen / max(time.time() - epoch_start, 1e-9))
                if time.time() - last_checkpoint >= args.checkpoint_minutes * 60:
                    save("last.safetensors")
                    log.flush()
                    last_checkpoint = time.time()
            else:
                epoch += 1
                save_epoch()
                print(f"train.py: epoch {epoch} done, step {step}, loss {last_loss:.4f}, "
                      f"{seen / max(time.time() - epoch_start, 1e-9):.1f} images/s, {budget.left():.0f} s left",
                      flush=True)
                if args.validate_every > 0 and len(pack.valid) > 0 and epoch % args.validate_every == 0:
                    t0 = time.time()
                    score = validate(model, pack, device, amp, args, budget)
                    if score is None:
                        print("train.py: validation cut short by the time budget", flush=True)
                    else:
                        plateau.after_validation(score[0], args.plateau_factor, patience)
                        best = score > best_score
                        if best:
                            best_score = score
                        write_row(val=score)
                        print(f"train.py: epoch {epoch}: validation expression rate {100 * score[0]:.2f}% (within 1 "
                              f"edit {100 * score[1]:.2f}%, 2 edits {100 * score[2]:.2f}%)"
                              f"{' (best so far, saved)' if best else ''} in {time.time() - t0:.0f} s", flush=True)
                        if best:
                            save("best.safetensors")
                log.flush()
                continue
            break
    finally:
        save("last.safetensors")
        log.close()
        write_curves(rows, os.path.join(args.out, "curves.svg"))
        summary = {"stop": stop, "epoch": epoch, "step": step,
                   "last_loss": last_loss if math.isfinite(last_loss) else None,
                   "best_rate": plateau.best, "learning_rate": plateau.lr,
                   "seconds": time.time() - START, "device": str(device), "torch": torch.__version__}
        with open(os.path.join(args.out, "summary.json"), "w") as f:
            json.dump(summary, f, indent=1)
        print(f"train.py: {stop} after {step} steps ({epoch} epochs complete), last loss {last_loss:.4f}, "
              f"best validation expression rate {100 * max(plateau.best, 0):.2f}%, {time.time() - START:.0f} s; "
              f"weights in {os.path.join(args.out, 'last.safetensors')}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
