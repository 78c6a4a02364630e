#!/usr/bin/env bash
# Builds the Debian package target/debian/schuilnaam_<version>-1_amd64.deb: the release
# binary, the NER model, the ONNX Runtime library with its licence, man pages and shell
# completions generated from the clap definitions, the README and the sample rulings.
# Installs cargo-deb (crates.io) when it is missing. Prints the package's path last.
#
# Usage: scripts/build-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_DEB_VERSION=3.8.0
scripts/fetch-onnxruntime.sh >&2
if ! cargo deb --version >/dev/null 2>&1; then
  echo "installing cargo-deb $CARGO_DEB_VERSION" >&2
  cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION" >&2
fi
cargo build --release >&2
assets=target/deb-assets
rm -rf "$assets"
target/release/schuilnaam generate man --out "$assets/man" 2>/dev/null
for shell in bash zsh fish; do
  target/release/schuilnaam generate "$shell" --out "$assets/completions" 2>/dev/null
done
cargo deb --no-build --strip >&2
ls -t target/debian/schuilnaam_*.deb | head -1
