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
# Reports go to target/dev-refills/<n>-<model folder name>-s<seed>.json.
# Dev and train only: the test split is the regression gate (`eval --baseline`), never a chooser.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,14p "$0"; exit 2; }
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
    "$BIN" eval --gold "target/gold/dev-s$seed.jsonl" --model "$model" --json \
      > "target/dev-refills/$name-s$seed.json"
  done
  rm -f "target/dev-refills/$name-held.json"
  if [ -f target/gold/held-1.jsonl ]; then
    "$BIN" eval --gold target/gold/held-1.jsonl --model "$model" --json > "target/dev-refills/$name-held.json"
  fi
  python3 - "$model" "$name" "${SEEDS[@]}" <<'PY'
import json
import sys

model, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
columns = ["leak", "unflagged", "micro R", "micro P", "PERSON P", "PERSON R", "kept", "ORG P", "doubts"]
print(f"{model}\n  {'seed':>5} " + " ".join(f"{c:>9}" for c in columns))


def figures(report):
    person = report["per_label"]["PERSON"]
    organisation = report["per_label"]["ORGANISATION"]
    return [report["leak_rate"], report["unflagged_leak_rate"], report["micro"]["recall"],
            report["micro"]["precision"], person["precision"], person["recall"],
            report["kept_rate"], organisation["precision"], report["doubts_per_document"]]


rows = []
for seed in seeds:
    report = json.load(open(f"target/dev-refills/{name}-s{seed}.json"))
    rows.append(figures(report))
    print(f"  {seed:>5} " + " ".join(f"{v:9.4f}" for v in rows[-1]))
print(f"  {'mean':>5} " + " ".join(f"{sum(c) / len(c):9.4f}" for c in zip(*rows)))
try:
    held = json.load(open(f"target/dev-refills/{name}-held.json"))
    print(f"  {'held':>5} " + " ".join(f"{v:9.4f}" for v in figures(held)) + "  (train-1's held-out slice)")
except FileNotFoundError:
    pass
PY
done
