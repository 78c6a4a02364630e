#!/usr/bin/env python3
"""Builds surnames.txt: the Dutch surnames of the PyPI package `faker` (provider person,
locale nl_NL; MIT licence, copied to LICENSE.faker). Downloads the wheel with pip into a
temporary folder; writes only surnames.txt and LICENSE.faker here.

The list answers one question for resolve: is a capitalised word that is also a Dutch word
("Bakker", "Koning", "Visser") a common surname, so that the model's lone mention of it stays
a person?
"""
import ast
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "40.63.0"
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
    value = next(node.value for node in provider.body
                 if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "last_names" for t in node.targets))
    names = sorted(set(ast.literal_eval(value)))
    (here / "LICENSE.faker").write_text(pathlib.Path(tmp, licence).read_text())
with open(here / "surnames.txt", "w", encoding="utf-8") as out:
    out.write(f"# Dutch surnames of faker {VERSION} (faker/providers/person/nl_NL), MIT. Built by build_surnames.py.\n")
    for name in names:
        out.write(name + "\n")
print(len(names), "surnames")
