#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that has Rust, Python 3 with pip and
# Node with npm: the ONNX Runtime library (scripts/fetch-onnxruntime.sh), Debian's Chromium
# for the review page's browser test (when neither `chromium` nor $CHROMIUM is there),
# LibreOffice without its GUI for the Word tests (when neither `soffice` nor $SOFFICE is
# there; both with sudo only when not root), and playwright-core. Rerunning it does little.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-onnxruntime.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium chromium-driver)
fi
if [ -z "${SOFFICE:-}" ] && ! command -v soffice >/dev/null 2>&1; then
  missing+=(libreoffice-writer-nogui)
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --prefix tests/e2e --no-audit --no-fund
