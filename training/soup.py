#!/usr/bin/env python3
"""Interpolates two fine-tuned checkpoints of the same model, weight by weight.

    python training/soup.py training/work/shipped/best.pt training/work/v10/best.pt \
        --weight 0.5 --out training/work/soup50

writes `--out`/best.pt = (1 - weight) x FIRST + weight x SECOND, with FIRST's `kept_ids.json`
and `tokenizer.json` beside it, so that `train_ner.py --init-from OUT/best.pt --keep-layers
0,1,2,3,4,5 --minutes 0` exports it as a model folder. Both checkpoints must have the same
tensors (the second fine-tuned from the first, as every retrain since the fourth is).

Why: a retrained model that gains on the rulings it was tuned for can lose on rulings unlike
them; averaging its weights with the model it started from (Wortsman et al. 2022, "Robust
fine-tuning of zero-shot models", WiSE-FT) often keeps most of the gain and the starting
model's robustness, at no cost in speed.
"""
import argparse
import shutil
from pathlib import Path

import torch


def interpolate(first, second, weight):
    """(1 - weight) x first + weight x second for every floating tensor; the rest from first."""
    if first.keys() != second.keys():
        raise SystemExit(f"the checkpoints hold different tensors: {sorted(first.keys() ^ second.keys())[:5]}")
    mixed = {}
    for name, tensor in first.items():
        other = second[name]
        if tensor.shape != other.shape:
            raise SystemExit(f"{name}: shape {tuple(tensor.shape)} against {tuple(other.shape)}")
        mixed[name] = (1 - weight) * tensor + weight * other if tensor.is_floating_point() else tensor.clone()
    return mixed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", help="the starting model's checkpoint (best.pt)")
    parser.add_argument("second", help="the retrained model's checkpoint (best.pt)")
    parser.add_argument("--weight", type=float, default=0.5, help="the second checkpoint's share (0..1)")
    parser.add_argument("--out", required=True, help="folder for best.pt, kept_ids.json, tokenizer.json")
    args = parser.parse_args()
    if not 0.0 <= args.weight <= 1.0:
        raise SystemExit(f"--weight {args.weight}: must lie between 0 and 1")
    first = torch.load(args.first, weights_only=True)
    second = torch.load(args.second, weights_only=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(interpolate(first, second, args.weight), out / "best.pt")
    for name in ("kept_ids.json", "tokenizer.json"):
        source = Path(args.first).parent / name
        if source.exists():
            shutil.copyfile(source, out / name)
    print(f"{out / 'best.pt'}: {1 - args.weight:g} x {args.first} + {args.weight:g} x {args.second}")


if __name__ == "__main__":
    main()
