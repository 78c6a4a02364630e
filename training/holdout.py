#!/usr/bin/env python3
"""Hold out a slice of the train split's rulings for choosing between retrained models.

Usage: python3 training/holdout.py --manifest MANIFEST.tsv [--share 0.25] \
           IN.jsonl FIT.jsonl HELD.jsonl

IN is a refill of the train split (`schuilnaam corpus refill --split train`). A ruling is held
out when its id is in MANIFEST (a `manifest.tsv` of ../shared, column `ecli`) and a hash of the
id falls in the first SHARE of its range; held-out rulings go to HELD, all others to FIT. The
choice depends on the id alone, so the same rulings are held out of every refill (seeds 1, 2,
3) and of the hard cases made from FIT, and a model trained on FIT has seen none of them.

Why: dev (72 rulings, its organisations mostly kept courts) and test disagreed about five
retrained models by a few mentions each time (training/README.md). The 2022 rulings of
`rulings-extra/` were not in the shipped model's training data, so a slice of them held out of a
retrain's is unseen by both models and can be a second selection set beside dev. The split of
the corpus itself does not change.
"""
import argparse
import csv
import hashlib
import json


def held_out(ruling_id, manifest_ids, share):
    if ruling_id not in manifest_ids:
        return False
    digest = int(hashlib.sha256(ruling_id.encode("utf-8")).hexdigest()[:8], 16)
    return digest < share * 0x1_0000_0000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", required=True, help="manifest.tsv whose rulings may be held out")
    parser.add_argument("--share", type=float, default=0.25, help="share of those rulings held out")
    parser.add_argument("gold", help="refilled train split (JSON Lines)")
    parser.add_argument("fit", help="where the rulings to train on go")
    parser.add_argument("held", help="where the held-out rulings go")
    args = parser.parse_args()
    if not 0.0 <= args.share <= 1.0:
        parser.error("--share is a share, between 0 and 1")
    with open(args.manifest, encoding="utf-8", newline="") as handle:
        manifest_ids = {row["ecli"] for row in csv.DictReader(handle, delimiter="\t")}
    counts = {"fit": 0, "held": 0}
    with open(args.gold, encoding="utf-8") as source, \
            open(args.fit, "w", encoding="utf-8") as fit, \
            open(args.held, "w", encoding="utf-8") as held:
        for line in source:
            if not line.strip():
                continue
            if held_out(json.loads(line)["id"], manifest_ids, args.share):
                held.write(line)
                counts["held"] += 1
            else:
                fit.write(line)
                counts["fit"] += 1
    print(f"{args.gold}: {counts['fit']} rulings to train on -> {args.fit}, "
          f"{counts['held']} held out -> {args.held}")


if __name__ == "__main__":
    main()
