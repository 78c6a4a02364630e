#!/usr/bin/env bash
# The Debian package, as an IT department meets it: builds it (scripts/build-deb.sh), installs
# it with `dpkg -i` into this machine, and checks from another directory, with no flags and no
# ONNX Runtime in the environment, that
#   * `schuilnaam run` pseudonymises the packaged samples with the model (the logs name the
#     `ner` detector) and gives byte for byte what the checkout's build gives,
#   * the man pages, the shell completions and the ONNX Runtime licence are installed,
# then removes the package again and checks that the binary is gone. Run by .ci/run; needs root
# or sudo. Refuses to touch a machine where schuilnaam is installed already.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

if dpkg-query -W -f='${Status}' schuilnaam 2>/dev/null | grep -q "install ok installed"; then
  echo "schuilnaam is installed on this machine already; this test installs and removes it, so it stops here" >&2
  exit 1
fi

echo "== building the package"
deb=$(scripts/build-deb.sh)
ls -l "$deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'

work=$(mktemp -d /tmp/schuilnaam-deb.XXXXXX)
installed=""
cleanup() {
  set +e
  [ -n "$installed" ] && $SUDO dpkg -r schuilnaam >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== dpkg -i"
$SUDO dpkg -i "$deb"
installed=yes
[ "$(command -v schuilnaam)" = /usr/bin/schuilnaam ]

echo "== schuilnaam run from $work, no flags, no ORT_DYLIB_PATH"
(
  cd "$work"
  env -u ORT_DYLIB_PATH schuilnaam run /usr/share/doc/schuilnaam/samples --out out
)
"$ROOT/target/release/schuilnaam" run /usr/share/doc/schuilnaam/samples --out "$work/checkout" \
  --progress none
python3 - "$work/out" "$work/checkout" <<'PY'
import os, sys
installed, checkout = sys.argv[1], sys.argv[2]

def files(root):
    return sorted(os.path.relpath(os.path.join(base, name), root)
                  for base, _, names in os.walk(root) for name in names
                  if name != "summary.json")

names = files(installed)
assert names == files(checkout), "the installed run wrote other files than the checkout's"
outputs = [n for n in names if not n.endswith(".log.jsonl")]
assert len(outputs) >= 20, f"only {len(outputs)} outputs"
for name in names:
    with open(os.path.join(installed, name), "rb") as a, open(os.path.join(checkout, name), "rb") as b:
        assert a.read() == b.read(), f"{name}: differs from the checkout's build"
ner = sum(open(os.path.join(installed, n)).read().count('"detector":"ner"')
          for n in names if n.endswith(".log.jsonl"))
assert ner > 0, "no substitution came from the model: the package's model was not used"
print(f"{len(outputs)} samples, identical to the checkout's build, {ner} substitutions by the model")
PY

echo "== man pages, completions, licences"
for page in schuilnaam schuilnaam-run schuilnaam-summary; do
  [ -f "/usr/share/man/man1/$page.1.gz" ] || { echo "missing man page $page" >&2; exit 1; }
done
run_page=$(zcat /usr/share/man/man1/schuilnaam-run.1.gz)
grep -q 'shard I of N' <<<"$run_page" || { echo "schuilnaam-run.1 does not document --shard" >&2; exit 1; }
bash -c 'source /usr/share/bash-completion/completions/schuilnaam && complete -p schuilnaam' >/dev/null
[ -f /usr/share/zsh/vendor-completions/_schuilnaam ]
[ -f /usr/share/fish/vendor_completions.d/schuilnaam.fish ]
[ -f /usr/share/doc/schuilnaam/onnxruntime/LICENSE ]
[ -f /usr/share/doc/schuilnaam/copyright ]
schuilnaam --version

echo "== dpkg -r"
$SUDO dpkg -r schuilnaam
installed=""
if [ -e /usr/bin/schuilnaam ] || [ -e /usr/lib/schuilnaam/libonnxruntime.so ]; then
  echo "files left after dpkg -r" >&2
  exit 1
fi
echo "Debian package test passed: $(basename "$deb")"
