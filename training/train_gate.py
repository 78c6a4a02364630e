"""Train the learned name gate: logistic regression over the hashed sentence features that
`schuilnaam corpus gate-data` writes, threshold chosen on dev for a sentence recall target.

    schuilnaam corpus gate-data target/gold/train-1.jsonl target/gold/train-2.jsonl \
        target/gold/train-3.jsonl --out target/gold/gate-train.jsonl
    schuilnaam corpus gate-data target/gold/dev.jsonl --out target/gold/gate-dev.jsonl
    training/work/venv/bin/python training/train_gate.py --train target/gold/gate-train.jsonl \
        --dev target/gold/gate-dev.jsonl --out models/schuilnaam-ner/gate.json

A sentence is positive when it holds a span the model must find. The loss weighs positives
up (a skipped name is a leak, a read sentence only costs time); the threshold is the highest
score at which the dev sentences let through still hold `--recall` of the dev positives.
Deterministic for a given seed; a few minutes on 2 cores.
"""

import argparse
import json
import math
import random

import torch

BUCKETS = 1 << 18


def read(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                rows.append((d["features"], d["label"], d["end"] - d["start"], d["rule"]))
    return rows


def batches(rows, size, shuffle, rng):
    order = list(range(len(rows)))
    if shuffle:
        rng.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [rows[j] for j in order[i : i + size]]
        flat, offsets = [], []
        for features, _, _, _ in chunk:
            offsets.append(len(flat))
            flat.extend(features)
        yield (
            torch.tensor(flat, dtype=torch.long),
            torch.tensor(offsets, dtype=torch.long),
            torch.tensor([r[1] for r in chunk], dtype=torch.float32),
        )


class Gate(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = torch.nn.EmbeddingBag(BUCKETS, 1, mode="sum")
        torch.nn.init.zeros_(self.weights.weight)
        self.bias = torch.nn.Parameter(torch.zeros(1))

    def forward(self, flat, offsets):
        return self.weights(flat, offsets).squeeze(1) + self.bias


def scores(model, rows):
    out = []
    with torch.no_grad():
        for flat, offsets, _ in batches(rows, 4096, False, None):
            out.extend(model(flat, offsets).tolist())
    return out


def all_scores(rows, admitted_rows, admitted_scores):
    """Scores of every row: the rule gate's rejects score minus infinity."""
    it = iter(admitted_scores)
    return [next(it) if r[3] else -math.inf for r in rows]


def choose_threshold(rows, row_scores, recall):
    """The highest threshold whose admitted sentences hold `recall` of the positives."""
    positives = sorted(s for s, r in zip(row_scores, rows) if r[1])
    allowed_misses = math.floor(len(positives) * (1 - recall))
    # Admitting score >= threshold: the threshold is the lowest positive score that must
    # still pass, less a margin for the rounding of the weights in gate.json.
    return positives[allowed_misses] - 1e-3


def report(rows, row_scores, threshold):
    chars = sum(r[2] for r in rows)
    admitted = [s >= threshold for s in row_scores]
    positives = sum(r[1] for r in rows)
    return {
        "sentences": len(rows),
        "positives": positives,
        "sentence_recall": sum(1 for a, r in zip(admitted, rows) if a and r[1]) / positives,
        "share_of_text": sum(r[2] for a, r in zip(admitted, rows) if a) / chars,
        "rule_gate_recall": sum(1 for r in rows if r[3] and r[1]) / positives,
        "rule_gate_share_of_text": sum(r[2] for r in rows if r[3]) / chars,
        "oracle_share_of_text": sum(r[2] for r in rows if r[1]) / chars,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--dev", nargs="+", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--recall", type=float, default=1.0)
    parser.add_argument("--positive-weight", type=float, default=4.0)
    parser.add_argument("--l2", type=float, default=1e-6)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    # The learned gate narrows the rule gate: it ranks only the sentences the rules let
    # through, and the model never reads a sentence the rules pass by (where it was never
    # asked to label anything and finds persons in headings).
    train = [r for r in read(args.train) if r[3]]
    dev_all = read(args.dev)
    dev = [r for r in dev_all if r[3]]
    model = Gate()
    optimiser = torch.optim.Adagrad(model.parameters(), lr=args.lr)
    weight = torch.tensor(args.positive_weight)
    for epoch in range(args.epochs):
        total = 0.0
        for flat, offsets, labels in batches(train, 64, True, rng):
            logits = model(flat, offsets)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, labels, pos_weight=weight
            )
            # L2 on the weights this batch touched (the rest stay where they are).
            touched = model.weights.weight[flat.unique()]
            loss = loss + args.l2 * touched.pow(2).sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(labels)
        dev_scores = scores(model, dev)
        threshold = choose_threshold(dev, dev_scores, args.recall)
        figures = report(dev_all, all_scores(dev_all, dev, dev_scores), threshold)
        print(
            f"epoch {epoch + 1}: train loss {total / len(train):.4f}; dev at recall "
            f"{figures['sentence_recall']:.4f} reads {figures['share_of_text']:.3f} of the text "
            f"(rule gate {figures['rule_gate_share_of_text']:.3f} at "
            f"{figures['rule_gate_recall']:.4f}, oracle {figures['oracle_share_of_text']:.3f})",
            flush=True,
        )

    weights = model.weights.weight.detach().squeeze(1)
    kept = (weights.abs() > 1e-4).nonzero().squeeze(1)
    gate = {
        "format": "schuilnaam-gate/1",
        "buckets": BUCKETS,
        "bias": round(model.bias.item(), 5),
        "threshold": round(threshold, 5),
        "indices": kept.tolist(),
        "weights": [round(w, 5) for w in weights[kept].tolist()],
        "trained_on": args.train,
        "dev": {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()},
        "recall_target": args.recall,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(gate, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(kept)} weights written to {args.out}")


if __name__ == "__main__":
    main()
