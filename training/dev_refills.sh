#!/usr/bin/env bash
# Compares NER models through the whole pipeline on six refills of the dev split (seeds 1, 7,
# 8, 11, 13, 14: the same rulings with other surrogate names), the way training/README.md
# chose between retrained models. One refill of 72 rulings decides by one or two rulings; six
# say whether a model finds more names or only other ones.
#
# Usage: training/dev_refills.sh MODEL_DIR [MODEL_DIR ...]
#   e.g. training/dev_refills.sh models/schuilnaam-ner training/work/v9-out
# Prints, per model, one line per refill and their mean: leak rate, unflagged leak rate,
# micro recall and precision, PERSON precision and recall, kept rate, ORGANISATION precision,
# doubts per ruling; and the same on train-1's held-out slice (target/gold/held-1.jsonl, from
# training/prepare.sh), when it is there: only for models trained without it (train-N.fit.jsonl).
# For every model after the first, each line ends with the rulings it stops and starts leaking
# against the first ("leaks -3 +2", unflagged in brackets): a paired comparison, ruling by ruling.
# Reports go to target/dev-refills/<n>-<model folder name>-s<seed>.json.
# Dev and train only: the test split is the regression gate (`eval --baseline`), never a chooser.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,16p "$0"; exit 2; }
SHARED=${SHARED:-../shared}
SEEDS=(1 7 8 11 13 14)
RULINGS=("$SHARED/data/rulings" "$SHARED/data/rulings-modern" "$SHARED/data/rulings-extra")
for folder in "${RULINGS[@]}"; do
  [ -d "$folder" ] || { echo "$folder: missing (the dev split is refilled from ../shared)" >&2; exit 1; }
done
cargo build --release --quiet
BIN=target/release/schuilnaam
mkdir -p target/gold target/dev-refills
for seed in "${SEEDS[@]}"; do
  gold=target/gold/dev-s$seed.jsonl
  [ -f "$gold" ] || "$BIN" corpus refill "${RULINGS[@]}" --split dev --seed "$seed" --out "$gold"
done
index=0
for model in "$@"; do
  [ -f "$model/model.onnx" ] || { echo "$model: no model.onnx" >&2; exit 1; }
  index=$((index + 1))
  name=$index-$(basename "$model")  # two models in folders of one name keep their reports apart
  for seed in "${SEEDS[@]}"; do
    "$BIN" eval --gold "target/gold/dev-s$seed.jsonl" --model "$model" --json --per-document \
      > "target/dev-refills/$name-s$seed.json"
  done
  rm -f "target/dev-refills/$name-held.json"
  if [ -f target/gold/held-1.jsonl ]; then
    "$BIN" eval --gold target/gold/held-1.jsonl --model "$model" --json --per-document \
      > "target/dev-refills/$name-held.json"
  fi
  python3 - "$model" "$name" "1-$(basename "$1")" "${SEEDS[@]}" <<'PY'
import json
import sys

model, name, first, seeds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
columns = ["leak", "unflagged", "micro R", "micro P", "PERSON P", "PERSON R", "kept", "ORG P", "doubts"]
print(f"{model}\n  {'seed':>5} " + " ".join(f"{c:>9}" for c in columns))


def figures(report):
    person = report["per_label"]["PERSON"]
    organisation = report["per_label"]["ORGANISATION"]
    return [report["leak_rate"], report["unflagged_leak_rate"], report["micro"]["recall"],
            report["micro"]["precision"], person["precision"], person["recall"],
            report["kept_rate"], organisation["precision"], report["doubts_per_document"]]


def paired(report, suffix):
    """Against the first model, ruling by ruling: the rulings this one stops and starts leaking
    (unflagged in brackets). A difference of one ruling in the leak rate can hide three and two."""
    if name == first:
        return ""
    theirs = {d["id"]: d for d in json.load(open(f"target/dev-refills/{first}-{suffix}.json"))["per_document"]}
    fixed = [d for d in report["per_document"] if theirs[d["id"]]["leaked"] and not d["leaked"]]
    new = [d for d in report["per_document"] if d["leaked"] and not theirs[d["id"]]["leaked"]]
    fixed_unflagged = [d for d in report["per_document"] if theirs[d["id"]]["unflagged_leak"] and not d["unflagged_leak"]]
    new_unflagged = [d for d in report["per_document"] if d["unflagged_leak"] and not theirs[d["id"]]["unflagged_leak"]]
    return f"  leaks -{len(fixed)} +{len(new)} (unflagged -{len(fixed_unflagged)} +{len(new_unflagged)})"


rows = []
for seed in seeds:
    report = json.load(open(f"target/dev-refills/{name}-s{seed}.json"))
    rows.append(figures(report))
    print(f"  {seed:>5} " + " ".join(f"{v:9.4f}" for v in rows[-1]) + paired(report, f"s{seed}"))
print(f"  {'mean':>5} " + " ".join(f"{sum(c) / len(c):9.4f}" for c in zip(*rows)))
try:
    held = json.load(open(f"target/dev-refills/{name}-held.json"))
    print(f"  {'held':>5} " + " ".join(f"{v:9.4f}" for v in figures(held)) + "  (train-1's held-out slice)"
          + paired(held, "held"))
except FileNotFoundError:
    pass
PY
done
