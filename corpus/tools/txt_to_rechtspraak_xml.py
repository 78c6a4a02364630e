#!/usr/bin/env python3
"""Wrap the project's own synthetic text rulings in Rechtspraak open-data XML.

Usage: python3 corpus/tools/txt_to_rechtspraak_xml.py corpus/samples

For every samples/<area>/<name>.txt it writes <name>.xml beside it: rdf:RDF metadata, an
inhoudsindicatie, and the ruling as <uitspraak> with <section>/<title>/<para> elements. Party
names after "tegen" and "in de zaak van" are wrapped in <emphasis>, as published rulings do,
and so is the street after "wonende aan de", so the reader's handling of inline elements is
exercised. Deterministic: rerunning gives the
same bytes. Only ever run it on rulings written for this project.
"""
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

AREAS = {
    "civiel": "Civiel recht",
    "straf": "Strafrecht",
    "bestuur": "Bestuursrecht",
    "familie": "Personen- en familierecht",
    "insolventie": "Insolventierecht",
    "vreemdelingen": "Vreemdelingenrecht",
    "belasting": "Belastingrecht",
    "arbeid": "Arbeidsrecht",
}
HEADING = re.compile(r"^(\d+\.\s+)?[A-Z][A-Za-z ,'-]{2,60}$")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def decision_date(text):
    m = re.search(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", text)
    if not m:
        return "2024-01-01"
    return f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


def convert(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    court = lines[0].strip().title().replace("'S-", "'s-")
    ecli = re.search(r"ECLI:NL:[A-Z]+:\d{4}:\d+", text)
    identifier = ecli.group(0) if ecli else "ECLI:NL:SAMPLE:" + decision_date(text)[:4] + ":" + path.stem.upper().replace("-", "")[:12]
    area = AREAS[path.parent.name]
    body = []
    emphasise_next = False
    in_section = False
    for raw in lines:
        line = raw.strip()
        if not line:
            body.append("    <para />")
            continue
        if line.lower() in ("tegen", "in de zaak van", "op het verzoek van", "en") or line.lower().startswith("in de zaak"):
            emphasise_next = True
            body.append(f"    <para>{escape(line)}</para>")
            continue
        if emphasise_next:
            emphasise_next = False
            name, _, rest = line.partition(",")
            body.append(f'    <para><emphasis role="bold">{escape(name)}</emphasis>{escape("," + rest if _ else "")}</para>')
            continue
        if HEADING.match(line) and not line.endswith(",") and len(line.split()) <= 6 and not line.startswith("ECLI"):
            if in_section:
                body.append("  </section>")
            body.append('  <section role="beoordeling">')
            body.append(f"    <title>{escape(line)}</title>")
            in_section = True
            continue
        if line.startswith("wonende aan de "):
            # A street name in its own inline element: the address must still be found whole.
            street, _, rest = line[len("wonende aan de "):].partition(" ")
            body.append(f"    <para>wonende aan de <emphasis>{escape(street)}</emphasis> {escape(rest)}</para>")
            continue
        body.append(f"    <para>{escape(line)}</para>")
    if in_section:
        body.append("  </section>")
    summary = f"Synthetische uitspraak ({area.lower()}), geschreven voor de tests van schuilnaam."
    return f"""<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:psi="http://psi.rechtspraak.nl/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:RDF>
    <rdf:Description>
      <dcterms:identifier>{identifier}</dcterms:identifier>
      <dcterms:format>text/xml</dcterms:format>
      <dcterms:accessRights>public</dcterms:accessRights>
      <dcterms:language>nl</dcterms:language>
      <dcterms:creator rdfs:label="Instantie">{escape(court)}</dcterms:creator>
      <dcterms:date rdfs:label="Uitspraakdatum">{decision_date(text)}</dcterms:date>
      <dcterms:type rdf:language="nl">Uitspraak</dcterms:type>
      <dcterms:subject rdfs:label="Rechtsgebied">{escape(area)}</dcterms:subject>
    </rdf:Description>
  </rdf:RDF>
  <inhoudsindicatie id="{identifier}:INH" lang="nl" xml:space="preserve">
    <para>{escape(summary)}</para>
  </inhoudsindicatie>
  <uitspraak id="{identifier}:DOC" lang="nl" xml:space="preserve">
{chr(10).join(body)}
  </uitspraak>
</open-rechtspraak>
"""


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus/samples")
    for path in sorted(root.glob("*/*.txt")):
        path.with_suffix(".xml").write_text(convert(path), encoding="utf-8")


if __name__ == "__main__":
    main()
