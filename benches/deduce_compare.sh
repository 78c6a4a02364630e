#!/usr/bin/env bash
# schuilnaam side by side with Deduce 3.0.6 (the Dutch rule-based de-identifier, PyPI) on the
# same generated corpus, in the same run: rounds alternate Deduce and schuilnaam (A/B), each
# round prints both rates and their ratio, and the end prints the median ratio. Once with
# --no-model and once with the NER model. Start-up is reported apart and left out of the
# rates for both tools.
#
# Usage: benches/deduce_compare.sh            (DOCS=300 SIZE=9 ROUNDS=3 by default)
#        CORPUS=DIR benches/deduce_compare.sh  (a folder of .txt rulings instead, e.g. the
#        refilled test split: schuilnaam corpus texts target/gold/test.jsonl --out DIR)
#        GATE=learned benches/deduce_compare.sh  (the model reads what that gate lets
#        through: rules by default, learned or none; see `schuilnaam run --help`)
# Needs Python 3 with venv and pip (Deduce is installed into target/deduce-venv) and, for the
# model rounds, the ONNX Runtime library (scripts/fetch-onnxruntime.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-300}
SIZE=${SIZE:-9}
ROUNDS=${ROUNDS:-3}
GATE=${GATE:-rules}
VENV=${VENV:-target/deduce-venv}
if ! "$VENV/bin/python" -c "import deduce" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet deduce==3.0.6
fi
cargo build --release --quiet
BIN=target/release/schuilnaam
if [ -n "${CORPUS:-}" ]; then
  [ -d "$CORPUS" ] || { echo "CORPUS=$CORPUS: no such folder" >&2; exit 2; }
  DESCRIPTION="$(find "$CORPUS" -maxdepth 1 -name '*.txt' | wc -l) rulings from $CORPUS, $(du -sh "$CORPUS" | cut -f1)"
else
  CORPUS=target/bench-corpus/docs-$DOCS-size-$SIZE
  if [ ! -d "$CORPUS" ]; then
    "$BIN" bench --docs "$DOCS" --size "$SIZE" --emit "$CORPUS"
  fi
  DESCRIPTION="$DOCS generated rulings of about $SIZE KB"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $CORPUS ($DESCRIPTION)"
for mode in --no-model --model; do
  flag=$mode
  [ "$mode" = --model ] && flag="--gate $GATE"
  ratios=()
  echo
  label=${mode#--}
  [ "$mode" = --model ] && label="model, $GATE gate"
  echo "== schuilnaam $label vs Deduce 3.0.6"
  for round in $(seq 1 "$ROUNDS"); do
    # The JSON is the last line: a first run of Deduce may print while it builds its lookup
    # structures.
    deduce_json=$("$VENV/bin/python" benches/deduce_time.py "$CORPUS" | tail -n 1)
    ours_json=$("$BIN" bench "$CORPUS" $flag --repeat 1 --json)
    line=$(python3 - "$deduce_json" "$ours_json" <<'PY'
import json, sys
deduce = json.loads(sys.argv[1])
ours = json.loads(sys.argv[2])
a = deduce["documents_per_s"]
b = ours["documents_per_s"]["median"]
print(f"{b / a:.3f} deduce {a:.1f} docs/s (start-up {deduce['startup_s']:.1f} s), "
      f"schuilnaam {b:.1f} docs/s (start-up {ours['startup_ms'] / 1000:.2f} s, "
      f"peak RSS {ours['peak_rss_mib']:.0f} MiB)")
PY
)
    ratio=${line%% *}
    ratios+=("$ratio")
    echo "round $round: ratio ${line}"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  echo "median ratio (schuilnaam / Deduce documents/s): $median"
done
