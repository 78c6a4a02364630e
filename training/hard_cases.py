#!/usr/bin/env python3
"""The refilled rulings the pipeline leaks: training's hard cases.

Usage: python3 training/hard_cases.py [--unlabel LABEL,...] OUT.jsonl GOLD.jsonl RUN_DIR [GOLD.jsonl RUN_DIR ...]

Each GOLD file is a refill (`schuilnaam corpus refill --split train`), each RUN_DIR the output
of `schuilnaam run` over its texts (`schuilnaam corpus texts`). A ruling is a hard case when
one of its gold spans of a kind the model learns (person, place, address, date of birth,
organisation) overlaps no replacement in the run's log; those rulings' gold lines are copied
to OUT, to be given to `train_ner.py --reviews OUT --review-weight N` (counted N more times).
Train split only: dev and test are never read.

--unlabel ORGANISATION writes the hard rulings' organisation spans as UNLABELLED, which
train_ner.py leaves out of the loss: the extra copies then teach the names the pipeline misses
without teaching organisations again (the fifth retrain, whose hard copies carried them, lost
organisation precision on held-out rulings, training/README.md).
"""
import argparse
import json
import sys
from pathlib import Path

MODEL_LABELS = {"PERSON", "PLACE", "ADDRESS", "DATE_OF_BIRTH", "ORGANISATION"}


def log_name(ruling_id):
    """The log `schuilnaam run` writes for the text `corpus texts` wrote for this ruling
    (`corpus texts` names it after the id with ':' and '/' as '_', src/cli/corpus.rs)."""
    return ruling_id.replace(":", "_").replace("/", "_") + ".txt.log.jsonl"


def replaced_ranges(log_path):
    ranges = []
    for line in log_path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["type"] == "substitution" and entry["action"] == "replace":
            ranges.append((entry["start"], entry["end"]))
    return ranges


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1].removeprefix("Usage: "))
    parser.add_argument("--unlabel", default="", help="labels to write as UNLABELLED, comma-separated")
    parser.add_argument("out")
    parser.add_argument("pairs", nargs="+", metavar="GOLD.jsonl RUN_DIR")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give each GOLD.jsonl with its RUN_DIR")
    unlabel = set(filter(None, args.unlabel.split(",")))
    out_path, pairs = args.out, args.pairs
    hard = rulings = leaked = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for gold, run_dir in zip(pairs[::2], pairs[1::2]):
            for line in open(gold, encoding="utf-8"):
                ruling = json.loads(line)
                rulings += 1
                log_path = Path(run_dir) / log_name(ruling["id"])
                if not log_path.exists():
                    sys.exit(f"{log_path}: no log for {ruling['id']} (run the pipeline over {gold}'s texts)")
                replaced = replaced_ranges(log_path)
                missed = [
                    e for e in ruling["entities"]
                    if e["label"] in MODEL_LABELS
                    and not any(s < e["end"] and e["start"] < t for s, t in replaced)
                ]
                if missed:
                    hard += 1
                    leaked += len(missed)
                    for entity in ruling["entities"]:
                        if entity["label"] in unlabel:
                            entity["label"] = "UNLABELLED"
                    out.write(json.dumps(ruling, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{hard} of {rulings} rulings leak ({leaked} spans) -> {out_path}")


if __name__ == "__main__":
    main()
