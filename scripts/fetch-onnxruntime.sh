#!/usr/bin/env bash
# Fetches the ONNX Runtime shared library that schuilnaam's NER detector loads at run time.
#
# The `ort` crate cannot download ONNX Runtime here, so the library comes from the PyPI
# `onnxruntime` wheel (which bundles it): pip downloads the wheel for this machine and the
# library is unpacked to DEST (default: .ort/ in the repository) as libonnxruntime.so, with
# its LICENSE (MIT) and ThirdPartyNotices.txt.
# schuilnaam looks there by default; elsewhere, point ORT_DYLIB_PATH or --onnxruntime at it.
#
# Usage: scripts/fetch-onnxruntime.sh [DEST]
set -euo pipefail
VERSION=1.32.0
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${1:-$ROOT/.ort}"
if [ -f "$DEST/libonnxruntime.so" ] && [ -f "$DEST/LICENSE" ] && [ -f "$DEST/VERSION" ] && [ "$(cat "$DEST/VERSION")" = "$VERSION" ]; then
  echo "ONNX Runtime $VERSION already in $DEST"
  exit 0
fi
PYTHON="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "onnxruntime==$VERSION"
mkdir -p "$DEST"
"$PYTHON" - "$tmp" "$DEST" <<'PY'
import glob, os, sys, zipfile
tmp, dest = sys.argv[1], sys.argv[2]
wheels = glob.glob(os.path.join(tmp, "onnxruntime-*.whl"))
if not wheels:
    sys.exit("no onnxruntime wheel was downloaded")
with zipfile.ZipFile(wheels[0]) as wheel:
    names = [n for n in wheel.namelist() if "/capi/libonnxruntime.so" in n]
    if not names:
        sys.exit(f"{wheels[0]}: no libonnxruntime.so inside")
    # The library, and the licence and third-party notices that must travel with it (the
    # Debian package ships them beside it).
    wanted = {"libonnxruntime.so": sorted(names)[-1]}
    for notice in ("LICENSE", "ThirdPartyNotices.txt"):
        inside = [n for n in wheel.namelist() if n == f"onnxruntime/{notice}"]
        if not inside:
            sys.exit(f"{wheels[0]}: no onnxruntime/{notice} inside")
        wanted[notice] = inside[0]
    for name, inside in wanted.items():
        target = os.path.join(dest, name)
        with wheel.open(inside) as source, open(target + ".tmp", "wb") as out:
            out.write(source.read())
        os.replace(target + ".tmp", target)
PY
echo "$VERSION" > "$DEST/VERSION"
echo "ONNX Runtime $VERSION: $DEST/libonnxruntime.so"
