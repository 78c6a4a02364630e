#!/usr/bin/env python3
"""`schuilnaam eval` per area of law and per court level, for the model card (the AI Act's
"performance per group"): the gold file is split by the rulings' manifest fields and each part
is evaluated through the whole pipeline.

Usage: python3 training/eval_by_group.py GOLD.jsonl MODEL_DIR OUT.json [SHARED_DIR]

Court level comes from the court code of the ruling's id (ECLI:NL:<code>:…): the Hoge Raad
and its advocates-general, the courts of appeal (gerechtshoven), the district courts
(rechtbanken), and the highest administrative courts (Raad van State, Centrale Raad van
Beroep, College van Beroep voor het bedrijfsleven). The area of law comes from the
`rechtsgebied`/`area` column of ../shared's manifests, its first part. Groups of fewer than
five rulings are reported but say so. The split files are written under target/ and removed.
"""
import csv
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

FOLDERS = ["rulings", "rulings-modern", "rulings-extra"]


def court_level(ruling_id):
    code = ruling_id.split(":")[2] if ruling_id.startswith("ECLI:") else ruling_id.split("_")[1]
    if code in ("HR", "PHR"):
        return "Hoge Raad"
    if code.startswith("GH"):
        return "gerechtshof"
    if code.startswith("RB"):
        return "rechtbank"
    if code in ("RVS", "CRVB", "CBB"):
        return "hoogste bestuursrechter"
    return "overig"


def areas(shared):
    found = {}
    for folder in FOLDERS:
        manifest = Path(shared, "data", folder, "manifest.tsv")
        if not manifest.exists():
            continue
        for row in csv.DictReader(manifest.open(encoding="utf-8"), delimiter="\t"):
            area = row.get("rechtsgebied") or row.get("area") or ""
            # "Strafrecht (inferred from text)": the area, however it was found.
            found[row["ecli"]] = area.split(";")[0].split("(")[0].strip() or "onbekend"
            found[row["file"]] = found[row["ecli"]]
    return found


def main():
    gold, model, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    shared = sys.argv[4] if len(sys.argv) > 4 else "../shared"
    area_of = areas(shared)
    documents = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    groups = {"court_level": defaultdict(list), "area": defaultdict(list)}
    for document in documents:
        groups["court_level"][court_level(document["id"])].append(document)
        groups["area"][area_of.get(document["id"], "onbekend")].append(document)
    report = {}
    Path("target").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir="target") as scratch:
        for field, by_group in groups.items():
            report[field] = {}
            for group, members in sorted(by_group.items()):
                part = Path(scratch, "part.jsonl")
                part.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in members), encoding="utf-8")
                result = subprocess.run(
                    ["target/release/schuilnaam", "eval", "--gold", str(part), "--model", str(model), "--json"],
                    check=True, capture_output=True, text=True)
                scores = json.loads(result.stdout)
                report[field][group] = {
                    "documents": len(members),
                    "micro": scores["micro"],
                    "person": scores["per_label"].get("PERSON"),
                    "leak_rate": scores["leak_rate"],
                    "unflagged_leak_rate": scores["unflagged_leak_rate"],
                    "kept_rate": scores["kept_rate"],
                }
                print(f"{field} {group}: {len(members)} rulings, recall {scores['micro']['recall']:.3f}, "
                      f"leak rate {scores['leak_rate']:.3f}", flush=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
