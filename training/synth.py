#!/usr/bin/env python3
"""Synthetic training rulings for the categories the published rulings rarely show the model:
relatives in family cases, victims and witnesses in criminal cases, and professionals right
beside them (so that "mr. A.B. Jansen, voorzitter" stays a PROFESSIONAL and "het slachtoffer,
Kees Mulder," a PERSON).

Sentences come from this file's own templates. Names, places and addresses are taken from the
surrogates of the refilled *train* gold files given with --names-from (the training halves of
the name lists), so the dev and test names stay unseen. Output: gold JSON Lines in the format
of `schuilnaam corpus refill` (character offsets).

    python training/synth.py --names-from target/gold/train-1.jsonl --docs 600 --seed 7 \
        --out target/gold/synth.jsonl
"""
import argparse
import json
import random
import re

# {P} full name, {I} initials and surname, {S} surname alone, {G} given name alone (PERSON);
# {J} a professional's initials and surname (PROFESSIONAL); {W} place; {A} street address;
# {B} date of birth; {d} a procedural date (not labelled).
TEMPLATES = [
    # Family law: relatives.
    "De man, {P}, en de vrouw, {P}, zijn op {d} te {W} met elkaar gehuwd.",
    "Uit het huwelijk is geboren {P}, op {B} te {W}.",
    "De minderjarige {P}, geboren op {B}, verblijft sinds de scheiding bij de moeder in {W}.",
    "De grootmoeder van moederszijde, {P}, wonende aan {A} te {W}, verzoekt een omgangsregeling met haar kleinzoon {G}.",
    "Ter zitting zijn verschenen de vader, {I}, bijgestaan door mr. {J}, en de moeder, {P}.",
    "Verzoekster heeft uit een eerdere relatie met {P} twee kinderen: {G} en {G}.",
    "De oom van het kind, {P}, is bij beschikking van {d} tot voogd benoemd.",
    "De broer van de man, {S}, heeft verklaard dat de kinderen bij hem in {W} logeerden.",
    "De stiefvader {P} woont samen met de moeder aan {A}.",
    "De raad voor de kinderbescherming, vertegenwoordigd door {J}, adviseert de hoofdverblijfplaats van {G} bij de vader te bepalen.",
    # Criminal law: victims and witnesses.
    "Aangeefster {P} heeft verklaard dat zij op {d} in {W} door de verdachte is geslagen.",
    "Het slachtoffer, {P} (geboren op {B}), heeft letsel aan zijn gezicht opgelopen.",
    "Getuige {I} heeft ter terechtzitting verklaard dat hij de verdachte samen met {P} bij de woning aan {A} heeft gezien.",
    "De benadeelde partij {P} vordert een schadevergoeding van € 2.500,00.",
    "Volgens {S} was de verdachte die avond in {W}.",
    "De verbalisanten hebben {P}, de zus van de verdachte, als getuige gehoord.",
    "{P} heeft aangifte gedaan van diefstal van haar fiets bij het station in {W}.",
    "De moeder van het slachtoffer, {P}, heeft ter zitting een slachtofferverklaring voorgelezen.",
    "Uit de verklaring van {I} volgt dat {S} het mes vasthield.",
    "De verdachte heeft {G} en haar vriendin {P} bedreigd.",
    # Professionals beside people.
    "De zaak is behandeld door mr. {J}, voorzitter, mr. {J} en mr. {J}, rechters, in aanwezigheid van {J}, griffier.",
    "De officier van justitie, mr. {J}, heeft gevorderd dat {P} wordt veroordeeld.",
    "De deskundige {J}, psychiater, heeft over {P} gerapporteerd.",
    "{P} wordt bijgestaan door mr. {J}, advocaat.",
    "Dit vonnis is gewezen door mr. {J}, rechter, en uitgesproken in het openbaar in aanwezigheid van {J}, griffier.",
    "De tolk {J} heeft voor {P} vertaald.",
    "Eiser, {P}, wonende te {W}, advocaat mr. {J}.",
]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def name_pools(paths):
    """Full names (given name and surname), places and addresses from refilled train gold."""
    full, places, addresses = set(), set(), set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                document = json.loads(line)
                for span in document["entities"]:
                    surface = document["text"][span["start"]:span["end"]]
                    if "\n" in surface:
                        continue
                    words = surface.split()
                    if span["label"] == "PERSON" and len(words) >= 2 and words[0].isalpha() \
                            and words[0][0].isupper() and words[-1][0].isupper():
                        full.add(surface)
                    elif span["label"] == "PLACE" and 1 <= len(words) <= 3:
                        places.add(surface)
                    elif span["label"] == "ADDRESS" and re.search(r"\d", surface) and len(words) <= 4:
                        addresses.add(surface)
    return sorted(full), sorted(places), sorted(addresses)


def split_name(full):
    """("Jan", "van der Berg") from "Jan Pieter van der Berg": the first word is the given name,
    the surname is the last capitalised word with the lower-case prefixes before it."""
    words = full.split()
    first = len(words) - 1
    while first > 1 and words[first - 1][0].islower():
        first -= 1
    return words[0], " ".join(words[first:])


def fill(template, rng, pools):
    full, places, addresses = pools
    text, entities = "", []
    for part in re.split(r"(\{[A-Za-z]\})", template):
        label, value = None, part
        if part == "{P}":
            label, value = "PERSON", rng.choice(full)
        elif part in ("{I}", "{J}"):
            given, surname = split_name(rng.choice(full))
            initials = "".join(f"{c}." for c in (given[0] + rng.choice(["", "", "J", "M", "A"])))
            label, value = ("PERSON" if part == "{I}" else "PROFESSIONAL"), f"{initials} {surname}"
        elif part == "{S}":
            _, surname = split_name(rng.choice(full))
            label, value = "PERSON", surname[0].upper() + surname[1:]
        elif part == "{G}":
            label, value = "PERSON", split_name(rng.choice(full))[0]
        elif part == "{W}":
            label, value = "PLACE", rng.choice(places)
        elif part == "{A}":
            label, value = "ADDRESS", rng.choice(addresses)
        elif part == "{B}":
            label = "DATE_OF_BIRTH"
            value = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1940, 2020)}"
        elif part == "{d}":
            value = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2010, 2025)}"
        if label:
            entities.append({"start": len(text), "end": len(text) + len(value), "label": label})
        text += value
    return text, entities


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names-from", nargs="+", required=True, help="refilled train gold JSONL files")
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--sentences", type=int, default=12, help="sentences per document")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pools = name_pools(args.names_from)
    with open(args.out, "w", encoding="utf-8") as out:
        for index in range(args.docs):
            text, entities = "", []
            for _ in range(args.sentences):
                sentence, spans = fill(rng.choice(TEMPLATES), rng, pools)
                for span in spans:
                    span["start"] += len(text)
                    span["end"] += len(text)
                entities.extend(spans)
                text += sentence + ("\n" if rng.random() < 0.3 else " ")
            out.write(json.dumps({"id": f"synth-{args.seed}-{index}", "text": text, "entities": entities},
                                 ensure_ascii=False) + "\n")
    print(f"{args.docs} synthetic rulings from {len(pools[0])} names, {len(pools[1])} places, "
          f"{len(pools[2])} addresses -> {args.out}")


if __name__ == "__main__":
    main()
