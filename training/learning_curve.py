#!/usr/bin/env python3
"""Draws the learning curve of training/learning_curve.sh: recall, precision and leak rate on
the test split against the number of reviewed rulings the shipped model was fine-tuned on,
and prints the same figures as a Markdown table for the README.

Usage: training/work/venv/bin/python training/learning_curve.py WORK OUT.png
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    work, png = Path(sys.argv[1]), Path(sys.argv[2])
    points = []
    for n in [0, 25, 50, 100]:
        test, dev = work / f"eval-test-{n}.json", work / f"eval-dev-{n}.json"
        if test.exists():
            points.append((n, json.loads(test.read_text()), json.loads(dev.read_text()) if dev.exists() else None))
    print("| Reviewed rulings | Test micro recall | precision | PERSON P / R | PLACE P / R | leak rate | unflagged | Dev leak rate |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for n, test, dev in points:
        person, place = test["per_label"]["PERSON"], test["per_label"]["PLACE"]
        print(f"| {n if n else '0 (shipped model)'} | {test['micro']['recall']:.3f} | {test['micro']['precision']:.3f} | "
              f"{person['precision']:.3f} / {person['recall']:.3f} | {place['precision']:.3f} / {place['recall']:.3f} | "
              f"{test['leak_rate']:.3f} | {test['unflagged_leak_rate']:.3f} | "
              f"{dev['leak_rate']:.3f} |" if dev else "|")
    xs = [n for n, _, _ in points]
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=120)
    ax.plot(xs, [t["micro"]["recall"] for _, t, _ in points], "o-", label="micro recall")
    ax.plot(xs, [t["micro"]["precision"] for _, t, _ in points], "s-", label="micro precision")
    ax.plot(xs, [t["leak_rate"] for _, t, _ in points], "^-", label="leak rate")
    ax.set_xlabel("reviewed rulings the model was fine-tuned on")
    ax.set_ylabel("test split (seed 1)")
    ax.set_xticks(xs)
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="center right")
    ax.set_title("schuilnaam: learning from (simulated) reviews")
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png)
    print(f"\n{png}")


if __name__ == "__main__":
    main()
