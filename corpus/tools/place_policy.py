#!/usr/bin/env python3
"""Measures the editors' place policy on the published rulings of one split.

The rulings in ../shared were pseudonymised by the courts' editors, so a place they replaced
is a placeholder ("wonende te [woonplaats]") and a place they kept is a capitalised name
("wonende te Sneek"). For each context in which a place appears (residence, birthplace, after
an address, the place of an offence in a charge, a municipality or body, a court or prison, a
lawyer's or company's seat, a country or foreign place) this counts how often the editors
replaced it and how often they kept it. The README's place-policy table is this script's
output on the train split; resolve's place policy (src/resolve/places.rs) follows it.

    python3 corpus/tools/place_policy.py --split corpus/splits/train.txt \
        ../shared/data/rulings ../shared/data/rulings-modern ../shared/data/rulings-extra

Prints a Markdown table. Reads the rulings; writes nothing.
"""
import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# The place after the context: a placeholder, or a capitalised name (up to three words,
# "'s-Hertogenbosch", "Bergen op Zoom", "Den Haag").
PLACE = r"(?P<place>\[[^\]\n]{1,40}\]|(?:'s-|'t )?[A-Z][\w\-]+(?:(?: op| aan| aan de| bij| in| an der)? [A-Z][\w\-]+){0,2})"
DATE = r"(?:\d{1,2}(?:-| )(?:\d{1,2}|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:-| )\d{4}|\d{4})"
CONTEXTS = [
    ("birthplace", r"geboren(?: op)?(?: \[[^\]]+\]| " + DATE + r")?,? (?:te|in) "),
    ("residence", r"(?:wonende|wonend|woonachtig|woonplaats hebbende|verblijvende|wonen|woont)(?: thans)? (?:te|in) "),
    # A seat right after a company's (or party's) name the editors replaced: "[eiseres] B.V.,
    # gevestigd te X". Tried first, so "company seat" holds the seats of named companies.
    ("seat of a replaced company", r"\](?:\s*(?:B\.?V\.?|N\.?V\.?))?,?\s*(?:gevestigd|statutair gevestigd|kantoorhoudende|kantoor houdende),? (?:te|in|op) "),
    ("company seat", r"(?:gevestigd|statutair gevestigd|kantoorhoudende|kantoor houdende) (?:te|in) "),
    ("lawyer's seat", r"(?:advocaat|advocate|advocaten|gemachtigde|deurwaarder|notaris|advocatenkantoor)(?: en procureur)?,? (?:te|in) "),
    ("municipality or body", r"(?:[Gg]emeente|[Bb]urgemeester van|[Ww]ethouders van|[Gg]emeenteraad van|[Rr]aad van|[Hh]eemraadschap|[Ww]aterschap|[Pp]rovincie|[Gg]edeputeerde [Ss]taten van) "),
    ("court or prison", r"(?:[Rr]echtbank|[Gg]erechtshof|[Hh]of|[Kk]antonrechter te|[Zz]ittingsplaats|[Zz]ittingslocatie|[Ii]nrichting|PI|[Hh]uis van [Bb]ewaring|[Aa]rrondissement|[Pp]olitie|[Pp]olitiebureau|[Ss]ector kanton,? locatie|[Ll]ocatie) "),
    ("offence in a charge", DATE + r",? (?:te|in|nabij) (?:de gemeente )?"),
    ("after an address", r"(?:\[(?:adres|woonadres|adres[ \w]*)\]|[A-Z][\w\-]+ \d{1,4}(?: ?[a-zA-Z])?(?:-\d+)?|\b\d{4} ?[A-Z]{2}),? (?:te |in )?"),
    ("elsewhere after te, in, naar, uit", r"\b(?:te|in|naar|uit|nabij|vanuit) "),
]
COMPILED = [(name, re.compile(r"(?:" + ctx + r")" + PLACE)) for name, ctx in CONTEXTS]
# Words that follow these contexts and are not places.
NOT_A_PLACE = {"De", "Het", "Een", "Deze", "Dit", "Die", "Dat", "Nederland", "Ik", "Hij", "Zij", "Wij", "In", "Op",
               "Bij", "Naar", "Van", "Voor", "Met", "Uit", "Onder", "Over", "Bestuursrecht", "Strafrecht", "Gelet",
               "Beroep", "State", "Arbitrage", "Aan", "BW", "Sr", "Sv", "Rv", "Awb"}


def rulings(dirs, eclis):
    found = {}
    for d in dirs:
        for path in sorted(Path(d).rglob("*.txt")):
            ecli = path.stem.replace("_", ":")
            if ecli in eclis and ecli not in found:
                found[ecli] = path
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--split", required=True, help="a split file (one ECLI per line)")
    parser.add_argument("--countries", default=None, help="file with one country name per line (optional)")
    parser.add_argument("--places", default=None,
                        help="file with one Dutch place name per line: a kept word counts only if listed (optional)")
    parser.add_argument("--examples", type=int, default=0, help="print this many kept examples per context")
    args = parser.parse_args()
    eclis = {l.strip() for l in Path(args.split).read_text().splitlines() if l.strip() and not l.startswith("#")}
    countries = set()
    if args.countries:
        countries = {l.strip() for l in Path(args.countries).read_text(encoding="utf-8").splitlines()
                     if l.strip() and not l.startswith("#")}
    places = None
    if args.places:
        places = {l.strip().lower() for l in Path(args.places).read_text(encoding="utf-8").splitlines() if l.strip()}
    counts = defaultdict(Counter)
    examples = defaultdict(Counter)
    files = rulings(args.dirs, eclis)
    for ecli, path in files.items():
        text = path.read_text(encoding="utf-8")
        seen = set()
        for name, regex in COMPILED:
            for m in regex.finditer(text):
                start = m.start("place")
                if start in seen:
                    continue
                place = m.group("place")
                if place.startswith("["):
                    kind = "replaced"
                elif place.split()[0] in NOT_A_PLACE:
                    continue
                elif places is not None and place.lower() not in places and place not in countries:
                    continue
                else:
                    kind = "kept"
                seen.add(start)
                context = "country or foreign place" if place in countries else name
                counts[context][kind] += 1
                counts[context]["rulings:" + kind + ":" + ecli] = 1
                if kind == "kept":
                    examples[context][place] += 1
    print(f"Train split: {len(files)} rulings.\n")
    print("| context | replaced | kept | share replaced | rulings replacing / keeping |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in [n for n, _ in CONTEXTS] + ["country or foreign place"]:
        c = counts[name]
        total = c["replaced"] + c["kept"]
        share = c["replaced"] / total if total else 0.0
        rep = sum(1 for k in c if k.startswith("rulings:replaced:"))
        kept = sum(1 for k in c if k.startswith("rulings:kept:"))
        print(f"| {name} | {c['replaced']} | {c['kept']} | {share:.2f} | {rep} / {kept} |")
    if args.examples:
        for name in examples:
            print(f"\n{name}: " + ", ".join(f"{p} ({n})" for p, n in examples[name].most_common(args.examples)),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
