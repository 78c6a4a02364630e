#!/usr/bin/env bash
# The learning curve of issue 18: a simulated editor reviews 25, 50 and 100 rulings the shipped
# model never saw, the shipped model is fine-tuned on each set of reviews, and `eval` on the
# test split measures each. Resumable: every finished step is skipped when rerun.
#
#   training/learning_curve.sh [WORK]      (default WORK=training/work/learning-curve)
#
# Needs training/prepare.sh (venv, base model, gold files in target/gold/) and a release build.
# The pool: the rulings of ../shared/data/rulings-extra that are in the train split (the shipped
# model was trained before they joined the corpus), refilled with seed 1, in a fixed shuffled
# order. Nothing here is committed: it is all derived from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-training/work/learning-curve}
PY=training/work/venv/bin/python
S=target/release/schuilnaam
mkdir -p "$WORK"

if [ ! -f training/work/shipped/best.pt ]; then
  $PY training/onnx_to_checkpoint.py models/schuilnaam-ner training/work/base training/work/shipped
fi
if [ ! -f "$WORK/pool.jsonl" ]; then
  $PY - "$WORK/pool.jsonl" <<'EOF'
import csv, json, random, sys
extra = {r["ecli"] for r in csv.DictReader(open("../shared/data/rulings-extra/manifest.tsv"), delimiter="\t")}
docs = [json.loads(l) for l in open("target/gold/train-1.jsonl") if json.loads(l)["id"] in extra]
random.Random(7).shuffle(docs)
with open(sys.argv[1], "w") as out:
    for d in docs:
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
EOF
fi
[ -f "$WORK/eval-test-0.json" ] || cp models/schuilnaam-ner/eval-test.json "$WORK/eval-test-0.json"
[ -f "$WORK/eval-dev-0.json" ] || cp models/schuilnaam-ner/eval-dev.json "$WORK/eval-dev-0.json"
for n in 25 50 100; do
  if [ ! -f "$WORK/reviews-$n.jsonl" ]; then
    head -n "$n" "$WORK/pool.jsonl" > "$WORK/pool-$n.jsonl"
    rm -rf "$WORK/texts-$n" "$WORK/run-$n"
    $S corpus texts "$WORK/pool-$n.jsonl" --out "$WORK/texts-$n"
    $S run "$WORK/texts-$n" --out "$WORK/run-$n" --progress none
    $S corpus simulate-review "$WORK/run-$n" --gold "$WORK/pool-$n.jsonl"
    $S corpus from-reviews "$WORK/run-$n" --out "$WORK/reviews-$n.jsonl" --force
  fi
  if [ ! -f "$WORK/model-$n/model.onnx" ]; then
    $PY training/train_ner.py --base training/work/base --reviews "$WORK/reviews-$n.jsonl" --review-weight 1 \
      --dev target/gold/dev.jsonl --work "$WORK/train-$n" --out "$WORK/model-$n" \
      --init-from training/work/shipped/best.pt --keep-layers 0,1,2,3,4,5 \
      --lr 5e-5 --epochs 2 --batch 16 --checkpoint-every 100 --minutes 25 --threads 2
  fi
  for split in dev test; do
    [ -f "$WORK/eval-$split-$n.json" ] || \
      $S eval --gold "target/gold/$split.jsonl" --model "$WORK/model-$n" --json > "$WORK/eval-$split-$n.json"
  done
done
$PY training/learning_curve.py "$WORK" docs/learning-curve.png
