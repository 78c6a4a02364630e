"""Times Deduce on a folder of text rulings, in one process, the way `schuilnaam bench`
times itself: start-up (building the Deduce object and its lookup structures) apart, then
one pass over every document. Prints one JSON line.

Usage: python benches/deduce_time.py CORPUS_DIR
"""
import json
import pathlib
import sys
import time

started = time.perf_counter()
from deduce import Deduce  # noqa: E402  (the import is part of the start-up)

deduce = Deduce()
startup_s = time.perf_counter() - started

texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
began = time.perf_counter()
for text in texts:
    deduce.deidentify(text)
wall_s = time.perf_counter() - began
print(json.dumps({
    "tool": "deduce",
    "documents": len(texts),
    "bytes": sum(len(t.encode("utf-8")) for t in texts),
    "startup_s": startup_s,
    "wall_s": wall_s,
    "documents_per_s": len(texts) / wall_s,
}))
