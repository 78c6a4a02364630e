#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that has Rust, Python 3 with pip and
# Node with npm: the ONNX Runtime library (scripts/fetch-onnxruntime.sh), Debian's Chromium
# for the review page's browser test (when neither `chromium` nor $CHROMIUM is there; with
# sudo only when not root), and playwright-core. Rerunning it does little.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-onnxruntime.sh
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
npm ci --prefix tests/e2e --no-audit --no-fund
