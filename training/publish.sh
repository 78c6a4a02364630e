#!/usr/bin/env bash
# Copies a trained model into models/ and measures it: `schuilnaam eval` on the dev and test
# splits (seed 1), with and without the model, then writes the model card from the results.
# Usage: training/publish.sh training/work/v1-out models/schuilnaam-ner
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$1
DEST=$2
SHARED=${SHARED:-../shared}
mkdir -p "$DEST"
# Before/after: the model card compares with the model this one replaces.
for split in dev test; do
  [ -f "$DEST/eval-$split.json" ] && cp "$DEST/eval-$split.json" "$DEST/eval-$split-previous.json"
done
cp "$SRC/model.onnx" "$SRC/tokenizer.json" "$SRC/labels.json" "$SRC/training.json" "$DEST/"
scripts/fetch-onnxruntime.sh >/dev/null
cargo build --release --quiet
BIN=target/release/schuilnaam
RULINGS=("$SHARED/data/rulings" "$SHARED/data/rulings-modern" "$SHARED/data/rulings-extra")
mkdir -p target/gold
for split in dev test; do
  [ -f "target/gold/$split.jsonl" ] || "$BIN" corpus refill "${RULINGS[@]}" --split "$split" --seed 1 --out "target/gold/$split.jsonl"
  "$BIN" eval --gold "target/gold/$split.jsonl" --model "$DEST" --json > "$DEST/eval-$split.json"
  "$BIN" eval --gold "target/gold/$split.jsonl" --no-model --json > "$DEST/eval-$split-rules.json"
done
python3 training/eval_by_group.py target/gold/test.jsonl "$DEST" "$DEST/eval-test-groups.json" "$SHARED"
python3 training/model_card.py "$DEST"
echo "published $DEST ($(du -sh "$DEST" | cut -f1))"
